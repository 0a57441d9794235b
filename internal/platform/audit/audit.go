// Package audit is monev's append-only audit log: Write records a change in
// the caller's transaction, ChangesSQL does the same for set-based merges,
// and Log reads the log back for the admin pages, exports and the history of
// a record. It imports domain and platform/database and nothing else of the
// project.
package audit

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// Write appends one entry to the audit log inside the caller's transaction,
// so a change and its record commit or roll back together. old and new are
// stored as JSON (nil for none).
func Write(ctx context.Context, tx pgx.Tx, a domain.Actor, action, entity string, id any, summary string, old, new any) error {
	_, err := tx.Exec(ctx, `
		INSERT INTO audit_log (pemda, user_id, username, action, entity, entity_id, summary, old_values, new_values, ip, request_id)
		VALUES ($1, nullif($2, 0), $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		a.Pemda, a.UserID, a.Username, action, entity, entityID(id), summary, jsonOrNil(old), jsonOrNil(new), a.IP, a.RequestID)
	return err
}

// Actions are the actions the log records, in the order a filter offers them.
var Actions = []string{"login", "login_failed", "logout", "create", "update", "delete", "import", "load", "export", "print", "revoke"}

// actionLabels are the Indonesian names of the actions.
var actionLabels = map[string]string{
	"login": "Masuk", "login_failed": "Gagal masuk", "logout": "Keluar", "create": "Tambah", "update": "Ubah",
	"delete": "Hapus", "import": "Impor", "load": "Muat data", "export": "Ekspor", "print": "Cetak", "revoke": "Cabut",
	"download": "Unduh", "read": "Buka",
}

// ActionLabel is the Indonesian name of an action, such as "Ubah" for
// "update"; an unknown action is returned as it is.
func ActionLabel(action string) string {
	if l, ok := actionLabels[action]; ok {
		return l
	}
	return action
}

// Log reads and appends to the audit log of one database.
type Log struct{ db *database.DB }

// New returns the audit log of db.
func New(db *database.DB) *Log { return &Log{db: db} }

// Record appends an event that changes no data, such as a sign-in, an
// export or a print.
func (l *Log) Record(ctx context.Context, a domain.Actor, action, entity string, id any, summary string) error {
	err := l.db.InTx(ctx, func(tx pgx.Tx) error {
		return Write(ctx, tx, a, action, entity, id, summary, nil, nil)
	})
	return database.MapError("audit", err)
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

// Entry is one line of the audit log.
type Entry struct {
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

// Filter narrows the audit log; empty fields do not filter.
type Filter struct {
	From, To time.Time // inclusive days
	Username string
	Action   string
	Entity   string
	EntityID string
	Text     string // in the summary or the values
}

// where builds the conditions of a filter, with $1 for the Pemda.
func (f Filter) where(pemda string) (string, []any) {
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

// Columns are the columns of audit_log an Entry is scanned from, in its field order.
const Columns = `id, at, username, action, entity, entity_id, summary, old_values, new_values, ip, request_id`

// Entries returns a page of the audit log, newest first, and how many
// entries match.
func (l *Log) Entries(ctx context.Context, pemda string, f Filter, offset, limit int) ([]Entry, int64, error) {
	where, args := f.where(pemda)
	var total int64
	if err := l.db.Pool().QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, database.MapError("count audit log", err)
	}
	rows, _ := l.db.Pool().Query(ctx, `SELECT `+Columns+` FROM audit_log WHERE `+where+
		` ORDER BY at DESC, id DESC OFFSET `+strconv.Itoa(offset)+` LIMIT `+strconv.Itoa(limit), args...)
	var e Entry
	var entries []Entry
	var oldRaw, newRaw []byte
	_, err := pgx.ForEachRow(rows, auditDest(&e, &oldRaw, &newRaw), func() error {
		e.OldValues, e.NewValues = jsonFields(oldRaw), jsonFields(newRaw)
		entries = append(entries, e)
		return nil
	})
	return entries, total, database.MapError("list audit log", err)
}

// Each calls fn for every matching entry, newest first, without holding
// them all in memory (for exports).
func (l *Log) Each(ctx context.Context, pemda string, f Filter, fn func(Entry) error) error {
	where, args := f.where(pemda)
	rows, _ := l.db.Pool().Query(ctx, `SELECT `+Columns+` FROM audit_log WHERE `+where+` ORDER BY at DESC, id DESC`, args...)
	var e Entry
	var oldRaw, newRaw []byte
	_, err := pgx.ForEachRow(rows, auditDest(&e, &oldRaw, &newRaw), func() error {
		e.OldValues, e.NewValues = jsonFields(oldRaw), jsonFields(newRaw)
		return fn(e)
	})
	return database.MapError("export audit log", err)
}

// auditDest is where a row of auditColumns is scanned; the values are kept
// raw, for jsonFields.
func auditDest(e *Entry, oldRaw, newRaw *[]byte) []any {
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

// Usernames lists the names that appear in the audit log, for filters.
func (l *Log) Usernames(ctx context.Context, pemda string) ([]string, error) {
	rows, _ := l.db.Pool().Query(ctx, `SELECT DISTINCT username FROM audit_log WHERE pemda = $1 AND username <> '' ORDER BY 1`, pemda)
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return names, database.MapError("list audit usernames", err)
}

// ChangesSQL is the tail of a merge statement that writes one audit entry
// per updated row with its old and new values; the statement defines the
// CTEs old (rows before) and up (rows after, with inserted = xmax = 0).
func ChangesSQL(entity string) string {
	return `
		INSERT INTO audit_log (pemda, user_id, username, action, entity, entity_id, summary, old_values, new_values, request_id)
		SELECT $1, nullif($2::bigint, 0), $3, 'update', '` + entity + `', up.id::text,
		       'Diubah lewat impor (batch ' || $5::bigint || ')',
		       to_jsonb(old) - 'pemda' - 'created_at' - 'updated_at', to_jsonb(up) - 'pemda' - 'created_at' - 'updated_at' - 'inserted',
		       $4
		FROM up JOIN old ON old.id = up.id
		WHERE NOT up.inserted`
}
