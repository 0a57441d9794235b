package analysis_test

import (
	"context"
	"testing"

	"github.com/cilegon/monev/internal/analysis"
)

func TestCoverageReport(t *testing.T) {
	ctx := context.Background()
	db := loadAnalysis(t)
	r, err := analysisOf(db).CoverageView(ctx, "3672", mustPeriod(t, "2024"), "")
	if err != nil {
		t.Fatal(err)
	}
	byCode := func(rows []analysis.CoverageRow, code string) analysis.CoverageRow {
		for _, row := range rows {
			if row.Code == code {
				return row
			}
		}
		t.Fatalf("no row %s", code)
		return analysis.CoverageRow{}
	}
	// At the end of 2024: W1 and W3 (nelayan), W5 (rt_rw, W4's quota).
	for _, tt := range []struct {
		code           string
		active, target int64
		coverage       string
		gap            int64
	}{
		{"nelayan", 2, 4, "50,0 %", 2},
		{"rt_rw", 1, 2, "50,0 %", 1},
		{"kader", 0, 1, "0,0 %", 1},
		{"ojek", 0, 0, "–", 0},
	} {
		row := byCode(r.ByCategory, tt.code)
		if row.Active != tt.active || row.Target != tt.target || row.Coverage().Percent(1) != tt.coverage || row.Gap() != tt.gap {
			t.Errorf("%s: %+v coverage %s", tt.code, row, row.Coverage().Percent(1))
		}
	}
	if cost := byCode(r.ByCategory, "nelayan").GapCost(r.Rate); cost != 403_200 {
		t.Errorf("nelayan gap a year %d, want 2 × 16.800 × 12", cost)
	}
	// Regions count only RT/RW against the RT/RW targets per kelurahan.
	kep, leb := byCode(r.ByKelurahan, kepuh), byCode(r.ByKelurahan, lebakgede)
	if kep.Active != 2 || kep.Targeted != 0 || kep.Target != 1 || leb.Active != 1 || leb.Targeted != 1 || leb.Target != 2 {
		t.Errorf("kelurahan %+v %+v", kep, leb)
	}
	ciwandan := byCode(r.ByKecamatan, "36.72.04")
	if ciwandan.Active != 2 || ciwandan.Target != 1 || ciwandan.Gap() != 1 || len(r.ByKecamatan) != 8 {
		t.Errorf("kecamatan %+v of %d", ciwandan, len(r.ByKecamatan))
	}
	if len(r.RegionalTargets) != 1 || r.RegionalTargets[0] != "Ketua RT/RW" {
		t.Errorf("regional target categories %v", r.RegionalTargets)
	}
	if !r.HasWorkforce || r.Workforce.UCJ().Percent(1) != "40,0 %" || r.Workforce.UCJGap() != 100 {
		t.Errorf("workforce %+v", r.Workforce)
	}

	// A death leaves the quota empty until the month after: RT/RW at the end of March and April.
	for period, want := range map[string]int64{"2024-03": 0, "2024-04": 1} {
		r, err := analysisOf(db).CoverageView(ctx, "3672", mustPeriod(t, period), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := byCode(r.ByCategory, "rt_rw").Active; got != want {
			t.Errorf("rt_rw active at the end of %s: %d, want %d", period, got, want)
		}
	}
	// One category's regions: nelayan has no targets per kelurahan.
	r, err = analysisOf(db).CoverageView(ctx, "3672", mustPeriod(t, "2024-06"), "nelayan")
	if err != nil {
		t.Fatal(err)
	}
	if kep := byCode(r.ByKelurahan, kepuh); kep.Active != 2 || kep.HasTarget || byCode(r.ByKelurahan, lebakgede).Active != 0 || len(r.RegionalTargets) != 0 {
		t.Errorf("nelayan by kelurahan %+v", r.ByKelurahan)
	}
	if kader := byCode(r.ByCategory, "kader"); kader.Active != 1 || kader.Coverage().Percent(0) != "100 %" {
		t.Errorf("kader in June %+v", kader)
	}
}

func TestTargetAndWorkforceEdits(t *testing.T) {
	ctx := context.Background()
	db := loadAnalysis(t)
	err := analysisOf(db).ReplaceTargets(ctx, testActor, 2024, "", []analysis.Target{
		{Year: 2024, CategoryCode: "nelayan", Workers: 5}, {Year: 2024, CategoryCode: "ojek", Workers: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	ts, err := analysisOf(db).Targets(ctx, "3672", 2024)
	if err != nil {
		t.Fatal(err)
	}
	// rt_rw and kader lost their Pemda-wide targets; the per-kelurahan ones stay.
	var wide, regional int
	for _, tg := range ts {
		if tg.KelurahanCode == "" {
			wide++
		} else {
			regional++
		}
	}
	if wide != 2 || regional != 2 {
		t.Errorf("targets after replacing the Pemda-wide ones: %+v", ts)
	}
	if err := analysisOf(db).ReplaceTargets(ctx, testActor, 2024, "rt_rw", []analysis.Target{{Year: 2024, CategoryCode: "rt_rw", KelurahanCode: kepuh, Workers: 7}}); err != nil {
		t.Fatal(err)
	}
	r, err := analysisOf(db).CoverageView(ctx, "3672", mustPeriod(t, "2024"), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range r.ByCategory {
		// rt_rw now has only a target per kelurahan: its sum counts.
		if row.Code == "rt_rw" && (row.Target != 7 || !row.HasTarget) {
			t.Errorf("rt_rw target %+v", row)
		}
	}
	w := analysis.Workforce{Year: 2025, Workforce: 174_897, WorkforceSource: "BPS", Protected: 76_062, ProtectedSource: "BPJS", TargetPermille: 550,
		Denominator: analysis.Employed}
	if err := analysisOf(db).SaveWorkforce(ctx, testActor, w); err != nil {
		t.Fatal(err)
	}
	w.Protected = 80_000
	if err := analysisOf(db).SaveWorkforce(ctx, testActor, w); err != nil {
		t.Fatal(err)
	}
	got, ok, err := analysisOf(db).Workforce(ctx, "3672", 2025)
	if err != nil || !ok || got != w {
		t.Errorf("Workforce = %+v, %v, %v", got, ok, err)
	}
	if _, ok, err := analysisOf(db).Workforce(ctx, "3672", 2030); ok || err != nil {
		t.Errorf("a year without figures: %v %v", ok, err)
	}
	var n int
	if err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE entity IN ('target', 'workforce')`).Scan(&n); err != nil || n != 4 {
		t.Errorf("audit entries %d, %v; want 4", n, err)
	}
}
