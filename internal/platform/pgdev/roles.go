package pgdev

import (
	"context"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5"
)

// AppRole is the role the application runs as on development and test
// servers; the server's superuser owns the database and migrates it. The
// password only matters on a server that asks for one (pgdev's clusters
// trust local connections).
const (
	AppRole     = "monev_app"
	appPassword = "monev-app-dev"
)

// EnsureAppRole creates AppRole on the server adminURL reaches, unless it
// exists.
func EnsureAppRole(ctx context.Context, adminURL string) error {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("pgdev: app role: %w", err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `DO $$ BEGIN
		CREATE ROLE `+ident(AppRole)+` LOGIN PASSWORD '`+appPassword+`';
	EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`)
	if err != nil {
		return fmt.Errorf("pgdev: app role: %w", err)
	}
	return nil
}

// AppURL is ownerURL with AppRole instead of its user: the same database,
// as the application.
func AppURL(ownerURL string) string {
	u, err := url.Parse(ownerURL)
	if err != nil {
		panic(err)
	}
	u.User = url.UserPassword(AppRole, appPassword)
	return u.String()
}
