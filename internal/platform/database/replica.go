package database

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Reading from a streaming replica. A DB may have a second pool on a
// read-only standby (AttachReplica). Reader(ctx) hands the stores that read
// figures, lists and exports the replica's pool when the request is marked
// read-only (ReadOnly, which httpx does for GET requests) and the replica is
// known to be up and close enough behind the primary; otherwise, and for
// everything else, the primary's. The stores change nothing but the pool
// they ask for: db.Reader(ctx) instead of db.Pool().

// Replica defaults.
const (
	// DefaultMaxLag is how far behind the primary a replica may be and still
	// serve reads (MONEV_REPLICA_MAX_LAG).
	DefaultMaxLag = 30 * time.Second
	// DefaultReplicaCheck is how long the outcome of a check of the replica
	// (is it up, how far behind) is trusted before it is checked again.
	DefaultReplicaCheck = 2 * time.Second
	// replicaCheckTimeout bounds one check, so that a replica that hangs
	// delays at most one request by this much.
	replicaCheckTimeout = time.Second
	// maxSamples bounds the primary's WAL positions kept while a replica
	// stays behind.
	maxSamples = 256
)

type readOnlyKey struct{}

// ReadOnly marks ctx as a request that only reads and may see data a few
// seconds old, so that Reader may send it to the replica.
func ReadOnly(ctx context.Context) context.Context {
	return context.WithValue(ctx, readOnlyKey{}, true)
}

// IsReadOnly reports whether ctx was marked by ReadOnly.
func IsReadOnly(ctx context.Context) bool {
	ro, _ := ctx.Value(readOnlyKey{}).(bool)
	return ro
}

// replica is the second pool and what is known about its lag.
type replica struct {
	pool   *pgxpool.Pool
	maxLag time.Duration
	every  time.Duration // how long a check's outcome is trusted

	mu      sync.Mutex // held by the one request that checks
	state   sync.Mutex // guards the fields below
	checked time.Time
	usable  bool
	lag     time.Duration
	err     error
	samples []lsnSample // the primary's WAL position at recent checks, oldest first
}

// lsnSample is where the primary's WAL was at a moment.
type lsnSample struct {
	at  time.Time
	lsn int64
}

// ReplicaOptions tune AttachReplica; zero values mean the defaults.
type ReplicaOptions struct {
	MaxLag time.Duration // DefaultMaxLag when 0
	Check  time.Duration // DefaultReplicaCheck when 0
}

// AttachReplica opens a pool on the read-only replica at url. It does not
// need the replica to be up: while it is down, or lags more than
// o.MaxLag behind the primary, reads go to the primary.
func (db *DB) AttachReplica(url string, o ReplicaOptions) error {
	cfg, err := poolConfig(url)
	if err != nil {
		return fmt.Errorf("database: parse replica url: %w", err)
	}
	cfg.ConnConfig.ConnectTimeout = replicaCheckTimeout
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg) // connects lazily
	if err != nil {
		return fmt.Errorf("database: replica: %w", err)
	}
	if o.MaxLag <= 0 {
		o.MaxLag = DefaultMaxLag
	}
	if o.Check <= 0 {
		o.Check = DefaultReplicaCheck
	}
	db.replica = &replica{pool: pool, maxLag: o.MaxLag, every: o.Check}
	return nil
}

// Reader is the pool a read should use: the replica's when ctx is marked
// ReadOnly and the replica is usable (checked at most every few seconds),
// the primary's otherwise.
func (db *DB) Reader(ctx context.Context) *pgxpool.Pool {
	r := db.replica
	if r == nil || !IsReadOnly(ctx) {
		return db.pool
	}
	r.state.Lock()
	fresh, usable := time.Since(r.checked) < r.every, r.usable
	r.state.Unlock()
	if !fresh && r.mu.TryLock() { // one request checks; the others use what was last known
		usable = db.checkReplica(ctx) == nil
		r.mu.Unlock()
	}
	if usable {
		return r.pool
	}
	return db.pool
}

// ReplicaStatus is what the last check of the replica found.
type ReplicaStatus struct {
	Usable  bool          // reads go to the replica
	Lag     time.Duration // how far it was behind the primary
	Err     error         // why it is not usable, when it is not
	Checked time.Time
}

// CheckReplica checks the replica now: is it up, in recovery, and no more
// than the allowed lag behind the primary. Reader does this by itself; the
// health endpoint and the tests call it to see the state at once.
func (db *DB) CheckReplica(ctx context.Context) ReplicaStatus {
	if db.replica == nil {
		return ReplicaStatus{Err: fmt.Errorf("database: no replica")}
	}
	db.replica.mu.Lock()
	_ = db.checkReplica(ctx)
	db.replica.mu.Unlock()
	r := db.replica
	r.state.Lock()
	defer r.state.Unlock()
	return ReplicaStatus{Usable: r.usable, Lag: r.lag, Err: r.err, Checked: r.checked}
}

// checkReplica measures the replica's lag as the age of the oldest WAL
// position the primary had reached at a check and the replica has not
// replayed yet. Unlike now() − pg_last_xact_replay_timestamp() this does
// not grow while the primary is idle, and it does grow while the replica is
// cut off from the primary. The caller holds r.mu.
func (db *DB) checkReplica(ctx context.Context) error {
	r := db.replica
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), replicaCheckTimeout)
	defer cancel()
	now := time.Now()
	var primary, replayed int64
	var recovering bool
	err := db.pool.QueryRow(ctx, `SELECT pg_current_wal_lsn() - '0/0'`).Scan(&primary)
	if err == nil {
		err = r.pool.QueryRow(ctx, `SELECT pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn() - '0/0', 0)`).
			Scan(&recovering, &replayed)
	}
	if err == nil && !recovering {
		err = fmt.Errorf("database: the replica is not in recovery (promoted?)")
	}
	r.state.Lock()
	defer r.state.Unlock()
	r.checked = now
	if err != nil {
		r.usable, r.err = false, fmt.Errorf("database: replica: %w", err)
		return r.err
	}
	if len(r.samples) >= maxSamples { // keep the oldest, which sets the lag
		r.samples = append(r.samples[:1], r.samples[2:]...)
	}
	r.samples = append(r.samples, lsnSample{at: now, lsn: primary})
	for len(r.samples) > 0 && r.samples[0].lsn <= replayed {
		r.samples = r.samples[1:] // the replica has replayed past it
	}
	r.lag = 0
	if len(r.samples) > 0 {
		r.lag = now.Sub(r.samples[0].at)
	}
	if r.usable = r.lag <= r.maxLag; !r.usable {
		r.err = fmt.Errorf("database: replica lags %s behind the primary (more than %s)", r.lag.Round(time.Millisecond), r.maxLag)
		return r.err
	}
	r.err = nil
	return nil
}

// poolConfig parses url with the settings every monev pool has.
func poolConfig(url string) (*pgxpool.Config, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	if !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = PoolSize
	}
	cfg.MaxConnIdleTime = 5 * time.Minute
	cfg.HealthCheckPeriod = 15 * time.Second
	if _, ok := cfg.ConnConfig.RuntimeParams["statement_timeout"]; !ok {
		cfg.ConnConfig.RuntimeParams["statement_timeout"] = StatementTimeout
	}
	if _, ok := cfg.ConnConfig.RuntimeParams["application_name"]; !ok {
		cfg.ConnConfig.RuntimeParams["application_name"] = "monev"
	}
	return cfg, nil
}
