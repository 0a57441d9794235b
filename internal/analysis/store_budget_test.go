package analysis_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
)

func TestBudgetViewFromTheStore(t *testing.T) {
	ctx := context.Background()
	db := loadAnalysis(t)
	today := domain.Date(2024, time.November, 20)
	r, err := analysisOf(db).BudgetView(ctx, "3672", 2024, domain.NewMonth(2024, time.December), today)
	if err != nil {
		t.Fatal(err)
	}
	if b, ok := r.Ceiling(); !ok || b.Revision != 1 || b.Ceiling != 700_000 || len(r.Versions) != 2 {
		t.Errorf("pagu in force %+v of %d versions", b, len(r.Versions))
	}
	// Realisasi by SP2D date: January holds December 2023's iuran.
	if r.Months[0].Realized != 50_400 || r.Months[0].CoveragePaid != 67_200 || r.Months[9].Realized != 50_400 || r.Months[10].Realized != 0 {
		t.Errorf("months %+v", r.Months)
	}
	if r.Realized() != 655_200 || r.AbsorptionThrough().Percent(1) != "93,6 %" {
		t.Errorf("realisasi %d, absorption %s", r.Realized(), r.AbsorptionThrough().Percent(1))
	}
	// October–December unpaid, 3 workers at Rp 16.800.
	if r.Roster != 3 || r.Rate.Total() != 16_800 || r.UnpaidMonths() != 3 || r.Projection() != 806_400 || r.Remaining() != -106_400 {
		t.Errorf("projection: roster %d rate %d unpaid %d projection %d remaining %d",
			r.Roster, r.Rate.Total(), r.UnpaidMonths(), r.Projection(), r.Remaining())
	}
	r, err = analysisOf(db).BudgetView(ctx, "3672", 2024, domain.NewMonth(2024, time.March), today)
	if err != nil || r.RealizedThrough() != 184_800 {
		t.Errorf("realisasi through March %d, %v", r.RealizedThrough(), err)
	}
}

func TestBudgetEdits(t *testing.T) {
	ctx := context.Background()
	db := loadAnalysis(t)
	b, err := analysisOf(db).AddBudget(ctx, testActor, analysis.Budget{FiscalYear: 2024, Label: "Pergeseran 2024", Ceiling: 720_000, DecidedOn: date("2024-11-01")})
	if err != nil || b.Revision != 2 {
		t.Fatalf("AddBudget = %+v, %v; want revision 2", b, err)
	}
	first, err := analysisOf(db).AddBudget(ctx, testActor, analysis.Budget{FiscalYear: 2025, Label: "APBD Murni 2025", Ceiling: 900_000})
	if err != nil || first.Revision != 0 {
		t.Fatalf("first version of 2025 = %+v, %v", first, err)
	}
	b.Ceiling, b.Note = 730_000, "dikoreksi"
	if err := analysisOf(db).UpdateBudget(ctx, testActor, b); err != nil {
		t.Fatal(err)
	}
	bs, err := analysisOf(db).Budgets(ctx, "3672", 2024)
	if err != nil || len(bs) != 3 || bs[2].Ceiling != 730_000 || bs[2].Note != "dikoreksi" || !bs[2].DecidedOn.Equal(date("2024-11-01")) || !bs[0].DecidedOn.IsZero() {
		t.Errorf("Budgets = %+v, %v", bs, err)
	}
	if err := analysisOf(db).UpdateBudget(ctx, testActor, analysis.Budget{FiscalYear: 2024, Revision: 9, Label: "x", Ceiling: 1}); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("update of a missing version: %v", err)
	}
	var n int
	if err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE entity = 'budget'`).Scan(&n); err != nil || n != 3 {
		t.Errorf("audit entries %d, %v; want 3", n, err)
	}
}
