package analysis_test

import (
	"testing"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/settings"
)

func TestBalance(t *testing.T) {
	tests := []struct {
		name       string
		b          analysis.Balance
		saldo      string
		ratio      string
		deficit    bool
		ratioValid bool
	}{
		{"monev 17 July 2024", analysis.Balance{Contributions: 480_457_660, Claims: 790_000_000, ClaimsCount: 18},
			"−Rp 309.542.340", "164,4 %", true, true},
		{"surplus", analysis.Balance{Contributions: 1_008_000_000, Claims: 42_000_000},
			"Rp 966.000.000", "4,2 %", false, true},
		{"even", analysis.Balance{Contributions: 70_000_000, Claims: 70_000_000},
			"Rp 0", "100,0 %", false, true},
		{"no contributions yet", analysis.Balance{Claims: 42_000_000},
			"−Rp 42.000.000", "–", true, false},
		{"empty", analysis.Balance{}, "Rp 0", "–", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.b.Saldo().String(); got != tt.saldo {
				t.Errorf("Saldo() = %q, want %q", got, tt.saldo)
			}
			r := tt.b.ClaimRatio()
			if got := r.Percent(1); got != tt.ratio || r.Valid() != tt.ratioValid {
				t.Errorf("ClaimRatio() = %q (valid %v), want %q", got, r.Valid(), tt.ratio)
			}
			if got := tt.b.Deficit(); got != tt.deficit {
				t.Errorf("Deficit() = %v, want %v", got, tt.deficit)
			}
		})
	}
}

// analysisOf is the analysis service of a test's database.
func analysisOf(db *database.DB) *analysis.Service {
	set := settings.NewService(db)
	return analysis.NewService(db, set, contributions.NewService(db, set))
}

// settingsOf is the settings service of a test's database.
func settingsOf(db *database.DB) *settings.Service { return settings.NewService(db) }
