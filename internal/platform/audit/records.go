package audit

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// JSONOf is the audit form of a row: its columns as JSON, without the
// Pemda and timestamps, as the import's audit entries have it.
func JSONOf(alias string) string {
	return `to_jsonb(` + alias + `) - 'pemda' - 'created_at' - 'updated_at'`
}

// RowChange is a correction of one row of a registry table (worker,
// contribution, claim): the row is locked, the UPDATE returns the row's
// audit form, a violated constraint becomes a refusal, and the change is
// audited with old and new values unless nothing changed.
type RowChange struct {
	Table     string
	ID        int64
	Summary   string
	Conflicts map[string][2]string // constraint → field and message
	NoRow     error                // what an UPDATE that matches no row means (the row itself exists: it is locked first)
}

// Run locks the row, runs the UPDATE (which returns the row's JSONOf form)
// and audits the change.
func (c RowChange) Run(ctx context.Context, tx pgx.Tx, actor domain.Actor, update string, args ...any) error {
	old, err := LockRow(ctx, tx, c.Table, actor.Pemda, c.ID)
	if err != nil {
		return err
	}
	var row map[string]any
	err = tx.QueryRow(ctx, update, args...).Scan(&row)
	if errors.Is(err, pgx.ErrNoRows) && c.NoRow != nil {
		return c.NoRow
	}
	if err != nil {
		return database.ConflictOf(err, c.Conflicts)
	}
	if !Changed(old, row) {
		return nil
	}
	return Write(ctx, tx, actor, "update", c.Table, c.ID, c.Summary, old, row)
}

// LockRow locks one row of a registry table for a change and returns its
// audit form; table is a constant of the caller.
func LockRow(ctx context.Context, tx pgx.Tx, table, pemda string, id int64) (map[string]any, error) {
	var old map[string]any
	err := tx.QueryRow(ctx, `SELECT `+JSONOf("t")+` FROM `+table+` t WHERE pemda = $1 AND id = $2 FOR UPDATE`, pemda, id).Scan(&old)
	return old, err
}

// DeleteRow removes one row of a registry table entered by mistake and
// audits it with its old values; summary describes it from them.
func DeleteRow(ctx context.Context, db *database.DB, actor domain.Actor, table string, id int64, summary func(old map[string]any) string) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		old, err := LockRow(ctx, tx, table, actor.Pemda, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE pemda = $1 AND id = $2`, actor.Pemda, id); err != nil {
			return err
		}
		return Write(ctx, tx, actor, "delete", table, id, summary(old), old, nil)
	})
	return database.MapError("delete "+table, err)
}

// Changed reports whether two audit forms of a row differ.
func Changed(old, new map[string]any) bool {
	if len(old) != len(new) {
		return true
	}
	for k, v := range old {
		if nv, ok := new[k]; !ok || !sameJSON(v, nv) {
			return true
		}
	}
	return false
}

// sameJSON compares two decoded JSON scalars.
func sameJSON(a, b any) bool {
	switch a.(type) {
	case nil, string, float64, bool:
		return a == b
	}
	return false
}

// History returns the audit entries of one record, newest first, at most
// limit: entity "worker", "contribution" or "claim" and its ID. The entries
// of child records are included, those of entity child whose values name
// the record as <entity>_id (a worker's spells). Reads of the record
// (action "read") are in the log, not in its history of changes.
func (l *Log) History(ctx context.Context, pemda, entity string, id int64, limit int, child string) ([]Entry, error) {
	cond := `entity = $2 AND entity_id = $3`
	if child != "" {
		// The child's <entity>_id in the values matches an expression index
		// (for spells: migration 4).
		key := entity + "_id"
		cond = `(` + cond + ` OR entity = '` + child + `' AND coalesce(new_values ->> '` + key + `', old_values ->> '` + key + `') = $3)`
	}
	rows, _ := l.db.Pool().Query(ctx, `SELECT `+Columns+` FROM audit_log WHERE pemda = $1 AND `+cond+
		` AND action <> 'read' ORDER BY at DESC, id DESC LIMIT $4`, pemda, entity, strconv.FormatInt(id, 10), limit)
	entries, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Entry])
	return entries, database.MapError("history of "+entity, err)
}

// Day writes a day of a row's audit form, "2024-07-17", as "17 Juli 2024"
// for a summary.
func Day(v any) string {
	s, _ := v.(string)
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return domain.FormatDate(t)
}
