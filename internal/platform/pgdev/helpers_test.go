package pgdev

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// start starts a cluster and stops it when the test ends. It fails the test,
// never skips it, when the server programs are missing.
func start(t *testing.T, o Options) *Cluster {
	t.Helper()
	if o.Log == nil {
		o.Log = testLog{t}
	}
	c, err := Start(t.Context(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
	})
	return c
}

// dataDir returns a path for a persistent data directory that the postgres
// user can reach when the tests run as root; t.TempDir's parent is private
// to root.
func dataDir(t *testing.T) string {
	t.Helper()
	parent, err := os.MkdirTemp("", "pgdev-test-*")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(parent, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(parent) })
	return filepath.Join(parent, "data", "pg")
}

// connect opens a connection that closes when the test ends.
func connect(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// execSQL runs sql on a new connection to url.
func execSQL(t *testing.T, url, sql string) {
	t.Helper()
	if _, err := connect(t, url).Exec(t.Context(), sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// count returns the number of rows in table.
func count(t *testing.T, url, table string) int {
	t.Helper()
	var n int
	err := connect(t, url).QueryRow(t.Context(), `SELECT count(*) FROM `+pgx.Identifier{table}.Sanitize()).Scan(&n)
	if err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// setting returns the value of a server setting.
func setting(t *testing.T, url, name string) string {
	t.Helper()
	var v string
	if err := connect(t, url).QueryRow(t.Context(), `SELECT current_setting($1)`, name).Scan(&v); err != nil {
		t.Fatalf("setting %s: %v", name, err)
	}
	return v
}

// reachable reports whether something accepts TCP connections on port.
func reachable(port int) bool {
	conn, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// testLog writes the output of initdb and pg_ctl to the test log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
