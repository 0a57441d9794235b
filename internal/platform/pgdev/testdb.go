package pgdev

// Test databases: each test gets its own PostgreSQL database, cloned from a
// migrated template so that it is ready in milliseconds. The server is the
// one TEST_DATABASE_URL names (make test starts a throwaway cluster and sets
// it), or, when it is unset, a throwaway cluster this test binary starts.
// Tests never skip for lack of a database: they fail loudly.

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/migrations"
)

var serverURL string // the admin connection: a database on the test server

// Main runs a package's tests; call it from TestMain.
func Main(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	serverURL = os.Getenv("TEST_DATABASE_URL")
	if serverURL == "" {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		c, err := Start(ctx, Options{Throwaway: true})
		if err != nil {
			fmt.Fprintln(os.Stderr, "pgdev: no TEST_DATABASE_URL and no throwaway cluster:", err)
			return 1
		}
		defer c.Stop()
		serverURL = c.URL("postgres")
	}
	return m.Run()
}

// ServerURL is the admin URL of the test server, for tests that create
// databases themselves.
func ServerURL(t testing.TB) string {
	t.Helper()
	if serverURL == "" {
		t.Fatal("pgdev: no test server; call pgdev.Main from TestMain")
	}
	return serverURL
}

// URL creates a fresh database at the latest schema and returns its URL; the
// database is dropped when the test ends.
func URL(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	tpl, err := template(ctx)
	if err != nil {
		t.Fatalf("pgdev: template database: %v", err)
	}
	name := "t_" + randomHex(8)
	if err := adminExec(ctx, `CREATE DATABASE `+ident(name)+` TEMPLATE `+ident(tpl)); err != nil {
		t.Fatalf("pgdev: create database: %v", err)
	}
	t.Cleanup(func() {
		if err := adminExec(context.Background(), `DROP DATABASE IF EXISTS `+ident(name)+` WITH (FORCE)`); err != nil {
			t.Errorf("pgdev: drop database %s: %v", name, err)
		}
	})
	return WithDatabase(serverURL, name)
}

// EmptyURL creates a fresh database without any schema and returns its URL,
// for migration tests; the database is dropped when the test ends.
func EmptyURL(t testing.TB) string {
	t.Helper()
	name := "e_" + randomHex(8)
	if err := adminExec(context.Background(), `CREATE DATABASE `+ident(name)); err != nil {
		t.Fatalf("pgdev: create database: %v", err)
	}
	t.Cleanup(func() {
		if err := adminExec(context.Background(), `DROP DATABASE IF EXISTS `+ident(name)+` WITH (FORCE)`); err != nil {
			t.Errorf("pgdev: drop database %s: %v", name, err)
		}
	})
	return WithDatabase(serverURL, name)
}

// New opens a pool on a fresh database at the latest schema, as its owner
// (the server's superuser), for tests that seed and inspect data.
func New(t testing.TB) *database.DB {
	t.Helper()
	return Open(t, URL(t))
}

// Open opens a pool on a database URL that URL returned, or on its AppURL
// for the application's own connections; it closes when the test ends.
func Open(t testing.TB, url string) *database.DB {
	t.Helper()
	db, err := database.Open(context.Background(), url)
	if err != nil {
		t.Fatalf("pgdev: open: %v", err)
	}
	t.Cleanup(db.Close)
	return db
}

// WithDatabase returns a connection URL with another database name.
func WithDatabase(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		panic(err)
	}
	u.Path = "/" + name
	return u.String()
}

// template makes sure a template database at the embedded schema exists and
// returns its name. The name carries a hash of the migrations, so a changed
// migration gets a new template. Concurrent test binaries take turns through
// an advisory lock; the template is built under a temporary name and renamed
// when complete, so a crash never leaves a half-migrated template behind.
func template(ctx context.Context) (string, error) {
	name := "monev_tpl_" + migrationsHash()
	conn, err := pgx.Connect(ctx, serverURL)
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(727001)`); err != nil {
		return "", err
	}
	defer conn.Exec(ctx, `SELECT pg_advisory_unlock(727001)`)
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return "", err
	}
	if exists {
		return name, nil
	}
	if err := EnsureAppRole(ctx, serverURL); err != nil {
		return "", err
	}
	building := name + "_build"
	if _, err := conn.Exec(ctx, `DROP DATABASE IF EXISTS `+ident(building)+` WITH (FORCE)`); err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, `CREATE DATABASE `+ident(building)); err != nil {
		return "", err
	}
	db, err := database.Open(ctx, WithDatabase(serverURL, building))
	if err != nil {
		return "", err
	}
	err = db.MigrateUp(ctx)
	if err == nil {
		err = db.GrantApp(ctx, AppRole)
	}
	db.Close()
	if err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, `ALTER DATABASE `+ident(building)+` RENAME TO `+ident(name)); err != nil {
		return "", err
	}
	return name, nil
}

func adminExec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, serverURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func migrationsHash() string {
	h := sha256.New()
	h.Write([]byte(AppRole)) // the template carries the app role's grants
	_ = fs.WalkDir(migrations.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(migrations.FS, path)
		h.Write([]byte(path))
		h.Write(b)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func ident(name string) string { return pgx.Identifier{name}.Sanitize() }

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
