package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

// TestMain runs the tests, or, when a test starts this binary as a child
// process with MONEV_TEST_AS_MAIN=1, the command itself.
func TestMain(m *testing.M) {
	if os.Getenv("MONEV_TEST_AS_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	pgdev.Main(m)
}

// monev runs the command line in-process against a database URL.
func monev(t *testing.T, url, stdin string, args ...string) (string, string, error) {
	t.Helper()
	t.Setenv("DATABASE_URL", url)
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestMigrateUserTokenDemo(t *testing.T) {
	url := pgdev.EmptyURL(t)
	out, _, err := monev(t, url, "", "migrate", "version")
	if err != nil || !strings.Contains(out, "schema version 0 of") {
		t.Fatalf("migrate version on an empty database: %q %v", out, err)
	}
	out, _, err = monev(t, url, "", "migrate", "up")
	if err != nil || !strings.Contains(out, "schema version") {
		t.Fatalf("migrate up: %q %v", out, err)
	}

	out, _, err = monev(t, url, "kata-sandi-yang-kuat\n", "user", "add", "--username", "Rina", "--role", "disnaker", "--password-stdin")
	if err != nil || !strings.Contains(out, "user rina added with role disnaker") {
		t.Fatalf("user add: %q %v", out, err)
	}
	_, _, err = monev(t, url, "pendek\n", "user", "add", "--username", "budi", "--role", "bpjs", "--password-stdin")
	if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "minimal 12") {
		t.Errorf("short password: %v, want a usage error", err)
	}
	_, _, err = monev(t, url, "kata-sandi-yang-kuat\n", "user", "add", "--username", "budi", "--role", "walikota", "--password-stdin")
	if !errors.Is(err, errUsage) {
		t.Errorf("unknown role: %v, want a usage error", err)
	}

	out, _, err = monev(t, url, "", "token", "create", "--username", "rina")
	token := strings.TrimSpace(out)
	if err != nil || !strings.HasPrefix(token, "monev_") || strings.Count(out, "\n") != 1 {
		t.Fatalf("token create printed %q, %v; want one token on one line", out, err)
	}
	db, err := database.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if u, err := auth.NewService(db).UserByAPIToken(context.Background(), token); err != nil || u.Username != "rina" {
		t.Errorf("the printed token does not work: %+v %v", u, err)
	}

	out, _, err = monev(t, url, "", "token", "list")
	if err != nil || !strings.Contains(out, "rina") || !strings.Contains(out, "active") {
		t.Fatalf("token list: %q %v", out, err)
	}
	id := strings.Fields(strings.Split(out, "\n")[1])[0]
	if out, _, err := monev(t, url, "", "token", "revoke", "--id", id); err != nil || !strings.Contains(out, "revoked") {
		t.Fatalf("token revoke: %q %v", out, err)
	}
	if _, err := auth.NewService(db).UserByAPIToken(context.Background(), token); err == nil {
		t.Error("the revoked token still works")
	}
	if _, _, err := monev(t, url, "", "token", "revoke"); !errors.Is(err, errUsage) {
		t.Errorf("revoke without --id: %v", err)
	}

	if out, _, err := monev(t, url, "", "aggregates", "check"); err != nil || !strings.Contains(out, "match") {
		t.Errorf("aggregates check: %q %v", out, err)
	}
	if _, err := db.Pool().Exec(context.Background(), `INSERT INTO agg_roster VALUES ('3672', '2024-01-01', 'kader', '36.72.04.1005', 5, 5)`); err != nil {
		t.Fatal(err)
	}
	if out, _, err := monev(t, url, "", "aggregates", "check"); !errors.Is(err, errRejected) || !strings.Contains(out, "1 differences") {
		t.Errorf("aggregates check on a wrong aggregate: %q %v", out, err)
	}
	if out, _, err := monev(t, url, "", "aggregates", "rebuild"); err != nil || !strings.Contains(out, "match") {
		t.Errorf("aggregates rebuild: %q %v", out, err)
	}

	// The due-date rule: the BPU rule by default, changed and audited.
	if out, _, err := monev(t, url, "", "settings", "due-date"); err != nil || !strings.Contains(out, "tanggal 15 bulan kepesertaan itu") {
		t.Errorf("settings due-date: %q %v", out, err)
	}
	if out, _, err := monev(t, url, "", "settings", "due-date", "--day", "10", "--month", "following"); err != nil ||
		!strings.Contains(out, "day 10 of the month after") {
		t.Errorf("settings due-date --day 10 --month following: %q %v", out, err)
	}
	if _, _, err := monev(t, url, "", "settings", "due-date", "--month", "later"); !errors.Is(err, errUsage) {
		t.Errorf("a month that is no rule: %v", err)
	}
	if _, _, err := monev(t, url, "", "settings", "due-date", "--day", "31"); err == nil {
		t.Error("day 31 accepted")
	}

	// The demo refuses a database that already has data.
	if _, _, err := monev(t, url, "", "demo"); err == nil || !strings.Contains(err.Error(), "already holds data") {
		t.Errorf("demo into a used database: %v", err)
	}
}

func TestDemoAndServeRefuseAnOldSchema(t *testing.T) {
	url := pgdev.EmptyURL(t)
	_, _, err := monev(t, url, "", "serve", "--addr", "127.0.0.1:0")
	if err == nil || !strings.Contains(err.Error(), "monev migrate up") {
		t.Errorf("serve on an unmigrated database: %v; want advice to run migrate up", err)
	}
	out, _, err := monev(t, pgdev.URL(t), "", "demo")
	if err != nil || !strings.Contains(out, "demo data loaded") || !strings.Contains(out, "pimpinan") {
		t.Errorf("demo: %q %v", out, err)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"migrate"}, {"migrate", "sideways"}, {"user", "add", "--bogus"},
		{"token", "create"}, {"serve", "extra"}} {
		_, _, err := monev(t, "postgres://127.0.0.1:1/none", "", args...)
		if !errors.Is(err, errUsage) {
			t.Errorf("monev %v: %v, want a usage error", args, err)
		}
	}
	t.Setenv("DATABASE_URL", "")
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"serve"}, nil, &out, &errOut); !errors.Is(err, errUsage) {
		t.Errorf("serve without DATABASE_URL: %v", err)
	}
}

func TestImportCommand(t *testing.T) {
	url := pgdev.URL(t)
	dir := t.TempDir()
	good := dir + "/peserta.csv"
	bad := dir + "/salah.csv"
	writeFile(t, good, "nik,nama,kategori,kelurahan,tanggal_mulai\n3672014101900001,Siti Aminah,kader,Kepuh,01/01/2024\n")
	writeFile(t, bad, "nik,nama,kategori,kelurahan,tanggal_mulai\n12345,Siti Aminah,kader,Kepuh,01/01/2024\n")

	out, _, err := monev(t, url, "", "import", "workers", good, "--dry-run")
	if err != nil || !strings.Contains(out, "checked") || !strings.Contains(out, "1 new") {
		t.Fatalf("dry run: %q %v", out, err)
	}
	out, _, err = monev(t, url, "", "import", "peserta", good)
	if err != nil || !strings.Contains(out, "imported") {
		t.Fatalf("import: %q %v", out, err)
	}
	out, _, err = monev(t, url, "", "import", "workers", good)
	if err != nil || !strings.Contains(out, "unchanged") || !strings.Contains(out, "Tidak ada perubahan") {
		t.Fatalf("second import: %q %v", out, err)
	}
	out, errOut, err := monev(t, url, "", "import", "workers", bad)
	if !errors.Is(err, errRejected) || !strings.Contains(errOut, "Baris 2, kolom nik: NIK harus 16 digit angka") {
		t.Fatalf("bad file: %v, stderr %q, stdout %q", err, errOut, out)
	}
	if _, _, err := monev(t, url, "", "import", "gaji", good); !errors.Is(err, errUsage) {
		t.Errorf("unknown kind: %v, want a usage error", err)
	}
	if _, _, err := monev(t, url, "", "import", "workers"); !errors.Is(err, errUsage) {
		t.Errorf("no file: %v, want a usage error", err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
