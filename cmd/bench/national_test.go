package main

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

// TestNationalSmoke runs the national benchmark at a tiny size on the test
// server: 40 Pemda, 4.000 workers. It checks that every step runs and
// measures, not how fast.
func TestNationalSmoke(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	bin := buildMonev(t)
	opt := nationalOptions{Pemda: 40, Workers: 4000, Delta: 200, FirstLoad: 500, Requests: 5, Clients: 2, Scale: 0.0004}
	r, err := runNational(ctx, opt, pgdev.ServerURL(t), bin, "")
	if err != nil {
		t.Fatal(err)
	}
	if r.PemdaCount != 40 || r.Workers != 4000 || r.Enrollments < 4000 {
		t.Errorf("loaded %d Pemda, %d workers, %d spells; want 40, 4000 and a spell each at least", r.PemdaCount, r.Workers, r.Enrollments)
	}
	if r.LargestPemda <= 2*r.SmallestPemda {
		t.Errorf("sizes not skewed: largest %d, smallest %d", r.LargestPemda, r.SmallestPemda)
	}
	if r.ProvincePemda < 2 || r.DeltaRows < 200 || r.FirstLoadRows < 500 {
		t.Errorf("province of %d Pemda, delta %d rows, first load %d rows", r.ProvincePemda, r.DeltaRows, r.FirstLoadRows)
	}
	if r.DashboardP99MS <= 0 || r.RollupP99MS.Province <= 0 || r.RollupP99MS.National <= 0 || r.DeltaImportS <= 0 || r.FirstLoadS <= 0 {
		t.Errorf("a figure was not measured: %+v", r)
	}
}

// TestNationalKeep loads a kept database once (-keep, -load-only) and then
// measures a copy of it: the update and the first load change the copy,
// never the kept database, so every run measures the same data.
func TestNationalKeep(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	bin := buildMonev(t)
	server := pgdev.ServerURL(t)
	keep := fmt.Sprintf("bench_keep_%d", time.Now().UnixNano())
	admin, err := database.Open(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	t.Cleanup(func() {
		_, _ = admin.Pool().Exec(context.Background(), "DROP DATABASE IF EXISTS "+keep+" WITH (FORCE)")
	})

	opt := nationalOptions{Pemda: 30, Workers: 3000, Delta: 100, FirstLoad: 300, Requests: 3, Clients: 2, Scale: 0.0003,
		Keep: keep, LoadOnly: true}
	if _, err := runNational(ctx, opt, server, bin, ""); err != nil {
		t.Fatal(err)
	}
	opt.LoadOnly = false
	r, err := runNational(ctx, opt, server, bin, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Notes) == 0 || !strings.Contains(r.Notes[0], "measured on a copy of "+keep) || r.DeltaRows < 100 || r.FirstLoadS <= 0 {
		t.Errorf("second run: notes %q, delta %d rows, first load %.1f s", r.Notes, r.DeltaRows, r.FirstLoadS)
	}
	kept, err := database.Open(ctx, withDatabase(server, keep))
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	var workers, pemda int
	if err := kept.Pool().QueryRow(ctx, `SELECT (SELECT count(*) FROM worker), (SELECT count(*) FROM pemda)`).Scan(&workers, &pemda); err != nil {
		t.Fatal(err)
	}
	if workers != 3000 || pemda != 30 {
		t.Errorf("the kept database holds %d workers in %d Pemda after a run, want the 3000 in 30 it was loaded with", workers, pemda)
	}
}

// buildMonev builds the monev binary the benchmark drives.
func buildMonev(t *testing.T) string {
	bin := filepath.Join(t.TempDir(), "monev")
	if out, err := exec.Command("go", "build", "-o", bin, "../monev").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
