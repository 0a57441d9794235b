package postgres

import (
	"context"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
)

// audit appends one entry to the audit log inside the caller's transaction,
// so a change and its record commit or roll back together. old and new are
// stored as JSON (nil for none).
func audit(ctx context.Context, tx pgx.Tx, a domain.Actor, action, entity string, id any, summary string, old, new any) error {
	_, err := tx.Exec(ctx, `
		INSERT INTO audit_log (pemda, user_id, username, action, entity, entity_id, summary, old_values, new_values, ip, request_id)
		VALUES ($1, nullif($2, 0), $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		a.Pemda, a.UserID, a.Username, action, entity, entityID(id), summary, jsonOrNil(old), jsonOrNil(new), a.IP, a.RequestID)
	return err
}

// Audit records an event that changes no data, such as a sign-in, an export
// or a print.
func (db *DB) Audit(ctx context.Context, a domain.Actor, action, entity string, id any, summary string) error {
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		return audit(ctx, tx, a, action, entity, id, summary, nil, nil)
	})
	return mapError("audit", err)
}

func entityID(id any) string {
	switch v := id.(type) {
	case nil:
		return ""
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case int:
		return strconv.Itoa(v)
	}
	return ""
}

func jsonOrNil(v any) any {
	if v == nil {
		return nil
	}
	return v
}
