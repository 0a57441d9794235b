package database

import (
	"context"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5"
)

// GrantApp gives the application's role what serving needs and no more:
// it reads and writes the data, appends to the audit log and reads the
// schema version. It cannot change the schema, update, delete or truncate
// the audit log, or disable its trigger, which only the owner could. db is
// connected as the owner, which runs the migrations; call GrantApp after
// every migration, since new tables start with no grants.
func (db *DB) GrantApp(ctx context.Context, role string) error {
	r := pgx.Identifier{role}.Sanitize()
	var owner bool
	if err := db.pool.QueryRow(ctx, `SELECT current_user = $1`, role).Scan(&owner); err != nil {
		return fmt.Errorf("database: grant %s: %w", role, err)
	}
	if owner {
		return fmt.Errorf("database: the application role %s is the role that migrates; give the application a role of its own", role)
	}
	_, err := db.pool.Exec(ctx, `
		GRANT USAGE ON SCHEMA public TO `+r+`;
		GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO `+r+`;
		GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO `+r+`;
		REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM `+r+`;
		REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM `+r+`;
		REVOKE UPDATE ON SEQUENCE audit_log_id_seq FROM `+r)
	if err != nil {
		return fmt.Errorf("database: grant %s: %w", role, err)
	}
	return nil
}

// CanAlterAuditLog reports whether the connected role could rewrite the
// audit log: it owns the table (and so could disable its trigger), is a
// superuser, or may update or delete its rows. monev serve warns when it can.
func (db *DB) CanAlterAuditLog(ctx context.Context) (bool, error) {
	var can bool
	err := db.pool.QueryRow(ctx, `
		SELECT pg_has_role(current_user, c.relowner, 'USAGE')
		    OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
		    OR has_table_privilege('audit_log', 'UPDATE') OR has_table_privilege('audit_log', 'DELETE')
		    OR has_table_privilege('audit_log', 'TRUNCATE')
		FROM pg_class c WHERE c.oid = 'audit_log'::regclass`).Scan(&can)
	if err != nil {
		return false, fmt.Errorf("database: audit log privileges: %w", err)
	}
	return can, nil
}

// URLUser is the role a connection URL signs in as ("" when it names none).
func URLUser(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return ""
	}
	return u.User.Username()
}
