package analysis_test

import (
	"slices"
	"testing"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
)

func TestCompleteByType(t *testing.T) {
	got := analysis.CompleteByType([]analysis.ClaimTally{
		{Type: domain.ClaimScholarship, Count: 2, Amount: 5_000_000},
		{Type: domain.ClaimJKM, Count: 1, Amount: 42_000_000},
		{Type: domain.ClaimJKM, Count: 2, Amount: 84_000_000}, // another kelurahan, same type
	})
	want := []analysis.ClaimTally{
		{Type: domain.ClaimJKM, Count: 3, Amount: 126_000_000},
		{Type: domain.ClaimJKKDeath},
		{Type: domain.ClaimJKKDisability},
		{Type: domain.ClaimJKKCare},
		{Type: domain.ClaimScholarship, Count: 2, Amount: 5_000_000},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d tallies, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("tally %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	s := analysis.ClaimSummary{Paid: got}
	if tot := s.PaidTotal(); tot.Count != 5 || tot.Amount != 131_000_000 {
		t.Errorf("PaidTotal = %+v", tot)
	}
	if share := s.Share(got[0]).Percent(1); share != "96,2 %" {
		t.Errorf("JKM share %s", share)
	}
}

func TestSortPending(t *testing.T) {
	got := analysis.SortPending([]analysis.ClaimTally{
		{Type: domain.ClaimJKKCare, Status: domain.ClaimProcessing, Count: 1, Amount: 5_300_000},
		{Type: domain.ClaimJKM, Status: domain.ClaimProcessing, Count: 0},
		{Type: domain.ClaimJKM, Status: domain.ClaimSubmitted, Count: 1, Amount: 42_000_000},
	})
	if len(got) != 2 || got[0].Type != domain.ClaimJKM || got[1].Type != domain.ClaimJKKCare {
		t.Errorf("SortPending = %+v", got)
	}
	if tot := (analysis.ClaimSummary{Pending: got}).PendingTotal(); tot.Amount != 47_300_000 || tot.Count != 2 {
		t.Errorf("PendingTotal = %+v", tot)
	}
}

func TestBalanceReportCumulative(t *testing.T) {
	month := func(c, k domain.Rupiah) analysis.Balance {
		return analysis.Balance{Contributions: c, Claims: k}
	}
	r := analysis.BalanceView{
		Balance: month(300, 200),
		Series:  []analysis.Balance{month(100, 0), month(100, 200), month(100, 0)},
		Opening: -50,
	}
	got := r.Cumulative()
	want := []domain.Rupiah{50, -50, 50}
	if !slices.Equal(got, want) {
		t.Errorf("Cumulative = %v, want %v", got, want)
	}
	if r.Closing() != 50 || r.Closing() != got[len(got)-1] {
		t.Errorf("Closing = %v", r.Closing())
	}
	if got := r.Balance.BenefitPerRupiah().Per(2); got != "0,67" {
		t.Errorf("benefit per Rp 1 = %s", got)
	}
}

func TestChange(t *testing.T) {
	tests := []struct {
		now, before int64
		label       string
	}{
		{790, 500, "naik 58,0 %"},
		{400, 500, "turun 20,0 %"},
		{500, 500, "tetap"},
		{100, 0, "–"},
		{0, 0, "tetap"},
		{-50, -100, "naik 50,0 %"}, // a smaller deficit is an improvement
		{-150, -100, "turun 50,0 %"},
	}
	for _, tt := range tests {
		c := analysis.Change{Now: tt.now, Before: tt.before}
		if got := c.Label(); got != tt.label {
			t.Errorf("Change{%d, %d}.Label() = %q, want %q", tt.now, tt.before, got, tt.label)
		}
		if c.Delta() != tt.now-tt.before {
			t.Errorf("Delta = %d", c.Delta())
		}
	}
}

func TestPercentValue(t *testing.T) {
	tests := []struct {
		r    domain.Ratio
		want float64
	}{
		{domain.Ratio{Num: 790_000_000, Den: 480_457_660}, 164.4},
		{domain.Ratio{Num: 12_345, Den: 100_000}, 12.3}, // 12,345 % rounds once, to 12,3 on screen too
		{domain.Ratio{Num: 12_355, Den: 100_000}, 12.4},
		{domain.Ratio{Num: -1, Den: 3}, -33.3},
		{domain.Ratio{Num: 5}, 0},
	}
	for _, tt := range tests {
		if got := tt.r.PercentValue(1); got != tt.want {
			t.Errorf("%+v.PercentValue(1) = %v, want %v (screen %s)", tt.r, got, tt.want, tt.r.Percent(1))
		}
	}
}
