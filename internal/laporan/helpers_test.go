package laporan_test

import (
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
)

// budgetYear is the twelve months of 2024 with what was realised and what
// was paid for each coverage month.
func budgetYear(realized, coverage []domain.Rupiah) []analysis.BudgetMonth {
	out := make([]analysis.BudgetMonth, 12)
	for i := range out {
		out[i].Month = domain.NewMonth(2024, time.Month(i+1))
		if i < len(realized) {
			out[i].Realized = realized[i]
		}
		if i < len(coverage) {
			out[i].CoveragePaid = coverage[i]
		}
	}
	return out
}
