package postgres

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
)

// What the registry's store files (workers.go, enrollments.go,
// contributions.go, claims.go) share: refusals by form field, list filters,
// sorting, streaming exports and the history of a record.

// conflictOf turns a violation of one of the named constraints (or unique
// indexes) into a ConflictError with its field and message; any other error
// is returned as it is.
func conflictOf(err error, msgs map[string][2]string) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		if m, ok := msgs[pgErr.ConstraintName]; ok {
			return domain.Refuse(m[0], m[1])
		}
	}
	return err
}

// conditions collects the WHERE conditions of a list and their arguments;
// $1 is always the Pemda.
type conditions struct {
	conds []string
	args  []any
}

func newConditions(pemdaColumn, pemda string) *conditions {
	return &conditions{conds: []string{pemdaColumn + " = $1"}, args: []any{pemda}}
}

// add appends cond, in which every ? stands for v.
func (c *conditions) add(cond string, v any) {
	c.args = append(c.args, v)
	c.conds = append(c.conds, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(c.args))))
}

// where returns the conditions joined by AND.
func (c *conditions) where() string { return strings.Join(c.conds, " AND ") }

// sorts maps the sort keys a list offers to the columns it orders by. A
// last column "" marks a unique key, which needs no tie-breaker (so an index
// on it serves the sort).
type sorts map[string][]string

// orderBy returns the ORDER BY list for key (def when key is unknown), in
// descending order when desc, and the tie-breaker last so pages are stable.
// No NULLS clause: one would keep PostgreSQL from reading an index backwards.
func (s sorts) orderBy(key, def string, desc bool, tie string) string {
	cols, ok := s[key]
	if !ok {
		cols = s[def]
	}
	if n := len(cols); n > 0 && cols[n-1] == "" {
		cols, tie = cols[:n-1], ""
	}
	parts := make([]string, 0, len(cols)+1)
	for _, c := range append(cols[:len(cols):len(cols)], tie) {
		if c == "" {
			continue
		}
		if desc {
			c += " DESC"
		}
		parts = append(parts, c)
	}
	return strings.Join(parts, ", ")
}

// page is the OFFSET and LIMIT of a page of a list.
func page(offset, limit int) string {
	return " OFFSET " + strconv.Itoa(max(offset, 0)) + " LIMIT " + strconv.Itoa(max(limit, 1))
}

// likeEscape makes text match itself in LIKE: % and _ lose their meaning.
var likeEscape = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace

// searchDigits returns the digits of a search typed as a number (a NIK, KPJ
// or claim number typed with spaces, dots or a leading apostrophe) and
// whether the search is such a number.
func searchDigits(q string) (string, bool) {
	d := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r
		case r == ' ' || r == '.' || r == '-' || r == '\'':
			return -1
		}
		return 'x'
	}, q)
	return d, d != "" && !strings.Contains(d, "x")
}

// auditJSON is the audit form of a row: its columns as JSON, without the
// Pemda and timestamps, as the import's audit entries have it.
func auditJSON(alias string) string {
	return `to_jsonb(` + alias + `) - 'pemda' - 'created_at' - 'updated_at'`
}

// rowChange is a correction of one row of a registry table (worker,
// contribution, claim): the row is locked, the UPDATE returns the row's
// audit form, a violated constraint becomes a refusal, and the change is
// audited with old and new values unless nothing changed.
type rowChange struct {
	table     string
	id        int64
	summary   string
	conflicts map[string][2]string
	noRow     error // what an UPDATE that matches no row means (the row itself exists: it is locked first)
}

func (c rowChange) run(ctx context.Context, tx pgx.Tx, actor domain.Actor, update string, args ...any) error {
	old, err := lockRow(ctx, tx, c.table, actor.Pemda, c.id)
	if err != nil {
		return err
	}
	var row map[string]any
	err = tx.QueryRow(ctx, update, args...).Scan(&row)
	if errors.Is(err, pgx.ErrNoRows) && c.noRow != nil {
		return c.noRow
	}
	if err != nil {
		return conflictOf(err, c.conflicts)
	}
	if !changed(old, row) {
		return nil
	}
	return audit.Write(ctx, tx, actor, "update", c.table, c.id, c.summary, old, row)
}

// lockRow locks one row of a registry table for a change and returns its
// audit form; table is a constant of the caller.
func lockRow(ctx context.Context, tx pgx.Tx, table, pemda string, id int64) (map[string]any, error) {
	var old map[string]any
	err := tx.QueryRow(ctx, `SELECT `+auditJSON("t")+` FROM `+table+` t WHERE pemda = $1 AND id = $2 FOR UPDATE`, pemda, id).Scan(&old)
	return old, err
}

// deleteRow removes one row of a registry table entered by mistake and
// audits it with its old values; summary describes it from them.
func (db *DB) deleteRow(ctx context.Context, actor domain.Actor, table string, id int64, summary func(old map[string]any) string) error {
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		old, err := lockRow(ctx, tx, table, actor.Pemda, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE pemda = $1 AND id = $2`, actor.Pemda, id); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "delete", table, id, summary(old), old, nil)
	})
	return mapError("delete "+table, err)
}

// stream runs fn in a read-only transaction with a long statement timeout,
// for exports that stream many rows: one consistent snapshot, however long
// the client takes to read.
func (db *DB) stream(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginTxFunc(ctx, db.Pool(), pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL statement_timeout = '30min'`); err != nil {
			return err
		}
		return fn(tx)
	})
}

// History returns the audit entries of one record, newest first: entity
// "worker", "enrollment", "contribution" or "claim" and its ID. A worker's
// history includes the entries of its spells.
func (db *DB) History(ctx context.Context, pemda, entity string, id int64, limit int) ([]audit.Entry, error) {
	cond := `entity = $2 AND entity_id = $3`
	if entity == "worker" {
		// The spell's worker_id in the values matches the expression index of migration 4.
		cond = `(` + cond + ` OR entity = 'enrollment' AND coalesce(new_values ->> 'worker_id', old_values ->> 'worker_id') = $3)`
	}
	rows, _ := db.Pool().Query(ctx, `SELECT `+audit.Columns+` FROM audit_log WHERE pemda = $1 AND `+cond+
		` ORDER BY at DESC, id DESC LIMIT $4`, pemda, entity, strconv.FormatInt(id, 10), limit)
	entries, err := pgx.CollectRows(rows, pgx.RowToStructByPos[audit.Entry])
	return entries, mapError("history of "+entity, err)
}

// changed reports whether two audit forms of a row differ.
func changed(old, new map[string]any) bool {
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
