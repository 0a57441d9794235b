package domain_test

import (
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

func TestDefaultBenefitsStandard(t *testing.T) {
	tests := []struct {
		name     string
		typ      domain.ClaimType
		incident time.Time
		income   domain.Rupiah
		want     domain.Rupiah
		fixed    bool
	}{
		{"JKM under PP 82/2019", domain.ClaimJKM, domain.Date(2024, 7, 17), domain.DefaultIncome, 42_000_000, true},
		{"JKM on the day PP 82/2019 took effect", domain.ClaimJKM, domain.Date(2019, 12, 2), domain.DefaultIncome, 42_000_000, true},
		{"JKM the day before", domain.ClaimJKM, domain.Date(2019, 12, 1), domain.DefaultIncome, 24_000_000, true},
		{"JKM ignores income", domain.ClaimJKM, domain.Date(2024, 7, 17), 5_000_000, 42_000_000, true},
		{"JKK death at the lowest band", domain.ClaimJKKDeath, domain.Date(2024, 7, 17), 1_000_000, 70_000_000, true},
		{"JKK death, income 2 juta", domain.ClaimJKKDeath, domain.Date(2024, 7, 17), 2_000_000, 118_000_000, true},
		{"JKK death, no income given", domain.ClaimJKKDeath, domain.Date(2024, 7, 17), 0, 70_000_000, true},
		{"JKK death under PP 44/2015", domain.ClaimJKKDeath, domain.Date(2018, 1, 1), 1_000_000, 55_800_000, true},
		{"total disability", domain.ClaimJKKDisability, domain.Date(2024, 7, 17), 1_000_000, 56_000_000, false},
		{"care", domain.ClaimJKKCare, domain.Date(2024, 7, 17), 1_000_000, 0, false},
		{"scholarship under PP 82/2019", domain.ClaimScholarship, domain.Date(2024, 7, 17), 1_000_000, 0, false},
		// Before December 2019 one child got Rp 12 juta at once, whatever the income.
		{"scholarship under PP 44/2015", domain.ClaimScholarship, domain.Date(2019, 11, 30), 3_000_000, 12_000_000, true},
		{"before PP 44/2015", domain.ClaimJKM, domain.Date(2015, 6, 30), 1_000_000, 0, false},
		{"unknown type", domain.ClaimType("JHT"), domain.Date(2024, 7, 17), 1_000_000, 0, false},
	}
	table := domain.DefaultBenefits()
	for _, tt := range tests {
		got, fixed := table.Standard(tt.typ, tt.incident, tt.income)
		if got != tt.want || fixed != tt.fixed {
			t.Errorf("%s: Standard = %s, %v; want %s, %v", tt.name, got, fixed, tt.want, tt.fixed)
		}
	}
}

func TestDefaultBenefitsTable(t *testing.T) {
	table := domain.DefaultBenefits()
	for i, b := range table {
		if b.Regulation == "" || b.Note == "" || b.ValidFrom.IsZero() {
			t.Errorf("row %d (%s) is incomplete", i, b.Type)
		}
		if i > 0 && table[i-1].Type == b.Type && !table[i-1].ValidFrom.Before(b.ValidFrom) {
			t.Errorf("rows of %s are not sorted by ValidFrom", b.Type)
		}
	}
	table[0].Flat = 1 // callers get a copy
	if got, _ := domain.DefaultBenefits().Standard(domain.ClaimJKM, domain.Date(2018, 1, 1), 0); got != 24_000_000 {
		t.Errorf("changing the returned table changed the data: %s", got)
	}
}
