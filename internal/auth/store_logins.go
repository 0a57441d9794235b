package auth

import (
	"context"
	"sync"
	"time"

	"github.com/cilegon/monev/internal/platform/database"
)

// recordLoginFailure notes a failed sign-in under each key (such as
// "login:rina@10.0.0.5").
func (db *store) recordLoginFailure(ctx context.Context, keys ...string) error {
	_, err := db.Pool().Exec(ctx, `INSERT INTO login_failure (key) SELECT unnest($1::text[])`, keys)
	return database.MapError("record login failure", err)
}

// loginFailures counts the failed sign-ins of the busiest key since a time.
func (db *store) loginFailures(ctx context.Context, since time.Time, keys ...string) (int, error) {
	var n int
	err := db.Pool().QueryRow(ctx, `
		SELECT coalesce(max(n), 0) FROM (
			SELECT count(*) AS n FROM login_failure WHERE key = ANY($1) AND at >= $2 GROUP BY key
		) c`, keys, since).Scan(&n)
	return n, database.MapError("count login failures", err)
}

// clearLoginFailures forgets the failed sign-ins of a key after a success.
func (db *store) clearLoginFailures(ctx context.Context, key string) error {
	_, err := db.Pool().Exec(ctx, `DELETE FROM login_failure WHERE key = $1`, key)
	return database.MapError("clear login failures", err)
}

// keyLock serialises work per key (one username at one address) within the
// process; the zero keyLock is ready to use.
type keyLock struct {
	mu   sync.Mutex
	keys map[string]*keyEntry
}

type keyEntry struct {
	mu    sync.Mutex
	users int
}

// lock waits for key and returns its unlock.
func (k *keyLock) lock(key string) func() {
	k.mu.Lock()
	if k.keys == nil {
		k.keys = map[string]*keyEntry{}
	}
	e := k.keys[key]
	if e == nil {
		e = &keyEntry{}
		k.keys[key] = e
	}
	e.users++
	k.mu.Unlock()
	e.mu.Lock()
	return func() {
		e.mu.Unlock()
		k.mu.Lock()
		if e.users--; e.users == 0 {
			delete(k.keys, key)
		}
		k.mu.Unlock()
	}
}
