package analysis_test

import (
	"testing"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
)

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

func TestBudgetReport(t *testing.T) {
	rate, _ := domain.DefaultBPURates().At(domain.NewMonth(2024, 7))
	r := analysis.BudgetView{
		Year: 2024,
		Versions: []analysis.Budget{
			{FiscalYear: 2024, Revision: 1, Label: "APBD Perubahan 2024", Ceiling: 1_000_000},
			{FiscalYear: 2024, Revision: 0, Label: "APBD Murni 2024", Ceiling: 800_000},
		},
		// December 2023's iuran is paid in January 2024; January's in February ...
		Months:  budgetYear([]domain.Rupiah{100_000, 100_000, 100_000}, []domain.Rupiah{100_000, 100_000}),
		Through: domain.NewMonth(2024, 2),
		Today:   domain.Date(2024, time.March, 20),
		SoFar:   300_000,
	}
	// Ten coverage months still owed: March–December, 10 workers at Rp 16.800
	// each; January and February paid in full, and a month overpaid owes nothing.
	for m := domain.NewMonth(2024, 1); m <= domain.NewMonth(2024, 12); m++ {
		bm := contributions.BillingMonth{Month: m, Rate: rate, HasRate: true, RosterAny: 10, Expected: 168_000}
		if m <= domain.NewMonth(2024, 2) {
			bm.Paid, bm.Payments = 170_000, 1
		}
		r.Due = append(r.Due, bm)
	}
	if b, ok := r.Ceiling(); !ok || b.Revision != 1 || b.Ceiling != 1_000_000 {
		t.Errorf("Ceiling = %+v, %v; want the perubahan", b, ok)
	}
	if got := r.Cumulative(); got[2] != 300_000 || got[11] != 300_000 {
		t.Errorf("Cumulative = %v", got)
	}
	if got := r.RealizedThrough(); got != 200_000 {
		t.Errorf("RealizedThrough = %d", got)
	}
	if got := r.AbsorptionThrough().Percent(1); got != "20,0 %" {
		t.Errorf("AbsorptionThrough = %s", got)
	}
	if got := r.CumulativeAbsorption()[2].Percent(1); got != "30,0 %" {
		t.Errorf("CumulativeAbsorption[Mar] = %s", got)
	}
	if got := r.OwingMonths(); got != 10 {
		t.Errorf("OwingMonths = %d", got)
	}
	if got, want := r.Projection(), domain.Rupiah(300_000+10*168_000); got != want {
		t.Errorf("Projection = %d, want %d", got, want)
	}
	if got := r.Remaining(); got != 1_000_000-1_980_000 {
		t.Errorf("Remaining = %d", got)
	}
	if got := r.ProjectedAbsorption().Percent(1); got != "198,0 %" {
		t.Errorf("ProjectedAbsorption = %s", got)
	}
	if r.NextRevision() != 2 {
		t.Errorf("NextRevision = %d", r.NextRevision())
	}
	// After the year's end the projection is what was spent.
	r.Today = domain.Date(2025, time.January, 5)
	if got := r.Projection(); got != 300_000 {
		t.Errorf("closed year Projection = %d", got)
	}
	if _, ok := (analysis.BudgetView{}).Ceiling(); ok {
		t.Error("a year without versions has a ceiling")
	}
	if (analysis.BudgetView{}).AbsorptionThrough().Valid() {
		t.Error("absorption without pagu is valid")
	}
}

func TestBudgetValidate(t *testing.T) {
	ok := analysis.Budget{FiscalYear: 2024, Label: "APBD Murni 2024", Ceiling: 850_000_000, DecidedOn: domain.Date(2023, 12, 28)}
	if err := ok.Validate(); err != nil {
		t.Errorf("valid budget: %v", err)
	}
	bad := analysis.Budget{FiscalYear: 1999, Label: " ", Ceiling: 0, DecidedOn: domain.Date(2020, 1, 1)}
	fe, isFE := bad.Validate().(domain.FieldErrors)
	if !isFE || len(fe) != 4 {
		t.Errorf("invalid budget: %v", bad.Validate())
	}
}
