package laporan_test

import (
	"errors"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
)

func TestBudgetScenario(t *testing.T) {
	rates := domain.DefaultBPURates()
	rentan := []laporan.BudgetLine{{Category: "umkm", Name: "Pelaku UMKM", Workers: 300}, {Category: "marbot", Name: "Marbot Masjid", Workers: 250},
		{Category: "parkir", Name: "Tukang Parkir", Workers: 150}, {Category: "ojek", Name: "Ojek", Workers: 200}, {Category: "buruh", Name: "Buruh Serabutan", Workers: 200}}
	tests := []struct {
		name          string
		year, months  int
		income        domain.Rupiah
		lines         []laporan.BudgetLine
		perWorker     domain.Rupiah
		total         domain.Rupiah
		workers       int64
		arithmeticEnd string
	}{
		{"the officials' rule of thumb", 2025, 12, 1_000_000, []laporan.BudgetLine{{Category: "rt_rw", Name: "RT/RW", Workers: 5000}},
			16_800, 1_008_000_000, 5000, "5.000 peserta × Rp 16.800 × 12 bulan = Rp 1.008.000.000"},
		{"pekerja rentan from the 2024 targets", 2025, 12, 1_000_000, rentan,
			16_800, 221_760_000, 1100, "1.100 peserta × Rp 16.800 × 12 bulan = Rp 221.760.000"},
		{"partial year", 2025, 6, 1_000_000, []laporan.BudgetLine{{Category: "ojek", Name: "Ojek", Workers: 200}},
			16_800, 20_160_000, 200, "200 peserta × Rp 16.800 × 6 bulan = Rp 20.160.000"},
		{"higher income band: JKK 1 % of Rp 2.000.000", 2025, 12, 2_000_000, []laporan.BudgetLine{{Category: "ojek", Name: "Ojek", Workers: 100}},
			26_800, 32_160_000, 100, "100 peserta × Rp 26.800 × 12 bulan = Rp 32.160.000"},
		{"income band rounds to whole rupiah", 2025, 12, 1_234_567, []laporan.BudgetLine{{Category: "ojek", Name: "Ojek", Workers: 1}},
			12_346 + 6_800, 19_146 * 12, 1, "1 peserta × Rp 19.146 × 12 bulan = Rp 229.752"},
		{"January 2021 still had the 99 % relief of PP 49/2020", 2021, 12, 1_000_000,
			[]laporan.BudgetLine{{Category: "rt_rw", Name: "RT/RW", Workers: 10}}, 168, 20_160, 10, "10 peserta × Rp 168 × 12 bulan = Rp 20.160"},
		{"zero lines are dropped", 2025, 12, 1_000_000, []laporan.BudgetLine{{Category: "a", Name: "A", Workers: 0}, {Category: "b", Name: "B", Workers: 1}},
			16_800, 201_600, 1, "1 peserta × Rp 16.800 × 12 bulan = Rp 201.600"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := laporan.NewBudgetScenario(rates, "x", tt.year, tt.months, tt.income, tt.lines)
			if err != nil {
				t.Fatal(err)
			}
			if s.PerWorker() != tt.perWorker || s.Total() != tt.total || s.Workers() != tt.workers {
				t.Errorf("per worker %s, total %s, workers %d; want %s, %s, %d",
					s.PerWorker(), s.Total(), s.Workers(), tt.perWorker, tt.total, tt.workers)
			}
			if s.Arithmetic() != tt.arithmeticEnd {
				t.Errorf("Arithmetic = %q, want %q", s.Arithmetic(), tt.arithmeticEnd)
			}
			var sum domain.Rupiah
			for _, l := range s.Lines {
				sum += s.Amount(l)
			}
			if sum != s.Total() {
				t.Errorf("lines add up to %s, total %s", sum, s.Total())
			}
		})
	}
}

func TestBudgetScenarioRejects(t *testing.T) {
	rates := domain.DefaultBPURates()
	one := []laporan.BudgetLine{{Category: "ojek", Name: "Ojek", Workers: 1}}
	tests := []struct {
		name   string
		year   int
		months int
		income domain.Rupiah
		lines  []laporan.BudgetLine
		field  string
	}{
		{"no workers", 2025, 12, 1_000_000, nil, "workers"},
		{"negative workers", 2025, 12, 1_000_000, []laporan.BudgetLine{{Category: "a", Name: "A", Workers: -5}}, "workers"},
		{"13 months", 2025, 13, 1_000_000, one, "months"},
		{"0 months", 2025, 0, 1_000_000, one, "months"},
		{"income below the lowest band", 2025, 12, 999_999, one, "income"},
		{"year", 1999, 12, 1_000_000, one, "year"},
	}
	for _, tt := range tests {
		_, err := laporan.NewBudgetScenario(rates, "", tt.year, tt.months, tt.income, tt.lines)
		var fe domain.FieldErrors
		if !errors.As(err, &fe) || fe[tt.field] == "" {
			t.Errorf("%s: %v, want an error on %s", tt.name, err, tt.field)
		}
	}
	if _, err := laporan.NewBudgetScenario(domain.RateTable{{ValidFrom: domain.Date(2030, time.January, 1)}}, "", 2025, 12,
		1_000_000, one); err == nil {
		t.Error("a year before the first rate was priced")
	}
}

func TestBudgetScenarioSentence(t *testing.T) {
	s, _ := laporan.NewBudgetScenario(domain.DefaultBPURates(), "", 2025, 6, 1_000_000, []laporan.BudgetLine{{Category: "ojek", Name: "Ojek", Workers: 200}})
	want := "Mengalokasikan dalam APBD Tahun Anggaran 2025 sebesar Rp 20.160.000 untuk iuran JKK dan JKM 200 pekerja rentan selama 6 bulan (200 peserta × Rp 16.800 × 6 bulan = Rp 20.160.000)."
	if got := s.Sentence(); got != want {
		t.Errorf("Sentence =\n%s\nwant\n%s", got, want)
	}
	if got := s.RateNote(); got != "JKK Rp 10.000 (dari penghasilan Rp 1.000.000) + JKM Rp 6.800 = Rp 16.800 per peserta per bulan" {
		t.Errorf("RateNote = %s", got)
	}
}
