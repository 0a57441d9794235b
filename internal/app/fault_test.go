package app_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

// TestDatabaseOutage stops the database under a running server and starts
// it again: the process stays up, /readyz and the pages say 503 with a calm
// page, and everything works again without a restart.
func TestDatabaseOutage(t *testing.T) {
	ctx := context.Background()
	c, err := pgdev.Start(ctx, pgdev.Options{Throwaway: true, Database: "monev"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Stop() })
	db, err := database.Open(ctx, c.URL("monev"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	if err := db.MigrateUp(ctx); err != nil {
		t.Fatal(err)
	}
	srv := app.New(app.Config{}, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	a := &apptest.App{T: t, DB: db, App: srv, TS: ts}
	browser := a.Login(domain.RolePimpinan)

	if resp, _ := a.Get(a.Client(), "/readyz"); resp.StatusCode != http.StatusOK {
		t.Fatalf("readyz before: %d", resp.StatusCode)
	}
	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	if resp, _ := a.Get(a.Client(), "/readyz"); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz during the outage: %d, want 503", resp.StatusCode)
	}
	if resp, _ := a.Get(a.Client(), "/healthz"); resp.StatusCode != http.StatusOK {
		t.Errorf("healthz during the outage: %d, want 200", resp.StatusCode)
	}
	resp, body := a.Get(browser, "/")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "Basis data sedang tidak tersedia") {
		t.Errorf("dashboard during the outage: %d", resp.StatusCode)
	}
	if strings.Contains(body, "connect") || strings.Contains(body, "dial") {
		t.Errorf("the outage page shows internals: %s", body)
	}

	if err := c.StartServer(ctx); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, _ := a.Get(browser, "/")
		if resp.StatusCode == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the dashboard did not recover: %d", resp.StatusCode)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if resp, _ := a.Get(a.Client(), "/readyz"); resp.StatusCode != http.StatusOK {
		t.Errorf("readyz after: %d", resp.StatusCode)
	}
}

// TestPanicsAreRecovered turns a panic into a 500 page and a log line with
// the request id.
func TestPanicsAreRecovered(t *testing.T) {
	db := apptest.New(t).DB
	var logs strings.Builder
	srv := app.New(app.Config{}, db, slog.New(slog.NewJSONHandler(&logs, nil)))
	srv.Handle(http.MethodGet, "/boom", httpx.Public, func(http.ResponseWriter, *http.Request) { panic("kaboom") })
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/boom")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	id := resp.Header.Get("X-Request-Id")
	if resp.StatusCode != http.StatusInternalServerError || strings.Contains(string(body), "kaboom") {
		t.Errorf("panic: %d %s", resp.StatusCode, body)
	}
	if !strings.Contains(logs.String(), `"panic":"kaboom"`) || !strings.Contains(logs.String(), id) {
		t.Errorf("the panic was not logged with request id %s: %s", id, logs.String())
	}
}

func TestMetrics(t *testing.T) {
	a := apptest.New(t)
	a.Get(a.Client(), "/login")
	resp, body := a.API(a.Token(domain.RoleAdmin), "/metrics")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("metrics: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, `monev_http_requests_total{code="200",method="GET",route="/login"}`,
		"monev_http_request_duration_seconds_bucket", `monev_db_pool_connections{state="max"}`)
	if resp, _ := a.API(a.Token(domain.RoleBPJS), "/metrics"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("metrics for bpjs: %d, want 403", resp.StatusCode)
	}
}
