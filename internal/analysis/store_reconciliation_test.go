package analysis_test

import (
	"context"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
)

func TestReconciliation(t *testing.T) {
	ctx := context.Background()
	db := loadAnalysis(t)
	today := domain.Date(2024, time.November, 20)

	months, err := analysisOf(db).Reconciliation(ctx, "3672", mustPeriod(t, "2024"))
	if err != nil {
		t.Fatal(err)
	}
	if len(months) != 12 {
		t.Fatalf("%d months", len(months))
	}
	type want struct {
		any      int64
		expected domain.Rupiah
		billed   domain.Rupiah
		paid     domain.Rupiah
		issues   []string
	}
	wants := []want{
		{4, 67_200, 67_200, 67_200, nil}, // W4, the one who dies in March, is billed up to March
		{4, 67_200, 67_200, 67_200, nil},
		{4, 67_200, 67_200, 67_200, nil},
		{4, 67_200, 67_200, 67_200, nil}, // W5 took W4's quota
		{4, 67_200, 67_200, 67_200, nil},
		{4, 67_200, 67_200, 67_200, nil},
		// One participant more than the roster: a worker-month, not a
		// billing difference above the tolerance, but flagged by count.
		{3, 50_400, 67_200, 67_200, []string{"excess_participants"}},
		{3, 50_400, 84_000, 84_000, []string{"billed_mismatch", "excess_participants"}},
		{3, 50_400, 50_400, 50_400, nil},
		{3, 50_400, 0, 0, []string{"unpaid"}}, // due 15 November
		{3, 50_400, 0, 0, nil},                // not due yet
		{3, 50_400, 0, 0, nil},
	}
	for i, w := range wants {
		m := months[i]
		var codes []string
		for _, is := range m.Issues(today) {
			codes = append(codes, is.Code)
		}
		if m.RosterAny != w.any || m.Expected() != w.expected || m.Billed != w.billed || m.Paid != w.paid || !equal(codes, w.issues) {
			t.Errorf("%s: roster %d expected %d billed %d paid %d issues %v; want %+v",
				m.Month, m.RosterAny, m.Expected(), m.Billed, m.Paid, codes, w)
		}
	}
	if months[2].RosterEnd != 3 || months[5].RosterEnd != 4 || months[6].RosterEnd != 3 {
		t.Errorf("month-end roster: Mar %d Jun %d Jul %d; want 3 4 3", months[2].RosterEnd, months[5].RosterEnd, months[6].RosterEnd)
	}
	tot := analysis.TotalRecon(months, today)
	if tot.Expected != 705_600 || tot.Paid != 604_800 || tot.Flagged != 3 {
		t.Errorf("totals %+v", tot)
	}
	if months[0].FirstPaidOn != date("2024-02-12") || months[0].PaidByDue != 67_200 {
		t.Errorf("January paid on %s, by due %d", months[0].FirstPaidOn, months[0].PaidByDue)
	}

	// The reduced rate of August 2020–January 2021 and the year boundary.
	months, err = analysisOf(db).Reconciliation(ctx, "3672", mustPeriod(t, "2020-08..2021-02"))
	if err != nil {
		t.Fatal(err)
	}
	expected := []domain.Rupiah{336, 336, 336, 336, 336, 336, 33_600}
	issues := [][]string{nil, nil, nil, {"excess_participants"}, {"late"}, nil, nil}
	for i, m := range months {
		var codes []string
		for _, is := range m.Issues(today) {
			codes = append(codes, is.Code)
		}
		if m.Expected() != expected[i] || !equal(codes, issues[i]) {
			t.Errorf("%s: rate %d expected %d issues %v; want %d %v", m.Month, m.Rate.Total(), m.Expected(), codes, expected[i], issues[i])
		}
	}
	if months[4].Payment(today) != analysis.PaymentLate || months[4].LastPaidOn != date("2021-01-20") {
		t.Errorf("December 2020: %s paid %s", months[4].Payment(today).Label(), months[4].LastPaidOn)
	}

	// Who may still be billed in November 2020 and July 2024: the spells that
	// ended in the three months before.
	spells, err := analysisOf(db).EndedSpells(ctx, "3672", date("2020-08-01"), date("2020-10-31"), 100)
	if err != nil || len(spells) != 1 || spells[0].WorkerID != 2 || spells[0].Status != domain.StatusDeceased ||
		spells[0].CategoryName != "Nelayan" || spells[0].KelurahanName != "Kepuh" {
		t.Errorf("ended spells 2020: %+v, %v", spells, err)
	}
	spells, err = analysisOf(db).EndedSpells(ctx, "3672", date("2024-04-01"), date("2024-06-30"), 100)
	if err != nil || len(spells) != 1 || spells[0].WorkerID != 6 || !spells[0].End.Equal(date("2024-06-30")) {
		t.Errorf("ended spells 2024: %+v, %v", spells, err)
	}
}
