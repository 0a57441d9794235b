package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/auth/password"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/imports"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/settings"
)

// child starts this test binary as the monev command.
func child(t *testing.T, dbURL string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "MONEV_TEST_AS_MAIN=1", "DATABASE_URL="+dbURL, "MONEV_LOG_FORMAT=text")
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	return cmd
}

// bigWorkersFile writes a valid workers file with n rows.
func bigWorkersFile(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "peserta-besar.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "nik,nama,kategori,kelurahan,tanggal_mulai")
	for i := 0; i < n; i++ {
		day, month, serial := 1+i%28, 1+(i/28)%12, 1+i/336
		fmt.Fprintf(w, "367201%02d%02d80%04d,Peserta %d,kader,Kepuh,01/01/2024\n", day, month, serial, i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// state is what an interrupted import must leave exactly as it was.
func state(t *testing.T, db *database.DB) string {
	t.Helper()
	var s string
	err := db.Pool().QueryRow(context.Background(), `SELECT format('%s workers, %s spells, %s roster rows, %s audit rows',
		(SELECT count(*) FROM worker), (SELECT count(*) FROM enrollment), (SELECT count(*) FROM agg_roster),
		(SELECT count(*) FROM audit_log WHERE action = 'import'))`).Scan(&s)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// waitBatch waits until a batch has read rows rows, or reached a status.
func waitBatch(t *testing.T, db *database.DB, until func(status string, rows int64) bool) (string, int64) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		var status string
		var rows int64
		err := db.Pool().QueryRow(context.Background(),
			`SELECT status, rows_read FROM import_batch ORDER BY id DESC LIMIT 1`).Scan(&status, &rows)
		if err == nil && until(status, rows) {
			return status, rows
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the import never got there")
	return "", 0
}

func inProgress(status string, rows int64) bool { return status == "importing" && rows >= 20_000 }

// TestKilledImportLeavesNoTrace kills a command-line import with SIGKILL in
// the middle of a large file: the database is exactly as before.
func TestKilledImportLeavesNoTrace(t *testing.T) {
	url := pgdev.URL(t)
	db, err := database.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	before := state(t, db)
	cmd := child(t, url, "import", "workers", bigWorkersFile(t, 150_000))
	_, rows := waitBatch(t, db, inProgress)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if after := state(t, db); after != before {
		t.Errorf("killed after %d rows: before %q, after %q", rows, before, after)
	}
	if diffs, err := analysisOf(db).CheckAggregates(context.Background()); err != nil || len(diffs) > 0 {
		t.Errorf("aggregates after the kill: %v %v", diffs, err)
	}
	// The batch still says "importing"; once its grace has passed and no
	// import holds the lock, it is marked failed.
	ctx := context.Background()
	if _, err := db.Pool().Exec(ctx, `UPDATE import_batch SET created_at = now() - interval '2 minutes'`); err != nil {
		t.Fatal(err)
	}
	if err := imports.NewService(db, settings.NewService(db), app.ImportKinds()...).MarkStale(ctx, "3672"); err != nil {
		t.Fatal(err)
	}
	if status, _ := waitBatch(t, db, func(string, int64) bool { return true }); status != "failed" {
		t.Errorf("the killed batch is %q, want failed", status)
	}
}

// startServer starts `monev serve` as a child on a free port with one editor,
// and returns its address and a signed-in client.
func startServer(t *testing.T, url string, db *database.DB) (*exec.Cmd, string, *http.Client) {
	t.Helper()
	hash, _ := password.Hash("kopi-tubruk-pagi-hari")
	if _, err := auth.NewService(db).CreateUserWithHash(context.Background(), cliActor("3672"),
		domain.User{Pemda: "3672", Username: "rina", Role: domain.RoleDisnaker, Active: true}, hash); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cmd := child(t, url, "serve", "--addr", addr)
	base := "http://" + addr
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("monev serve did not start")
		}
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.PostForm(base+"/login", map[string][]string{"username": {"rina"}, "password": {"kopi-tubruk-pagi-hari"}})
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("login: %v %v", resp, err)
	}
	resp.Body.Close()
	return cmd, base, c
}

// uploadAndConfirm uploads a file through the pages and confirms it once
// its check has finished.
func uploadAndConfirm(t *testing.T, db *database.DB, c *http.Client, base, path string) {
	t.Helper()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		_ = mw.WriteField("kind", "workers")
		fw, _ := mw.CreateFormFile("file", filepath.Base(path))
		f, _ := os.Open(path)
		_, _ = io.Copy(fw, f)
		f.Close()
		pw.CloseWithError(mw.Close())
	}()
	resp, err := c.Post(base+"/imports", mw.FormDataContentType(), pr)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	batch := regexp.MustCompile(`/imports/\d+`).FindString(resp.Request.URL.Path)
	waitBatch(t, db, func(status string, _ int64) bool { return status == "checked" })
	resp, err = c.PostForm(base+batch+"/confirm", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// TestKilledServerImportLeavesNoTrace kills the server with SIGKILL while
// it writes an uploaded file.
func TestKilledServerImportLeavesNoTrace(t *testing.T) {
	url := pgdev.URL(t)
	db, err := database.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cmd, base, c := startServer(t, url, db)
	before := state(t, db)
	uploadAndConfirm(t, db, c, base, bigWorkersFile(t, 150_000))
	waitBatch(t, db, inProgress)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	if after := state(t, db); after != before {
		t.Errorf("before %q, after %q", before, after)
	}
}

// TestTerminateRollsBackAndExits sends SIGTERM while an import runs: the
// server stops taking requests, the import rolls back and is marked
// cancelled, and the process exits cleanly.
func TestTerminateRollsBackAndExits(t *testing.T) {
	url := pgdev.URL(t)
	db, err := database.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cmd, base, c := startServer(t, url, db)
	before := state(t, db)
	uploadAndConfirm(t, db, c, base, bigWorkersFile(t, 150_000))
	waitBatch(t, db, inProgress)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("monev serve exited with %v after SIGTERM, want 0", err)
		}
	case <-time.After(40 * time.Second):
		t.Fatal("monev serve did not exit after SIGTERM")
	}
	if after := state(t, db); after != before {
		t.Errorf("before %q, after %q", before, after)
	}
	if status, _ := waitBatch(t, db, func(string, int64) bool { return true }); status != "cancelled" {
		t.Errorf("the interrupted batch is %q, want cancelled", status)
	}
	if _, err := http.Get(base + "/healthz"); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Errorf("the server still answers after exiting: %v", err)
	}
}
