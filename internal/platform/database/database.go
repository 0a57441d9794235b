// Package database is monev's connection to PostgreSQL: the pool, one
// transaction helper, the one function that maps driver errors to the
// domain's, and the migration runner. Every feature's store is built on it.
// It imports domain and migrations and nothing else of the project.
package database

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/puddle/v2"

	"github.com/cilegon/monev/internal/domain"
)

// StatementTimeout bounds every query unless the database URL sets
// statement_timeout itself (options=-c statement_timeout=…). Imports of
// large files set their own, longer limit.
var StatementTimeout = "60s"

// PoolSize is the pool's size unless the database URL sets pool_max_conns:
// room for the imports (imports.MaxJobs, each a transaction and a moment
// for its progress), the streamed exports (MaxStreams) and the pages.
const PoolSize = 12

// MaxStreams is how many streamed exports hold a connection at once; more
// wait for a turn without one. StreamTimeout ends an export whose client
// reads too slowly, so no client holds a transaction for long.
const (
	MaxStreams    = 3
	StreamTimeout = 10 * time.Minute
)

// DB is a pool of connections to one monev database.
type DB struct {
	pool    *pgxpool.Pool
	streams chan struct{}
	replica *replica // nil: no replica, every read goes to pool
}

// Open connects to the database at url and checks that it answers.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := poolConfig(url)
	if err != nil {
		return nil, fmt.Errorf("database: parse database url: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("database: connect: %w", err)
	}
	return &DB{pool: pool, streams: make(chan struct{}, MaxStreams)}, nil
}

// Close closes every connection of the pools.
func (db *DB) Close() {
	db.pool.Close()
	if db.replica != nil {
		db.replica.pool.Close()
	}
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.pool.Ping(ctx); err != nil {
		return fmt.Errorf("database: ping: %w", err)
	}
	return nil
}

// Pool is the connection pool, for the stores built on it and for tests.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// InTx runs fn in one transaction: committed when fn returns nil, rolled back
// otherwise.
func (db *DB) InTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, db.pool, fn)
}

// MapError turns driver errors into the domain's: no rows becomes
// domain.ErrNotFound, a unique or exclusion violation domain.ErrConflict.
// Every store method passes its errors through here exactly once; op names
// what failed ("find workers").
func MapError(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("postgres: %s: %w", op, domain.ErrNotFound)
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "23505", "23P01": // unique_violation, exclusion_violation
			return fmt.Errorf("postgres: %s: %w (%s)", op, domain.ErrConflict, pgErr.ConstraintName)
		}
	}
	return fmt.Errorf("postgres: %s: %w", op, err)
}

// Unavailable reports whether err means the database cannot be reached
// right now (refused, dropped or shutting down), as opposed to a query that
// is wrong. The pool reconnects by itself once the database is back.
func Unavailable(err error) bool {
	var connErr *pgconn.ConnectError
	var netErr net.Error
	var pgErr *pgconn.PgError
	switch {
	case err == nil:
		return false
	case errors.As(err, &connErr), errors.As(err, &netErr), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, puddle.ErrClosedPool):
		return true
	case errors.As(err, &pgErr):
		// Class 08: connection exception; 57P01–57P03: shutdown, crash, starting up.
		return strings.HasPrefix(pgErr.Code, "08") || pgErr.Code == "57P01" || pgErr.Code == "57P02" || pgErr.Code == "57P03"
	}
	return pgconn.SafeToRetry(err)
}
