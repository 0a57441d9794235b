package database

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/golang-migrate/migrate/v4"
	migratepgx "github.com/golang-migrate/migrate/v4/database/pgx/v5"
	"github.com/golang-migrate/migrate/v4/source/iofs"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/cilegon/monev/migrations"
)

// ErrSchemaBehind reports a database whose schema is older than this build.
var ErrSchemaBehind = errors.New("database schema is behind this version of monev")

// SchemaStatus is the migration state of a database.
type SchemaStatus struct {
	Version uint // applied version, 0 when none
	Latest  uint // newest version this build knows
	Dirty   bool // a migration failed half-way
}

// Current reports whether the database is at this build's schema.
func (s SchemaStatus) Current() bool { return s.Version == s.Latest && !s.Dirty }

// LatestVersion is the newest migration embedded in this build.
func LatestVersion() uint {
	var latest uint
	entries, _ := fs.ReadDir(migrations.FS, ".")
	for _, e := range entries {
		head, _, ok := strings.Cut(e.Name(), "_")
		if !ok {
			continue
		}
		if v, err := strconv.ParseUint(head, 10, 32); err == nil && uint(v) > latest {
			latest = uint(v)
		}
	}
	return latest
}

// MigrateUp applies every pending migration.
func (db *DB) MigrateUp(ctx context.Context) error {
	return db.migrate(ctx, func(m *migrate.Migrate) error { return m.Up() })
}

// MigrateDown reverts the newest applied migration.
func (db *DB) MigrateDown(ctx context.Context) error {
	return db.migrate(ctx, func(m *migrate.Migrate) error { return m.Steps(-1) })
}

// Schema reports the migration state of the database.
func (db *DB) Schema(ctx context.Context) (SchemaStatus, error) {
	st := SchemaStatus{Latest: LatestVersion()}
	err := db.migrate(ctx, func(m *migrate.Migrate) error {
		v, dirty, err := m.Version()
		if errors.Is(err, migrate.ErrNilVersion) {
			return nil
		}
		st.Version, st.Dirty = v, dirty
		return err
	})
	return st, err
}

// RequireCurrentSchema fails with ErrSchemaBehind unless the database is at
// this build's schema.
func (db *DB) RequireCurrentSchema(ctx context.Context) error {
	st, err := db.Schema(ctx)
	if err != nil {
		return err
	}
	if !st.Current() {
		return fmt.Errorf("%w (database at version %d%s, this build needs %d)",
			ErrSchemaBehind, st.Version, map[bool]string{true: ", dirty"}[st.Dirty], st.Latest)
	}
	return nil
}

func (db *DB) migrate(ctx context.Context, fn func(*migrate.Migrate) error) error {
	src, err := iofs.New(migrations.FS, ".")
	if err != nil {
		return fmt.Errorf("database: migrations: %w", err)
	}
	sqlDB := stdlib.OpenDBFromPool(db.pool)
	drv, err := migratepgx.WithInstance(sqlDB, &migratepgx.Config{})
	if err != nil {
		sqlDB.Close()
		return fmt.Errorf("database: migrations: %w", err)
	}
	m, err := migrate.NewWithInstance("iofs", src, "pgx5", drv)
	if err != nil {
		drv.Close()
		return fmt.Errorf("database: migrations: %w", err)
	}
	// Closing the driver returns its connection to the pool; without it
	// the pool could never close.
	defer m.Close()
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-ctx.Done():
			m.GracefulStop <- true
		case <-done:
		}
	}()
	if err := fn(m); err != nil && !errors.Is(err, migrate.ErrNoChange) {
		return fmt.Errorf("database: migrations: %w", err)
	}
	return nil
}
