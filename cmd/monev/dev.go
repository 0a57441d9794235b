package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	authui "github.com/cilegon/monev/internal/auth/ui"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

// devPort is the port the project-local PostgreSQL prefers.
const devPort = 54329

// cmdDev is `make run`: a project-local PostgreSQL under .data/ unless
// DATABASE_URL is set, the schema migrated, the demo loaded into an empty
// database, and the server until Ctrl-C, which also stops PostgreSQL.
func cmdDev(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("dev", flag.ContinueOnError)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if cfg.DatabaseURL == "" {
		dir, err := filepath.Abs(filepath.Join(cfg.DataDir, "pg"))
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Starting PostgreSQL in %s ...\n", dir)
		c, err := pgdev.Start(ctx, pgdev.Options{Dir: dir, PreferredPort: devPort, Database: "monev"})
		if errors.Is(err, pgdev.ErrNoBinaries) {
			return fmt.Errorf("%w\nOr set DATABASE_URL to an existing PostgreSQL 15+ database", err)
		}
		if err != nil {
			return err
		}
		defer func() {
			fmt.Fprintln(stdout, "Stopping PostgreSQL ...")
			if err := c.Stop(); err != nil {
				log.Error("stop postgres", "err", err)
			}
		}()
		// Two roles, as on a server: the cluster's superuser owns and
		// migrates the database, monev serves as pgdev.AppRole.
		if err := pgdev.EnsureAppRole(ctx, c.URL("")); err != nil {
			return err
		}
		cfg.MigrateURL, cfg.DatabaseURL = c.URL("monev"), pgdev.AppURL(c.URL("monev"))
	}
	if err := devSetUp(ctx, cfg, stdout); err != nil {
		return err
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	warnAuditLog(ctx, log, db)
	logins := demoLogins(ctx, db)
	fmt.Fprintf(stdout, "\nmonev is running at http://%s  (database %s)\n", cfg.Addr, cfg.DatabaseURL)
	if len(logins) > 0 {
		printDemoLogins(stdout)
	}
	fmt.Fprintln(stdout, "\nPress Ctrl-C to stop.")
	return serve(ctx, cfg, log, db, logins)
}

// devSetUp migrates the database and loads the demo into an empty one, as
// the owner, and grants the application's role its privileges.
func devSetUp(ctx context.Context, cfg config, stdout io.Writer) error {
	owner, err := openOwnerDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer owner.Close()
	if err := owner.MigrateUp(ctx); err != nil {
		return err
	}
	if err := grantApp(ctx, cfg, owner); err != nil {
		return err
	}
	has, err := demo.HasData(ctx, owner, domain.DefaultPemda)
	if err != nil || has {
		return err
	}
	fmt.Fprintln(stdout, "Loading the Cilegon demo data ...")
	return demo.Load(ctx, owner, cliActor(domain.DefaultPemda))
}

// demoLogins lists the demo accounts whose password is still the demo one,
// for the sign-in page of the development server.
func demoLogins(ctx context.Context, db *database.DB) []authui.DemoLogin {
	var out []authui.DemoLogin
	accounts := auth.NewService(db)
	for _, u := range demo.Users {
		if !accounts.CheckPassword(ctx, u.Username, demo.Password) {
			continue
		}
		out = append(out, authui.DemoLogin{Username: u.Username, Password: demo.Password, Role: u.Role.Label()})
	}
	return out
}
