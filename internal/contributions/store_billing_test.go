package contributions_test

import (
	"context"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/internal/settings"
)

// The billing fixture, at Rp 10.000 JKK (1 %) + Rp 6.800 JKM:
//
//	Ani   income 1.000.000, covered from January 2024          16.800 a month
//	Bayu  income 2.000.000, covered from January 2024          26.800 a month
//	Citra income 1.000.000, covered 1 January–10 February 2024 (died) 16.800
//	Dodi  income 1.500.000, covered from 15 March 2024          21.800 a month
//
// Expected bills: January and February 60.400 (Ani, Bayu, Citra), March
// onwards 65.400 (Ani, Bayu, Dodi). March's bill has a line per kind.
const (
	nikAni   = "3672014101900001"
	nikBayu  = "3672010505850002"
	nikCitra = "3672045707900012"
	nikDodi  = "3672031203850004"
	kpjAni   = "24010000001"
	kpjBayu  = "24010000002"
	kpjCitra = "24010000003"
	kpjDodi  = "24010000004"
)

func billingFixture(t *testing.T) (*database.DB, *contributions.Service) {
	t.Helper()
	ctx := context.Background()
	db := pgdev.New(t)
	spell := func(start, end string, s domain.EnrollmentStatus) []registry.Enrollment {
		e := registry.Enrollment{Start: date(start), Status: s}
		if end != "" {
			e.End = datePtr(end)
		}
		return []registry.Enrollment{e}
	}
	for _, w := range []registry.Worker{
		{NIK: nikAni, Name: "Ani", KPJ: kpjAni, Income: 1_000_000, Enrollments: spell("2024-01-01", "", domain.StatusActive)},
		{NIK: nikBayu, Name: "Bayu", KPJ: kpjBayu, Income: 2_000_000, Enrollments: spell("2024-01-01", "", domain.StatusActive)},
		{NIK: nikCitra, Name: "Citra", KPJ: kpjCitra, Income: 1_000_000, Enrollments: spell("2024-01-01", "2024-02-10", domain.StatusDeceased)},
		{NIK: nikDodi, Name: "Dodi", KPJ: kpjDodi, Income: 1_500_000, Enrollments: spell("2024-03-15", "", domain.StatusActive)},
	} {
		w.CategoryCode, w.KelurahanCode = "kader", "36.72.04.1005"
		if _, err := registry.NewService(db).CreateWorker(ctx, testActor, w); err != nil {
			t.Fatalf("%s: %v", w.Name, err)
		}
	}
	svc := contributions.NewService(db, settings.NewService(db))
	for _, c := range []contributions.Contribution{
		{CoverageMonth: mustMonth(t, "2024-01"), Billed: rupiahPtr(60_400), Paid: 60_400, PaidOn: date("2024-01-12"), SP2D: "1"},
		{CoverageMonth: mustMonth(t, "2024-02"), Billed: rupiahPtr(60_400), Paid: 60_400, PaidOn: date("2024-02-20"), SP2D: "2"},
		{CoverageMonth: mustMonth(t, "2024-03"), Billed: rupiahPtr(84_000), Paid: 50_000, PaidOn: date("2024-03-14"), SP2D: "3"},
		{CoverageMonth: mustMonth(t, "2024-04"), Billed: rupiahPtr(65_400)},
		{CoverageMonth: mustMonth(t, "2024-05"), Billed: rupiahPtr(65_400)},
	} {
		if _, err := svc.CreateContribution(ctx, testActor, c); err != nil {
			t.Fatalf("%s: %v", c.CoverageMonth, err)
		}
	}
	// March's bill: Ani, Bayu by KPJ under a mistyped NIK at the lowest
	// band, Citra after her death, Ani again, and someone not registered.
	_, err := db.Pool().Exec(ctx, `INSERT INTO bill_line (pemda, coverage_month, bill_no, line, kpj, nik, name, amount) VALUES
		('3672', '2024-03-01', 'T-3', 1, $1, $2, 'ANI', 16800),
		('3672', '2024-03-01', 'T-3', 2, $3, '3672010101900099', 'BAYU', 16800),
		('3672', '2024-03-01', 'T-3', 3, $4, $5, 'CITRA', 16800),
		('3672', '2024-03-01', 'T-3', 4, $1, $2, 'ANI', 16800),
		('3672', '2024-03-01', 'T-3', 5, '24019999999', '3672015508920003', 'EKO', 16800)`,
		kpjAni, nikAni, kpjBayu, kpjCitra, nikCitra)
	if err != nil {
		t.Fatal(err)
	}
	return db, svc
}

func TestBillingMonths(t *testing.T) {
	ctx := context.Background()
	_, svc := billingFixture(t)
	asOf := date("2024-05-20")
	months, err := svc.BillingMonths(ctx, "3672", mustMonth(t, "2024-01"), mustMonth(t, "2024-06"), asOf)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		due                                       string
		expected, billed, paid, outstanding, accr domain.Rupiah
		overdue, late                             bool
		days                                      int64
		run                                       int
		state                                     contributions.PaymentState
	}
	wants := []want{
		{"2024-01-15", 60_400, 60_400, 60_400, 0, 60_400, false, false, 0, 0, contributions.PaymentOnTime},
		{"2024-02-15", 60_400, 60_400, 60_400, 0, 60_400, false, true, 0, 0, contributions.PaymentLate},
		// The bill lines (84.000) count before the tagihan; 50.000 paid.
		{"2024-03-15", 65_400, 84_000, 50_000, 34_000, 84_000, true, false, 66, 1, contributions.PaymentShort},
		{"2024-04-15", 65_400, 65_400, 0, 65_400, 65_400, true, false, 35, 2, contributions.PaymentUnpaid},
		{"2024-05-15", 65_400, 65_400, 0, 65_400, 65_400, true, false, 5, 3, contributions.PaymentUnpaid},
		// June: no bill yet, so nothing outstanding; accrual counts what was paid (nothing).
		{"2024-06-17", 65_400, 0, 0, 0, 0, false, false, 0, 0, contributions.PaymentNotDue},
	}
	for i, w := range wants {
		m := months[i]
		got := want{m.Due.Format(time.DateOnly), m.Expected, m.Billed(), m.Paid, m.Outstanding(), m.ContributionsDue(),
			m.Overdue(), m.PaidLate(), m.DaysOverdue(), m.Run, m.Payment()}
		if got != w {
			t.Errorf("%s:\n got %+v\nwant %+v", m.Month, got, w)
		}
	}
	if !months[4].LapseRisk() || months[3].LapseRisk() {
		t.Error("the third month in arrears in a row is the lapse risk, not the second")
	}
	if months[2].BilledFrom() != "tagihan BPJS per peserta" || months[3].BilledFrom() != "tagihan pada data iuran" {
		t.Errorf("billed from %q and %q", months[2].BilledFrom(), months[3].BilledFrom())
	}
	if months[2].RosterAny != 3 || months[2].RosterEnd != 3 || months[1].RosterAny != 3 || months[1].RosterEnd != 2 {
		t.Errorf("rosters: Feb %d/%d, Mar %d/%d", months[1].RosterAny, months[1].RosterEnd, months[2].RosterAny, months[2].RosterEnd)
	}

	// Judged before February's late payment, February is overdue too.
	early, err := svc.BillingMonths(ctx, "3672", mustMonth(t, "2024-02"), mustMonth(t, "2024-02"), date("2024-02-18"))
	if err != nil || !early[0].Overdue() || early[0].Paid != 0 || early[0].DaysOverdue() != 3 {
		t.Errorf("February on 18 February: %+v %v", early, err)
	}

	overdue, err := svc.Overdue(ctx, "3672", asOf)
	if err != nil || len(overdue) != 3 || overdue[0].Month != mustMonth(t, "2024-03") {
		t.Errorf("overdue on %s: %d months, %v", asOf.Format(time.DateOnly), len(overdue), err)
	}
	tot := contributions.TotalBilling(months)
	if tot.Outstanding != 164_800 || tot.Overdue != 3 || tot.LongestRun != 3 {
		t.Errorf("totals %+v", tot)
	}
}

func TestBillingFollowsTheDueRuleAndIncome(t *testing.T) {
	ctx := context.Background()
	db, svc := billingFixture(t)
	// Under the employers' rule March's bill is due on 15 April.
	if err := settings.NewService(db).SetDueRule(ctx, testActor, domain.DueRule{Day: 15, MonthOffset: 1}); err != nil {
		t.Fatal(err)
	}
	months, err := svc.BillingMonths(ctx, "3672", mustMonth(t, "2024-03"), mustMonth(t, "2024-03"), date("2024-04-10"))
	if err != nil || !months[0].Due.Equal(date("2024-04-15")) || months[0].Overdue() {
		t.Errorf("March under the employers' rule on 10 April: %+v %v", months, err)
	}
	// Bayu reports Rp 3.000.000 from now on: his spell follows, and the
	// expected bill with it (30.000 + 6.800 instead of 26.800).
	if _, err := db.Pool().Exec(ctx, `UPDATE worker SET income = 3000000 WHERE nik = $1`, nikBayu); err != nil {
		t.Fatal(err)
	}
	months, err = svc.BillingMonths(ctx, "3672", mustMonth(t, "2024-04"), mustMonth(t, "2024-04"), date("2024-05-20"))
	if err != nil || months[0].Expected != 75_400 {
		t.Errorf("April after Bayu's new income: expected %v, %v", months[0].Expected, err)
	}
}

func TestReconciliationKinds(t *testing.T) {
	ctx := context.Background()
	_, svc := billingFixture(t)
	rc, err := svc.Reconciliation(ctx, "3672", mustMonth(t, "2024-03"), "", 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[contributions.ReconKind]int64{}
	for _, tl := range rc.Tallies {
		counts[tl.Kind] = tl.Count
	}
	want := map[contributions.ReconKind]int64{contributions.Matched: 1, contributions.AmountMismatch: 1,
		contributions.BilledAfterEnd: 1, contributions.DuplicateLine: 1, contributions.BilledNotRegistered: 1,
		contributions.RegisteredNotBilled: 0} // Dodi is covered from the 15th only
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("%s: %d, want %d", k, counts[k], n)
		}
	}
	if rc.Lines() != 5 || rc.Billed() != 84_000 || rc.Issues() != 4 {
		t.Errorf("lines %d, billed %v, issues %d", rc.Lines(), rc.Billed(), rc.Issues())
	}
	byKind := map[contributions.ReconKind]contributions.Finding{}
	for _, f := range rc.Findings {
		byKind[f.Kind] = f
	}
	if f := byKind[contributions.AmountMismatch]; f.Name != "BAYU" || f.Billed != 16_800 || f.Expected != 26_800 || f.WorkerID == 0 {
		t.Errorf("Bayu, matched by KPJ at the lowest band: %+v", f)
	}
	if f := byKind[contributions.BilledAfterEnd]; f.Name != "CITRA" || f.Expected != 0 {
		t.Errorf("Citra after her death: %+v", f)
	}
	if f := byKind[contributions.BilledNotRegistered]; f.Name != "EKO" || f.WorkerID != 0 {
		t.Errorf("Eko: %+v", f)
	}
	if f := byKind[contributions.DuplicateLine]; f.Name != "ANI" || f.Line != 4 {
		t.Errorf("Ani's second line: %+v", f)
	}
	if rc.Findings[0].Kind != contributions.BilledNotRegistered || rc.Findings[len(rc.Findings)-1].Kind != contributions.Matched {
		t.Errorf("findings out of order: %v … %v", rc.Findings[0].Kind, rc.Findings[len(rc.Findings)-1].Kind)
	}

	// April has no bill lines: everyone covered the whole month is missing.
	april, err := svc.Reconciliation(ctx, "3672", mustMonth(t, "2024-04"), contributions.RegisteredNotBilled, 0, 100)
	if err != nil || april.Tally(contributions.RegisteredNotBilled).Count != 3 || len(april.Findings) != 3 ||
		april.Tally(contributions.RegisteredNotBilled).Expected != 65_400 {
		t.Errorf("April: %+v %v", april, err)
	}
	var n int
	err = svc.EachFinding(ctx, "3672", mustMonth(t, "2024-03"), contributions.Matched, func(f contributions.Finding) error {
		n++
		return nil
	})
	if err != nil || n != 1 {
		t.Errorf("each matched finding: %d, %v", n, err)
	}
}
