package domain_test

import (
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

func TestDefaultBPURates(t *testing.T) {
	rates := domain.DefaultBPURates()
	tests := []struct {
		m     domain.Month
		total domain.Rupiah
		ok    bool
	}{
		{month(2015, time.June), 0, false},
		{month(2015, time.July), 16_800, true},
		{month(2020, time.July), 16_800, true},
		{month(2020, time.August), 168, true},
		{month(2021, time.January), 168, true},
		{month(2021, time.February), 16_800, true},
		{month(2024, time.July), 16_800, true},
	}
	for _, tt := range tests {
		r, ok := rates.At(tt.m)
		if ok != tt.ok || r.Total() != tt.total {
			t.Errorf("At(%s) = %s, %v; want %s, %v", tt.m, r.Total(), ok, tt.total, tt.ok)
		}
	}
	r, _ := rates.At(month(2024, time.July))
	if r.JKK != 10_000 || r.JKM != 6_800 || r.Regulation == "" {
		t.Errorf("2024 rate = %+v", r)
	}
	for i := 1; i < len(rates); i++ {
		if !rates[i-1].ValidFrom.Before(rates[i].ValidFrom) {
			t.Errorf("rates are not sorted at %d", i)
		}
	}
}

func TestRateCost(t *testing.T) {
	r := domain.Rate{JKK: 10_000, JKM: 6_800}
	tests := []struct {
		workers         int64
		monthly, annual domain.Rupiah
	}{
		{5_000, 84_000_000, 1_008_000_000},
		{1, 16_800, 201_600},
		{0, 0, 0},
	}
	for _, tt := range tests {
		if r.Monthly(tt.workers) != tt.monthly || r.Annual(tt.workers) != tt.annual {
			t.Errorf("%d workers: Monthly, Annual = %s, %s", tt.workers, r.Monthly(tt.workers), r.Annual(tt.workers))
		}
	}
	if _, ok := domain.RateTable(nil).At(month(2024, 1)); ok {
		t.Error("an empty table has no rate")
	}
}
