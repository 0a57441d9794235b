package postgres

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

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

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID        int64
	At        time.Time
	Username  string
	Action    string
	Entity    string
	EntityID  string
	Summary   string
	OldValues map[string]any // a list is kept under the key "nilai"
	NewValues map[string]any
	IP        string
	RequestID string
}

// AuditFilter narrows the audit log; empty fields do not filter.
type AuditFilter struct {
	From, To time.Time // inclusive days
	Username string
	Action   string
	Entity   string
	EntityID string
	Text     string // in the summary or the values
}

// where builds the conditions of a filter, with $1 for the Pemda.
func (f AuditFilter) where(pemda string) (string, []any) {
	conds, args := []string{"pemda = $1"}, []any{pemda}
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if !f.From.IsZero() {
		add("at >= ?::date", f.From)
	}
	if !f.To.IsZero() {
		add("at < ?::date + 1", f.To)
	}
	if f.Username != "" {
		add("username = ?", f.Username)
	}
	if f.Action != "" {
		add("action = ?", f.Action)
	}
	if f.Entity != "" {
		add("entity = ?", f.Entity)
	}
	if f.EntityID != "" {
		add("entity_id = ?", f.EntityID)
	}
	if f.Text != "" {
		add("(summary ILIKE '%' || ? || '%' OR old_values::text ILIKE '%' || ? || '%' OR new_values::text ILIKE '%' || ? || '%')", f.Text)
	}
	return strings.Join(conds, " AND "), args
}

const auditColumns = `id, at, username, action, entity, entity_id, summary, old_values, new_values, ip, request_id`

// AuditEntries returns a page of the audit log, newest first, and how many
// entries match.
func (db *DB) AuditEntries(ctx context.Context, pemda string, f AuditFilter, offset, limit int) ([]AuditEntry, int64, error) {
	where, args := f.where(pemda)
	var total int64
	if err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, mapError("count audit log", err)
	}
	rows, _ := db.Pool().Query(ctx, `SELECT `+auditColumns+` FROM audit_log WHERE `+where+
		` ORDER BY at DESC, id DESC OFFSET `+strconv.Itoa(offset)+` LIMIT `+strconv.Itoa(limit), args...)
	var e AuditEntry
	var entries []AuditEntry
	var oldRaw, newRaw []byte
	_, err := pgx.ForEachRow(rows, auditDest(&e, &oldRaw, &newRaw), func() error {
		e.OldValues, e.NewValues = jsonFields(oldRaw), jsonFields(newRaw)
		entries = append(entries, e)
		return nil
	})
	return entries, total, mapError("list audit log", err)
}

// EachAuditEntry calls fn for every matching entry, newest first, without
// holding them all in memory (for exports).
func (db *DB) EachAuditEntry(ctx context.Context, pemda string, f AuditFilter, fn func(AuditEntry) error) error {
	where, args := f.where(pemda)
	rows, _ := db.Pool().Query(ctx, `SELECT `+auditColumns+` FROM audit_log WHERE `+where+` ORDER BY at DESC, id DESC`, args...)
	var e AuditEntry
	var oldRaw, newRaw []byte
	_, err := pgx.ForEachRow(rows, auditDest(&e, &oldRaw, &newRaw), func() error {
		e.OldValues, e.NewValues = jsonFields(oldRaw), jsonFields(newRaw)
		return fn(e)
	})
	return mapError("export audit log", err)
}

// auditDest is where a row of auditColumns is scanned; the values are kept
// raw, for jsonFields.
func auditDest(e *AuditEntry, oldRaw, newRaw *[]byte) []any {
	return []any{&e.ID, &e.At, &e.Username, &e.Action, &e.Entity, &e.EntityID, &e.Summary, oldRaw, newRaw, &e.IP, &e.RequestID}
}

// jsonFields decodes stored values: an object as its fields, anything else
// (a list of targets, say) under the key "nilai"; nil for none.
func jsonFields(raw []byte) map[string]any {
	if raw == nil {
		return nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return map[string]any{"nilai": string(raw)}
	}
	if m, ok := v.(map[string]any); ok {
		return m
	}
	return map[string]any{"nilai": v}
}

// AuditUsernames lists the names that appear in the audit log, for filters.
func (db *DB) AuditUsernames(ctx context.Context, pemda string) ([]string, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT DISTINCT username FROM audit_log WHERE pemda = $1 AND username <> '' ORDER BY 1`, pemda)
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return names, mapError("list audit usernames", err)
}
