package postgres

import (
	"context"
	"time"
)

// RecordLoginFailure notes a failed sign-in under each key (such as
// "user:rina" and "ip:10.0.0.5").
func (db *DB) RecordLoginFailure(ctx context.Context, keys ...string) error {
	_, err := db.Pool().Exec(ctx, `INSERT INTO login_failure (key) SELECT unnest($1::text[])`, keys)
	return mapError("record login failure", err)
}

// LoginFailures counts the failed sign-ins of the busiest key since a time.
func (db *DB) LoginFailures(ctx context.Context, since time.Time, keys ...string) (int, error) {
	var n int
	err := db.Pool().QueryRow(ctx, `
		SELECT coalesce(max(n), 0) FROM (
			SELECT count(*) AS n FROM login_failure WHERE key = ANY($1) AND at >= $2 GROUP BY key
		) c`, keys, since).Scan(&n)
	return n, mapError("count login failures", err)
}

// ClearLoginFailures forgets the failed sign-ins of a key after a success.
func (db *DB) ClearLoginFailures(ctx context.Context, key string) error {
	_, err := db.Pool().Exec(ctx, `DELETE FROM login_failure WHERE key = $1`, key)
	return mapError("clear login failures", err)
}
