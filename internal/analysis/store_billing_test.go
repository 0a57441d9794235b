package analysis_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
)

// TestBilling reads the billing ledger of the analysis programme, as the
// reports take it, judged on 20 November 2024 under the BPU due date (the
// 15th of the coverage month): every month was paid around the 10th of
// the next, so every paid month is late.
func TestBilling(t *testing.T) {
	ctx := context.Background()
	db := loadAnalysis(t)
	today := domain.Date(2024, time.November, 20)
	months, err := analysisOf(db).Billing(ctx, "3672", mustPeriod(t, "2024"), today)
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
		{4, 67_200, 67_200, 67_200, []string{"late"}}, // W4, who dies in March, is billed up to March
		{4, 67_200, 67_200, 67_200, []string{"late"}},
		{4, 67_200, 67_200, 67_200, []string{"late"}},
		{4, 67_200, 67_200, 67_200, []string{"late"}}, // W5 took W4's quota
		{4, 67_200, 67_200, 67_200, []string{"late"}},
		{4, 67_200, 67_200, 67_200, []string{"late"}},
		// W6 left at the end of June: billed for one worker too many, then two.
		{3, 50_400, 67_200, 67_200, []string{"late", "billed_mismatch", "excess_participants"}},
		{3, 50_400, 84_000, 84_000, []string{"late", "billed_mismatch", "excess_participants"}},
		{3, 50_400, 50_400, 50_400, []string{"late"}},
		{3, 50_400, 0, 0, []string{"unpaid"}}, // due 15 October, no bill on record
		{3, 50_400, 0, 0, []string{"unpaid"}}, // due 15 November
		{3, 50_400, 0, 0, nil},                // due 16 December: not yet
	}
	for i, w := range wants {
		m := months[i]
		var codes []string
		for _, is := range m.Issues() {
			codes = append(codes, is.Code)
		}
		if m.RosterAny != w.any || m.Expected != w.expected || m.Billed() != w.billed || m.Paid != w.paid || !slices.Equal(codes, w.issues) {
			t.Errorf("%s: roster %d expected %d billed %d paid %d issues %v; want %+v",
				m.Month, m.RosterAny, m.Expected, m.Billed(), m.Paid, codes, w)
		}
		if m.Overdue() {
			t.Errorf("%s is overdue, but no bill is outstanding", m.Month)
		}
	}
	if months[2].RosterEnd != 3 || months[5].RosterEnd != 4 || months[6].RosterEnd != 3 {
		t.Errorf("month-end roster: Mar %d Jun %d Jul %d; want 3 4 3", months[2].RosterEnd, months[5].RosterEnd, months[6].RosterEnd)
	}
	tot := contributions.TotalBilling(months)
	if tot.Expected != 705_600 || tot.Paid != 604_800 || tot.Flagged != 11 {
		t.Errorf("totals %+v", tot)
	}
	if months[0].FirstPaidOn != date("2024-02-12") || months[0].PaidByDue != 0 || !months[0].PaidLate() {
		t.Errorf("January paid on %s, by due %d", months[0].FirstPaidOn, months[0].PaidByDue)
	}

	// The reduced rate of August 2020–January 2021 and the year boundary.
	months, err = analysisOf(db).Billing(ctx, "3672", mustPeriod(t, "2020-08..2021-02"), today)
	if err != nil {
		t.Fatal(err)
	}
	expected := []domain.Rupiah{336, 336, 336, 336, 336, 336, 33_600}
	for i, m := range months {
		if m.Expected != expected[i] {
			t.Errorf("%s: rate %d expected %d; want %d", m.Month, m.Rate.Total(), m.Expected, expected[i])
		}
	}
	if months[3].ExcessParticipants() != 1 {
		t.Errorf("November 2020 bills W2, who died in October: %d in excess", months[3].ExcessParticipants())
	}
	if months[4].Payment() != contributions.PaymentLate || months[4].LastPaidOn != date("2021-01-20") {
		t.Errorf("December 2020: %s paid %s", months[4].Payment().Label(), months[4].LastPaidOn)
	}
}
