package database

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/cilegon/monev/internal/domain"
)

// What the stores of records (workers, contributions, claims) share:
// refusals by form field, list filters, sorting, paging, searching and
// streaming exports.

// ConflictOf turns a violation of one of the named constraints (or unique
// indexes) into a ConflictError with its field and message; any other error
// is returned as it is.
func ConflictOf(err error, msgs map[string][2]string) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		if m, ok := msgs[pgErr.ConstraintName]; ok {
			return domain.Refuse(m[0], m[1])
		}
	}
	return err
}

// Conditions collects the WHERE conditions of a list and their arguments;
// $1 is always the Pemda.
type Conditions struct {
	conds []string
	args  []any
}

// NewConditions starts the conditions of a list with its Pemda as $1.
func NewConditions(pemdaColumn, pemda string) *Conditions {
	return &Conditions{conds: []string{pemdaColumn + " = $1"}, args: []any{pemda}}
}

// Add appends cond, in which every ? stands for v.
func (c *Conditions) Add(cond string, v any) {
	c.args = append(c.args, v)
	c.conds = append(c.conds, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(c.args))))
}

// Where returns the conditions joined by AND.
func (c *Conditions) Where() string { return strings.Join(c.conds, " AND ") }

// Sorts maps the sort keys a list offers to the columns it orders by. A
// last column "" marks a unique key, which needs no tie-breaker (so an index
// on it serves the sort).
type Sorts map[string][]string

// OrderBy returns the ORDER BY list for key (def when key is unknown), in
// descending order when desc, and the tie-breaker last so pages are stable.
// No NULLS clause: one would keep PostgreSQL from reading an index backwards.
func (s Sorts) OrderBy(key, def string, desc bool, tie string) string {
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

// Page is the OFFSET and LIMIT of a page of a list.
func Page(offset, limit int) string {
	return " OFFSET " + strconv.Itoa(max(offset, 0)) + " LIMIT " + strconv.Itoa(max(limit, 1))
}

// LikeEscape makes text match itself in LIKE: % and _ lose their meaning.
var LikeEscape = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace

// SearchDigits returns the digits of a search typed as a number (a NIK, KPJ
// or claim number typed with spaces, dots or a leading apostrophe) and
// whether the search is such a number.
func SearchDigits(q string) (string, bool) {
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

// Stream runs fn in a read-only transaction with a long statement timeout,
// for exports that stream many rows: one consistent snapshot, on the
// replica when the request is read-only and the replica usable (Reader). At most
// MaxStreams run at once (the others wait for a turn holding no
// connection), and none longer than StreamTimeout, however slowly its
// client reads.
func (db *DB) Stream(ctx context.Context, fn func(tx pgx.Tx) error) error {
	select {
	case db.streams <- struct{}{}:
		defer func() { <-db.streams }()
	case <-ctx.Done():
		return ctx.Err()
	}
	ctx, cancel := context.WithTimeout(ctx, StreamTimeout)
	defer cancel()
	return pgx.BeginTxFunc(ctx, db.Reader(ctx), pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL statement_timeout = '30min'`); err != nil {
			return err
		}
		return fn(tx)
	})
}

// Args are the arguments of the conditions, $1 first.
func (c *Conditions) Args() []any { return c.args }
