package contributions_test

import (
	"slices"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
)

func TestBillingMonthStates(t *testing.T) {
	jul := domain.NewMonth(2024, time.July)
	due := domain.Date(2024, time.July, 15)
	after := domain.Date(2024, time.August, 1)
	billed := func(r domain.Rupiah) *domain.Rupiah { return &r }
	month := func(m contributions.BillingMonth) contributions.BillingMonth {
		m.Month, m.Due, m.RosterAny, m.Expected = jul, due, 100, 1_680_000
		if m.AsOf.IsZero() {
			m.AsOf = after
		}
		return m
	}
	tests := []struct {
		name        string
		m           contributions.BillingMonth
		state       contributions.PaymentState
		outstanding domain.Rupiah
		issues      []string
	}{
		{"paid in full on the due date",
			month(contributions.BillingMonth{Tagihan: billed(1_680_000), TagihanParticipants: 100, Payments: 1, Paid: 1_680_000,
				PaidByDue: 1_680_000, FirstPaidOn: due, LastPaidOn: due}),
			contributions.PaymentOnTime, 0, nil},
		// Exact to the rupiah: Rp 5.540 short is short, and in arrears.
		{"short by Rp 5.540",
			month(contributions.BillingMonth{Tagihan: billed(1_680_000), Payments: 1, Paid: 1_674_460, PaidByDue: 1_674_460,
				LastPaidOn: due}),
			contributions.PaymentShort, 5_540, []string{"short_paid"}},
		{"paid the day after the due date",
			month(contributions.BillingMonth{Tagihan: billed(1_680_000), Payments: 1, Paid: 1_680_000, LastPaidOn: due.AddDate(0, 0, 1)}),
			contributions.PaymentLate, 0, []string{"late"}},
		{"billed, not paid, not yet due",
			month(contributions.BillingMonth{Tagihan: billed(1_680_000), AsOf: due}),
			contributions.PaymentNotDue, 1_680_000, nil},
		{"billed, not paid, past due",
			month(contributions.BillingMonth{Tagihan: billed(1_680_000)}),
			contributions.PaymentUnpaid, 1_680_000, []string{"unpaid"}},
		{"BPJS billed two workers who had left",
			month(contributions.BillingMonth{BillLines: 102, BillAmount: 1_713_600, Payments: 1, Paid: 1_713_600, PaidByDue: 1_713_600}),
			contributions.PaymentOnTime, 0, []string{"billed_mismatch", "excess_participants"}},
		{"overpaid against the bill",
			month(contributions.BillingMonth{Tagihan: billed(1_680_000), Payments: 2, Paid: 1_713_600, PaidByDue: 1_713_600}),
			contributions.PaymentOnTime, 0, []string{"over_paid"}},
		{"bill lines and the iuran's tagihan disagree",
			month(contributions.BillingMonth{BillLines: 100, BillAmount: 1_680_000, Tagihan: billed(1_696_800), Payments: 1,
				Paid: 1_680_000, PaidByDue: 1_680_000}),
			contributions.PaymentOnTime, 0, []string{"bills_disagree"}},
		{"no bill yet, nothing paid, past due: judged against the roster",
			month(contributions.BillingMonth{}),
			contributions.PaymentUnpaid, 0, []string{"unpaid"}},
		{"nobody on the roster, nothing billed or paid",
			contributions.BillingMonth{Month: jul, Due: due, AsOf: after},
			contributions.PaymentNothingDue, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.Payment(); got != tt.state {
				t.Errorf("Payment = %s, want %s", got.Label(), tt.state.Label())
			}
			if got := tt.m.Outstanding(); got != tt.outstanding {
				t.Errorf("Outstanding = %d, want %d", got, tt.outstanding)
			}
			var codes []string
			for _, is := range tt.m.Issues() {
				codes = append(codes, is.Code)
				if is.Label == "" {
					t.Errorf("issue %s has no label", is.Code)
				}
			}
			if !slices.Equal(codes, tt.issues) {
				t.Errorf("Issues = %v, want %v", codes, tt.issues)
			}
		})
	}
}

func TestTotalBilling(t *testing.T) {
	b := func(r domain.Rupiah) *domain.Rupiah { return &r }
	months := []contributions.BillingMonth{
		{Month: domain.NewMonth(2024, 1), Expected: 168_000, Tagihan: b(168_000), Paid: 168_000, PaidByDue: 168_000, Payments: 1,
			Due: domain.Date(2024, 1, 15), AsOf: domain.Date(2024, 6, 1)},
		{Month: domain.NewMonth(2024, 2), Expected: 168_000, Tagihan: b(168_000), Due: domain.Date(2024, 2, 15), AsOf: domain.Date(2024, 6, 1)},
	}
	tot := contributions.TotalBilling(months)
	if tot.Expected != 336_000 || tot.Paid != 168_000 || tot.Billed != 336_000 || tot.Outstanding != 168_000 ||
		tot.Difference() != -168_000 || tot.Flagged != 1 || tot.Overdue != 1 {
		t.Errorf("TotalBilling = %+v", tot)
	}
}
