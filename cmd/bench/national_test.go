package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/platform/pgdev"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

// TestNationalSmoke runs the national benchmark at a tiny size on the test
// server: 40 Pemda, 4.000 workers. It checks that every step runs and
// measures, not how fast.
func TestNationalSmoke(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	bin := filepath.Join(t.TempDir(), "monev")
	if out, err := exec.Command("go", "build", "-o", bin, "../monev").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
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
