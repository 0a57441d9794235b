package demo

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

// TestBackupAndRestore does what docs/operations.md tells an operator:
// pg_dump -Fc, then pg_restore into a fresh database, and checks that the
// figures are identical.
func TestBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	srcURL := pgdev.URL(t)
	src, err := database.Open(ctx, srcURL)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if err := Load(ctx, src, testActor); err != nil {
		t.Fatal(err)
	}
	pgDump, err := pgdev.Program("pg_dump")
	if err != nil {
		t.Fatal(err)
	}
	pgRestore, err := pgdev.Program("pg_restore")
	if err != nil {
		t.Fatal(err)
	}
	dump := filepath.Join(t.TempDir(), "monev.dump")
	if out, err := exec.Command(pgDump, "-Fc", "-f", dump, "-d", srcURL).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}
	dstURL := pgdev.EmptyURL(t)
	if out, err := exec.Command(pgRestore, "--no-owner", "-d", dstURL, dump).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	dst, err := database.Open(ctx, dstURL)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if err := dst.RequireCurrentSchema(ctx); err != nil {
		t.Fatalf("restored schema: %v", err)
	}
	periods := []domain.Period{domain.YearPeriod(2023), domain.YearPeriod(2024), domain.RangePeriod(domain.NewMonth(2024, 1), domain.NewMonth(2024, 7))}
	for _, basis := range []domain.Basis{domain.BasisCash, domain.BasisAccrual} {
		want, err := analysisOf(src).BalanceSeries(ctx, "3672", periods, basis)
		if err != nil {
			t.Fatal(err)
		}
		got, err := analysisOf(dst).BalanceSeries(ctx, "3672", periods, basis)
		if err != nil {
			t.Fatal(err)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s %s: restored %+v, original %+v", periods[i], basis, got[i], want[i])
			}
		}
	}
	if diffs, err := analysisOf(dst).CheckAggregates(ctx); err != nil || len(diffs) > 0 {
		t.Errorf("restored aggregates: %v %v", diffs, err)
	}
	for _, table := range []string{"worker", "enrollment", "contribution", "claim", "audit_log", "app_user"} {
		var a, b string
		q := `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM ` + table + ` t`
		_ = src.Pool().QueryRow(ctx, q).Scan(&a)
		_ = dst.Pool().QueryRow(ctx, q).Scan(&b)
		if a != b || a == "" {
			t.Errorf("table %s differs after restore", table)
		}
	}
	// The restored audit log is still append-only.
	if _, err := dst.Pool().Exec(ctx, `DELETE FROM audit_log`); err == nil {
		t.Error("the restored audit log can be deleted")
	}
}
