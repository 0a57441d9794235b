package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/platform/pgdev"
)

// TestMigrateGrantsTheAppRole: `monev migrate up` as the owner
// (MONEV_MIGRATE_URL) grants DATABASE_URL's role what serving needs, and
// that role cannot rewrite the audit log.
func TestMigrateGrantsTheAppRole(t *testing.T) {
	ctx := context.Background()
	owner := pgdev.EmptyURL(t)
	if err := pgdev.EnsureAppRole(ctx, pgdev.ServerURL(t)); err != nil {
		t.Fatal(err)
	}
	app := pgdev.AppURL(owner)
	t.Setenv("MONEV_MIGRATE_URL", owner)
	if out, _, err := monev(t, app, "", "migrate", "up"); err != nil || !strings.Contains(out, "schema version") {
		t.Fatalf("migrate up: %q %v", out, err)
	}
	t.Setenv("MONEV_MIGRATE_URL", "")
	if out, _, err := monev(t, app, "kata-sandi-yang-kuat\n", "user", "add", "--username", "rina", "--role", "admin",
		"--password-stdin"); err != nil {
		t.Fatalf("user add as the app role: %q %v", out, err)
	}
	db := pgdev.Open(t, app)
	if can, err := db.CanAlterAuditLog(ctx); err != nil || can {
		t.Errorf("the app role may alter the audit log: %v %v", can, err)
	}
	if _, err := db.Pool().Exec(ctx, `ALTER TABLE audit_log DISABLE TRIGGER USER`); err == nil {
		t.Error("the app role disabled the audit log's trigger")
	}
}

// TestDevRunsAsTheAppRole: `monev dev` (make run) starts its own cluster,
// migrates and loads the demo as the owner and serves as the app role,
// which cannot rewrite the audit log; a newcomer sets up nothing.
func TestDevRunsAsTheAppRole(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	t.Setenv("DATABASE_URL", "")
	t.Setenv("MONEV_MIGRATE_URL", "")
	dir, err := os.MkdirTemp("", "monev-dev-test-") // reachable by the postgres user when tests run as root
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	t.Cleanup(func() { os.RemoveAll(dir) })
	t.Setenv("MONEV_DATA_DIR", dir)
	ctx, cancel := context.WithCancel(context.Background())
	var out, logs syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"dev", "--addr", addr}, strings.NewReader(""), &out, &logs) }()
	stopped := false
	defer func() {
		cancel()
		if err := <-done; err != nil && !stopped {
			t.Errorf("monev dev: %v", err)
		}
	}()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-done:
			stopped = true
			done <- nil
			t.Fatalf("monev dev stopped: %v\n%s\n%s", err, out.String(), logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("monev dev did not become ready: %s\n%s", out.String(), logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !strings.Contains(out.String(), "postgres://"+pgdev.AppRole+":") {
		t.Errorf("monev dev does not serve as %s: %s", pgdev.AppRole, out.String())
	}
	if strings.Contains(logs.String(), "may change the audit log") {
		t.Errorf("monev dev serves as a role that may change the audit log: %s", logs.String())
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
