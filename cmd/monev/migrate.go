package main

import (
	"context"
	"fmt"
	"io"
)

// cmdMigrate is `monev migrate up|down|version`, as the owner
// (MONEV_MIGRATE_URL, or DATABASE_URL when the roles are one); after up it
// grants DATABASE_URL's role what serving needs.
func cmdMigrate(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: migrate takes one of up, down, version", errUsage)
	}
	db, err := openOwnerDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	switch args[0] {
	case "up":
		if err := db.MigrateUp(ctx); err != nil {
			return err
		}
		if err := grantApp(ctx, cfg, db); err != nil {
			return err
		}
	case "down":
		if err := db.MigrateDown(ctx); err != nil {
			return err
		}
	case "version":
	default:
		return fmt.Errorf("%w: migrate takes one of up, down, version, not %q", errUsage, args[0])
	}
	st, err := db.Schema(ctx)
	if err != nil {
		return err
	}
	dirty := ""
	if st.Dirty {
		dirty = " (dirty: a migration failed half-way; fix it, then run migrate again)"
	}
	fmt.Fprintf(stdout, "schema version %d of %d%s\n", st.Version, st.Latest, dirty)
	return nil
}
