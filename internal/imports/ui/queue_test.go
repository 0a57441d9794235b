package ui_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/imports"
)

// synthWorkers is the workers file of a synthetic programme of n workers.
func synthWorkers(t *testing.T, a *apptest.App, n int) string {
	t.Helper()
	ref, err := a.Settings().Reference(context.Background(), "3672")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := demo.WriteFiles(dir, demo.Synthetic{Pemda: "3672", Workers: n, Years: 1, Seed: 7}, ref); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "peserta.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestConcurrentImportsLeaveTheSiteAnswering drives six dry-run imports of
// a 20.000-worker file through the API at once while it keeps asking
// /readyz, the API and the dashboard: every one of those answers 200 (the imports queue
// without holding the connections the site needs), and every import ends.
func TestConcurrentImportsLeaveTheSiteAnswering(t *testing.T) {
	a := apptest.New(t)
	file := synthWorkers(t, a, 20_000)
	token := a.Token(domain.RoleDisnaker)
	reader := a.Token(domain.RolePimpinan)
	client := &http.Client{Timeout: 20 * time.Second} // generous: a stuck site fails, a slow machine does not

	var imports sync.WaitGroup
	codes := make(chan int, 6)
	for range 6 {
		imports.Go(func() {
			body, ctype := a.Multipart(map[string]string{"dry_run": "true"}, "peserta.csv", file)
			req, _ := http.NewRequest(http.MethodPost, a.TS.URL+"/api/v1/imports/workers", body)
			req.Header.Set("Content-Type", ctype)
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := (&http.Client{Timeout: 5 * time.Minute}).Do(req)
			if err != nil {
				t.Errorf("import: %v", err)
				codes <- 0
				return
			}
			resp.Body.Close()
			codes <- resp.StatusCode
		})
	}
	done := make(chan struct{})
	go func() { imports.Wait(); close(done) }()

	browser := a.Login(domain.RolePimpinan)
	browser.Timeout = 20 * time.Second
	var probes, queuedSeen int
	for running := true; running; {
		select {
		case <-done:
			running = false
		case <-time.After(300 * time.Millisecond):
		}
		for _, path := range []string{"/readyz", "/api/v1/balance?period=2024"} {
			req, _ := http.NewRequest(http.MethodGet, a.TS.URL+path, nil)
			req.Header.Set("Authorization", "Bearer "+reader)
			resp, err := client.Do(req)
			if err != nil {
				t.Fatalf("%s during the imports: %v", path, err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s during the imports: %d", path, resp.StatusCode)
			}
			probes++
		}
		resp, err := browser.Get(a.TS.URL + "/?period=2024")
		if err != nil {
			t.Fatalf("the dashboard during the imports: %v", err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("the dashboard during the imports: %d", resp.StatusCode)
		}
		var n int
		_ = a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FROM import_batch WHERE status = 'queued'`).Scan(&n)
		queuedSeen = max(queuedSeen, n)
	}
	close(codes)
	for c := range codes {
		if c != http.StatusOK {
			t.Errorf("a dry-run import answered %d, want 200", c)
		}
	}
	if queuedSeen == 0 {
		t.Error("no import was ever queued (antre) while six ran")
	}
	t.Logf("%d probes answered; up to %d imports queued at once", probes, queuedSeen)
}

// TestConfirmStartsOneImport: confirming the same checked upload many times
// at once (a double click, two tabs) starts exactly one import job.
func TestConfirmStartsOneImport(t *testing.T) {
	a := apptest.New(t)
	c := a.Login(domain.RoleDisnaker)
	resp := a.Upload(c, "workers", "peserta.csv", workersFile)
	path := resp.Header.Get("Location")
	a.WaitImport(c, path)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			resp, err := c.Post(a.TS.URL+path+"/confirm", "application/x-www-form-urlencoded", nil)
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
	body := a.WaitImport(c, path)
	apptest.MustContain(t, body, "Berhasil diimpor")
	_, metrics := a.API(a.Token(domain.RoleAdmin), "/metrics")
	total := 0
	for _, m := range regexp.MustCompile(`monev_imports_total\{kind="workers",outcome="[a-z]+"\} (\d+)`).FindAllStringSubmatch(metrics, -1) {
		n, _ := strconv.Atoi(m[1])
		total += n
	}
	if total != 2 { // the check, then one import
		t.Errorf("%d import jobs ran for one upload confirmed 8 times, want 2 (check + import)", total)
	}
}

// TestStalenessIsTheLease: a batch is stale only when its lease ran out,
// however old it is, and opening the pages changes nothing.
func TestStalenessIsTheLease(t *testing.T) {
	a := apptest.New(t)
	ctx := context.Background()
	svc := imports.NewService(a.DB, a.Settings(), app.ImportKinds()...)
	f := filepath.Join(t.TempDir(), "peserta.csv")
	if err := os.WriteFile(f, []byte(workersFile), 0o600); err != nil {
		t.Fatal(err)
	}
	kind, _ := svc.Kind("workers")
	b, err := svc.Prepare(ctx, apptest.Actor, imports.Request{Kind: kind, Path: f, FileName: "peserta.csv", DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	status := func() string {
		var s string
		_ = a.DB.Pool().QueryRow(ctx, `SELECT status FROM import_batch WHERE id = $1`, b.ID).Scan(&s)
		return s
	}
	// Uploaded five minutes ago and still waiting for its job: not stale.
	if _, err := a.DB.Pool().Exec(ctx, `UPDATE import_batch SET created_at = now() - interval '5 minutes'`); err != nil {
		t.Fatal(err)
	}
	staff := a.Login(domain.RoleDisnaker)
	a.Get(staff, "/imports")
	a.Get(staff, "/imports/"+apptest.Itoa(b.ID))
	if n, err := svc.MarkStale(ctx); err != nil || n != 0 || status() != "queued" {
		t.Errorf("a batch with a live lease: marked %d (%v), status %q", n, err, status())
	}
	// Its process died: the lease runs out; the pages still change nothing,
	// the server's watcher marks it.
	if _, err := a.DB.Pool().Exec(ctx, `UPDATE import_batch SET lease_until = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	a.Get(staff, "/imports")
	if s := status(); s != "queued" {
		t.Errorf("opening the history changed the batch to %q", s)
	}
	if n, err := svc.MarkStale(ctx); err != nil || n != 1 || status() != "failed" {
		t.Errorf("a batch whose lease ran out: marked %d (%v), status %q", n, err, status())
	}
	_, body := a.Get(staff, "/imports/"+apptest.Itoa(b.ID))
	if !strings.Contains(body, "proses berhenti di tengah jalan") {
		t.Error("the failed batch does not say why")
	}
}
