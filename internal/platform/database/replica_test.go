package database_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

// TestReplica starts a real streaming standby of a cluster of its own
// (pg_basebackup -R) and shows both paths of Reader: a read-only read served
// by the replica, and the fallback to the primary when the replica lags
// beyond the allowed lag and when it is stopped.
func TestReplica(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	primary, err := pgdev.Start(ctx, pgdev.Options{Throwaway: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = primary.Stop() })
	db, err := database.Open(ctx, primary.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	exec(t, db.Pool(), `CREATE TABLE figure (v int)`)
	exec(t, db.Pool(), `INSERT INTO figure VALUES (1)`)

	standby, err := primary.StartStandby(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = standby.Stop() })
	sb, err := database.Open(ctx, standby.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sb.Close)
	if err := db.AttachReplica(standby.URL("postgres"), database.ReplicaOptions{MaxLag: time.Hour, Check: time.Nanosecond}); err != nil {
		t.Fatal(err)
	}
	strict, err := database.Open(ctx, primary.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(strict.Close)
	if err := strict.AttachReplica(standby.URL("postgres"), database.ReplicaOptions{MaxLag: 300 * time.Millisecond, Check: time.Hour}); err != nil {
		t.Fatal(err)
	}
	ro := database.ReadOnly(ctx)

	// Caught up: read-only reads go to the replica, the others to the primary.
	waitFor(t, func() bool { return value(t, db.Reader(ro)) == 1 })
	if !inRecovery(t, db.Reader(ro)) {
		t.Fatal("a read-only read was not served by the replica")
	}
	if inRecovery(t, db.Reader(ctx)) {
		t.Fatal("a read not marked read-only was served by the replica")
	}
	if st := strict.CheckReplica(ctx); !st.Usable {
		t.Fatalf("a caught-up replica is not usable: %+v", st)
	}
	var streamed bool
	if err := db.Stream(ro, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, `SELECT pg_is_in_recovery()`).Scan(&streamed)
	}); err != nil || !streamed {
		t.Fatalf("an export's stream did not read the replica: %v %v", streamed, err)
	}

	// The replica stops replaying: it lags. Within an hour's allowed lag it
	// still serves (the old value); beyond 300 ms reads fall back to the
	// primary and see the new one.
	exec(t, sb.Pool(), `SELECT pg_wal_replay_pause()`)
	waitFor(t, func() bool {
		var state string
		_ = sb.Pool().QueryRow(ctx, `SELECT pg_get_wal_replay_pause_state()`).Scan(&state)
		return state == "paused"
	})
	exec(t, db.Pool(), `UPDATE figure SET v = 2`)
	if got := value(t, db.Reader(ro)); got != 1 {
		t.Fatalf("lenient reader read %d, want the replica's stale 1", got)
	}
	// The lag is the age of the first WAL position seen on the primary and
	// not yet on the replica: checks a little apart see it grow past 300 ms.
	var st database.ReplicaStatus
	waitFor(t, func() bool {
		time.Sleep(100 * time.Millisecond)
		st = strict.CheckReplica(ctx)
		return !st.Usable
	})
	if st.Lag <= 300*time.Millisecond || st.Err == nil {
		t.Fatalf("a replica that stopped replaying is unusable for another reason: %+v", st)
	}
	if got := value(t, strict.Reader(ro)); got != 2 {
		t.Fatalf("strict reader read %d, want the primary's 2", got)
	}
	exec(t, sb.Pool(), `SELECT pg_wal_replay_resume()`)
	waitFor(t, func() bool { return value(t, db.Reader(ro)) == 2 })
	waitFor(t, func() bool { return strict.CheckReplica(ctx).Usable })
	if !inRecovery(t, strict.Reader(ro)) {
		t.Fatal("reads did not return to the replica once it caught up")
	}

	// The replica stops: reads fall back to the primary and still succeed.
	if err := standby.StopServer(); err != nil {
		t.Fatal(err)
	}
	if st := db.CheckReplica(ctx); st.Usable || st.Err == nil {
		t.Fatalf("a stopped replica counts as usable: %+v", st)
	}
	if inRecovery(t, db.Reader(ro)) || value(t, db.Reader(ro)) != 2 {
		t.Fatal("with the replica down a read-only read did not go to the primary")
	}
	if err := db.Stream(ro, func(tx pgx.Tx) error { return tx.QueryRow(ctx, `SELECT pg_is_in_recovery()`).Scan(&streamed) }); err != nil || streamed {
		t.Fatalf("with the replica down an export did not stream from the primary: %v %v", streamed, err)
	}
}

func exec(t *testing.T, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, sql string) {
	t.Helper()
	rows, err := q.Query(context.Background(), sql)
	if err == nil {
		rows.Close()
		err = rows.Err()
	}
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func value(t *testing.T, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}) int {
	t.Helper()
	var v int
	if err := q.QueryRow(context.Background(), `SELECT v FROM figure`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func inRecovery(t *testing.T, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}) bool {
	t.Helper()
	var r bool
	if err := q.QueryRow(context.Background(), `SELECT pg_is_in_recovery()`).Scan(&r); err != nil {
		t.Fatal(err)
	}
	return r
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !ok(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the replica did not reach the expected state within 30 s")
		}
	}
}
