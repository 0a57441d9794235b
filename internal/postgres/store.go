// Package postgres holds the SQL of the features that have not yet moved
// into a folder of their own; it is built on internal/platform/database.
package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/platform/database"
)

// DB is the store: a pool of connections to one monev database.
type DB struct{ *database.DB }

// Open connects to the database at url and checks that it answers.
func Open(ctx context.Context, url string) (*DB, error) {
	d, err := database.Open(ctx, url)
	if err != nil {
		return nil, err
	}
	return &DB{d}, nil
}

// mapError is database.MapError.
var mapError = database.MapError

// inTx runs fn in one transaction.
func (db *DB) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error { return db.InTx(ctx, fn) }

// Wrap makes a store of an open pool.
func Wrap(d *database.DB) *DB { return &DB{d} }
