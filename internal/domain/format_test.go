package domain_test

import (
	"math"
	"testing"

	"github.com/cilegon/monev/internal/domain"
)

func TestFormatInt(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{3012, "3.012"},
		{-5, "−5"},
		{0, "0"},
		{999, "999"},
		{1_000_000, "1.000.000"},
		{-174_897, "−174.897"},
		{math.MinInt64, "−9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := domain.FormatInt(tt.in); got != tt.want {
			t.Errorf("FormatInt(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatDecimal(t *testing.T) {
	tests := []struct {
		num, den int64
		decimals int
		want     string
	}{
		{1644, 10, 1, "164,4"},
		{1, 3, 2, "0,33"},
		{2, 3, 2, "0,67"},
		{1, 2, 0, "1"},   // half up
		{-1, 2, 0, "−1"}, // half away from zero
		{5, 1, 0, "5"},
		{1, 0, 1, "–"},
		{-1, 1000, 1, "0,0"}, // no minus on a value that rounds to zero
		{1, -3, 2, "−0,33"},
		{1_234_567, 1, 2, "1.234.567,00"},
		{76_062, 174_897, 3, "0,435"},
		{7, 2, -1, "4"}, // negative decimals mean 0
		{1, 8, 3, "0,125"},
		{math.MaxInt64, 1, 0, "9.223.372.036.854.775.807"},
		{math.MinInt64, -1, 1, "9.223.372.036.854.775.808,0"},
	}
	for _, tt := range tests {
		if got := domain.FormatDecimal(tt.num, tt.den, tt.decimals); got != tt.want {
			t.Errorf("FormatDecimal(%d, %d, %d) = %q, want %q", tt.num, tt.den, tt.decimals, got, tt.want)
		}
	}
}

func TestRatio(t *testing.T) {
	tests := []struct {
		name    string
		r       domain.Ratio
		valid   bool
		float   float64
		percent string
		per     string
	}{
		{"monev 17 July 2024", domain.Ratio{Num: 790_000_000, Den: 480_457_660}, true, 1.6443, "164,4 %", "1,64"},
		{"no contributions", domain.Ratio{Num: 5, Den: 0}, false, 0, "–", "–"},
		{"nothing at all", domain.Ratio{}, false, 0, "–", "–"},
		{"coverage", domain.Ratio{Num: 76_062, Den: 174_897}, true, 0.4349, "43,5 %", "0,43"},
		{"zero claims", domain.Ratio{Num: 0, Den: 480_457_660}, true, 0, "0,0 %", "0,00"},
		{"negative", domain.Ratio{Num: -1, Den: 3}, true, -0.3333, "−33,3 %", "−0,33"},
		{"huge", domain.Ratio{Num: math.MaxInt64, Den: 1}, true, 9.223372036854776e18, "922.337.203.685.477.580.700,0 %", "9.223.372.036.854.775.807,00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Valid(); got != tt.valid {
				t.Errorf("Valid() = %v, want %v", got, tt.valid)
			}
			if got := tt.r.Float(); got != tt.float {
				t.Errorf("Float() = %v, want %v", got, tt.float)
			}
			if got := tt.r.Percent(1); got != tt.percent {
				t.Errorf("Percent(1) = %q, want %q", got, tt.percent)
			}
			if got := tt.r.Per(2); got != tt.per {
				t.Errorf("Per(2) = %q, want %q", got, tt.per)
			}
		})
	}
}
