package domain_test

import (
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

func TestDueRule(t *testing.T) {
	following := domain.DueRule{Day: 15, MonthOffset: 1}
	for _, tc := range []struct {
		rule domain.DueRule
		m    domain.Month
		want time.Time
	}{
		// The BPU rule: the 15th of the coverage month itself.
		{domain.BPUDueRule, domain.NewMonth(2024, time.April), domain.Date(2024, time.April, 15)},
		// 15 June 2024 is a Saturday: Monday 17 June.
		{domain.BPUDueRule, domain.NewMonth(2024, time.June), domain.Date(2024, time.June, 17)},
		// 15 September 2024 is a Sunday: Monday 16 September.
		{domain.BPUDueRule, domain.NewMonth(2024, time.September), domain.Date(2024, time.September, 16)},
		{domain.BPUDueRule, domain.NewMonth(2024, time.December), domain.Date(2024, time.December, 16)},
		// The employers' rule: the 15th of the month after, across the year end.
		{following, domain.NewMonth(2024, time.December), domain.Date(2025, time.January, 15)},
		{following, domain.NewMonth(2024, time.March), domain.Date(2024, time.April, 15)},
		{domain.DueRule{Day: 10}, domain.NewMonth(2024, time.February), domain.Date(2024, time.February, 12)},
	} {
		if got := tc.rule.Due(tc.m); !got.Equal(tc.want) {
			t.Errorf("%+v.Due(%s) = %s, want %s", tc.rule, tc.m, got.Format(time.DateOnly), tc.want.Format(time.DateOnly))
		}
	}
	if err := (domain.DueRule{Day: 31}).Validate(); err == nil {
		t.Error("day 31 accepted")
	}
	if err := (domain.DueRule{Day: 15, MonthOffset: 2}).Validate(); err == nil {
		t.Error("two months later accepted")
	}
	if got := following.Label(); got != "tanggal 15 bulan berikutnya" {
		t.Errorf("label %q", got)
	}
}

func TestRateForIncome(t *testing.T) {
	r := domain.Rate{JKK: 10_000, JKM: 6_800}
	relief := domain.Rate{JKK: 100, JKM: 68}
	for _, tc := range []struct {
		rate   domain.Rate
		income domain.Rupiah
		want   domain.Rupiah
	}{
		{r, 1_000_000, 16_800},
		{r, 0, 16_800},       // below the lowest band: the lowest band
		{r, 500_000, 16_800}, // likewise
		{r, 2_000_000, 26_800},
		{r, 1_500_000, 21_800},
		{r, 1_234_567, 19_145}, // 12.345,67 → 12.345
		{relief, 2_000_000, 268},
	} {
		if got := tc.rate.For(tc.income); got != tc.want {
			t.Errorf("%+v.For(%d) = %d, want %d", tc.rate, tc.income, got, tc.want)
		}
	}
}
