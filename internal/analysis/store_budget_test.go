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
	// October–December 2024 not billed nor paid: each owes the roster of 3
	// workers × Rp 16.800 = 50.400 (due on the 15th of the month itself).
	if r.OwingMonths() != 3 || r.StillOwed() != 151_200 || r.Projection() != 806_400 || r.Remaining() != -106_400 {
		t.Errorf("projection: owing %d months, %d; projection %d remaining %d", r.OwingMonths(), r.StillOwed(), r.Projection(), r.Remaining())
	}
	r, err = analysisOf(db).BudgetView(ctx, "3672", 2024, domain.NewMonth(2024, time.March), today)
	if err != nil || r.RealizedThrough() != 184_800 {
		t.Errorf("realisasi through March %d, %v", r.RealizedThrough(), err)
	}
}

// TestBudgetProjectionAroundTheYearEnd works the projection out by hand in
// January and in December, under the BPU due date (the 15th of the
// coverage month) and under the employers' (the 15th of the next month).
//
// SP2D payments in 2024: 10 January 50.400 (December 2023's iuran), then
// 67.200 a month for January–July, 84.000 for August and 50.400 for
// September, paid about the 10th of the next month: 655.200 in all. Bills
// are on record for January–September; October onwards the roster is 3
// workers, 50.400 a month.
func TestBudgetProjectionAroundTheYearEnd(t *testing.T) {
	ctx := context.Background()
	db := loadAnalysis(t)
	project := func(today string) analysis.BudgetView {
		t.Helper()
		r, err := analysisOf(db).BudgetView(ctx, "3672", 2024, domain.NewMonth(2024, time.December), date(today))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, tt := range []struct {
		name      string
		today     string
		following bool // the employers' due date
		realized  domain.Rupiah
		owed      domain.Rupiah
		months    int
	}{
		// 20 January 2024, BPU rule: December 2023 is realisasi (paid 10
		// January); January–December 2024 are all still owed: 67.200 × 7 +
		// 84.000 + 50.400 + 50.400 × 3. Thirteen coverage months of money
		// fall in 2024, because last December was paid in January; none twice.
		{"January, BPU rule", "2024-01-20", false, 50_400, 756_000, 12},
		// 20 December 2024, BPU rule: October–December still owed.
		{"December, BPU rule", "2024-12-20", false, 655_200, 151_200, 3},
		// Employers' rule: the months due in 2024 are December 2023 (paid)
		// to November 2024; December 2024's iuran falls in 2025.
		{"January, employers' rule", "2024-01-20", true, 50_400, 705_600, 11},
		{"December, employers' rule", "2024-12-20", true, 655_200, 100_800, 2},
	} {
		rule := domain.BPUDueRule
		if tt.following {
			rule.MonthOffset = 1
		}
		if err := settingsOf(db).SetDueRule(ctx, testActor, rule); err != nil {
			t.Fatal(err)
		}
		r := project(tt.today)
		if r.SoFar != tt.realized || r.StillOwed() != tt.owed || r.OwingMonths() != tt.months || r.Projection() != tt.realized+tt.owed {
			t.Errorf("%s: realisasi %d, still owed %d in %d months, projection %d; want %d, %d in %d months",
				tt.name, r.SoFar, r.StillOwed(), r.OwingMonths(), r.Projection(), tt.realized, tt.owed, tt.months)
		}
	}

	// A partly paid month owes the rest: 20.000 paid on 12 November 2024
	// for October moves 20.000 from owed to realisasi; the projection stays.
	if err := settingsOf(db).SetDueRule(ctx, testActor, domain.BPUDueRule); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Pool().Exec(ctx, `INSERT INTO contribution (pemda, coverage_month, paid, paid_on) VALUES ('3672', '2024-10-01', 20000, '2024-11-12')`); err != nil {
		t.Fatal(err)
	}
	r := project("2024-11-20")
	if r.SoFar != 675_200 || r.StillOwed() != 131_200 || r.Projection() != 806_400 {
		t.Errorf("after a partial payment: realisasi %d, owed %d, projection %d; want 675.200, 131.200, 806.400",
			r.SoFar, r.StillOwed(), r.Projection())
	}
	// After the year's end the projection is what was spent.
	if r := project("2025-01-06"); r.Projection() != r.Realized() {
		t.Errorf("closed year: projection %d, realisasi %d", r.Projection(), r.Realized())
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
