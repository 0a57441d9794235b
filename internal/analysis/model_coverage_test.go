package analysis_test

import (
	"testing"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
)

func TestCoverageRow(t *testing.T) {
	rate, _ := domain.DefaultBPURates().At(domain.NewMonth(2024, time.December))
	tests := []struct {
		name     string
		row      analysis.CoverageRow
		coverage string
		gap      int64
		cost     domain.Rupiah
	}{
		{"nelayan", analysis.CoverageRow{Active: 332, Targeted: 332, Target: 400, HasTarget: true}, "83,0 %", 68, 13_708_800},
		{"above target", analysis.CoverageRow{Active: 1460, Targeted: 1460, Target: 1400, HasTarget: true}, "104,3 %", 0, 0},
		{"no target", analysis.CoverageRow{Active: 61, Targeted: 61}, "–", 0, 0},
		{"zero target", analysis.CoverageRow{Active: 5, Targeted: 5, HasTarget: true}, "–", 0, 0},
		{"region: only RT/RW has targets", analysis.CoverageRow{Active: 200, Targeted: 30, Target: 40, HasTarget: true}, "75,0 %", 10, 2_016_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.row.Coverage().Percent(1); got != tt.coverage {
				t.Errorf("Coverage = %s, want %s", got, tt.coverage)
			}
			if got := tt.row.Gap(); got != tt.gap {
				t.Errorf("Gap = %d, want %d", got, tt.gap)
			}
			if got := tt.row.GapCost(rate); got != tt.cost {
				t.Errorf("GapCost = %d, want %d", got, tt.cost)
			}
		})
	}
}

func TestTotalAndRollUp(t *testing.T) {
	kels := []analysis.CoverageRow{
		{Code: "36.72.01.1001", Parent: "36.72.01", Active: 10, Targeted: 5, Target: 8, HasTarget: true},
		{Code: "36.72.01.1002", Parent: "36.72.01", Active: 7, Targeted: 7, Target: 5, HasTarget: true},
		{Code: "36.72.02.1001", Parent: "36.72.02", Active: 3},
	}
	kecs := analysis.RollUpKecamatan([]domain.Kecamatan{{Code: "36.72.01", Name: "Cibeber"}, {Code: "36.72.02", Name: "Cilegon"}, {Code: "36.72.03", Name: "Pulomerak"}}, kels)
	if len(kecs) != 3 || kecs[0].Active != 17 || kecs[0].Target != 13 || !kecs[0].HasTarget || kecs[1].HasTarget || kecs[2].Active != 0 {
		t.Errorf("RollUpKecamatan = %+v", kecs)
	}
	// The kecamatan's surplus in one kelurahan does not fill the other's gap.
	if kecs[0].Gap() != 1 {
		t.Errorf("kecamatan gap %d, want 1 (12 of 13)", kecs[0].Gap())
	}
	total, gap := analysis.TotalCoverage("Jumlah", kels)
	if total.Active != 20 || total.Target != 13 || gap != 3 {
		t.Errorf("TotalCoverage = %+v, gap %d", total, gap)
	}
	r := analysis.CoverageView{ByKelurahan: kels}
	if got := r.Kelurahan("36.72.01"); len(got) != 2 {
		t.Errorf("Kelurahan(36.72.01) = %v", got)
	}
}

func TestWorkforce(t *testing.T) {
	w := analysis.Workforce{Year: 2025, Workforce: 174_897, Protected: 76_062, TargetPermille: 550}
	if got := w.UCJ().Percent(1); got != "43,5 %" {
		t.Errorf("UCJ = %s", got)
	}
	if got := w.UCJTarget().Percent(0); got != "55 %" {
		t.Errorf("UCJTarget = %s", got)
	}
	// 55 % of 174.897 is 96.193,35: 96.194 workers, 20.132 more than now.
	if got := w.UCJGap(); got != 20_132 {
		t.Errorf("UCJGap = %d", got)
	}
	if err := w.Validate(); err != nil {
		t.Error(err)
	}
	bad := analysis.Workforce{Year: 2025, Workforce: 100, Protected: 101, TargetPermille: 1001}
	if fe, ok := bad.Validate().(domain.FieldErrors); !ok || fe["protected"] == "" || fe["target"] == "" {
		t.Errorf("Validate = %v", bad.Validate())
	}
}

func FuzzParsePermille(f *testing.F) {
	for _, s := range []string{"55", "55,5", "100 %", "", "1000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := domain.ParsePermille(s)
		if err == nil && (n < 0 || n > 1000) {
			t.Errorf("ParsePermille(%q) = %d", s, n)
		}
	})
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"1.528", "0", "", "1,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, err := domain.ParseCount(s); err == nil && n < 0 {
			t.Errorf("ParseCount(%q) = %d", s, n)
		}
	})
}
