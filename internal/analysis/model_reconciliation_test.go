package analysis_test

import (
	"slices"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
)

func TestReconMonth(t *testing.T) {
	rates := domain.DefaultBPURates()
	at := func(m domain.Month) domain.Rate {
		r, _ := rates.At(m)
		return r
	}
	jul24, sep20 := domain.NewMonth(2024, time.July), domain.NewMonth(2020, time.September)
	onDue := domain.Date(2024, time.August, 15)
	after := domain.Date(2024, time.September, 1)
	tests := []struct {
		name     string
		m        analysis.ReconMonth
		today    time.Time
		expected domain.Rupiah
		diff     domain.Rupiah
		state    analysis.PaymentState
		issues   []string
	}{
		{"paid in full on the due date",
			analysis.ReconMonth{Month: jul24, Rate: at(jul24), RosterAny: 100, Bills: 1, Billed: 1_680_000, BilledParticipants: 100,
				Payments: 1, Paid: 1_680_000, PaidByDue: 1_680_000, FirstPaidOn: onDue, LastPaidOn: onDue},
			after, 1_680_000, 0, analysis.PaymentOnTime, nil},
		{"short by less than one worker-month is not flagged",
			analysis.ReconMonth{Month: jul24, Rate: at(jul24), RosterAny: 100, Bills: 1, Billed: 1_680_000,
				Payments: 1, Paid: 1_674_460, PaidByDue: 1_674_460},
			after, 1_680_000, -5_540, analysis.PaymentOnTime, nil},
		{"paid after the 15th",
			analysis.ReconMonth{Month: jul24, Rate: at(jul24), RosterAny: 100, Payments: 1, Paid: 1_680_000,
				LastPaidOn: domain.Date(2024, time.August, 16)},
			after, 1_680_000, 0, analysis.PaymentLate, []string{"late"}},
		{"not paid, not yet due",
			analysis.ReconMonth{Month: jul24, Rate: at(jul24), RosterAny: 100},
			onDue, 1_680_000, -1_680_000, analysis.PaymentNotDue, nil},
		{"not paid, past due",
			analysis.ReconMonth{Month: jul24, Rate: at(jul24), RosterAny: 100},
			domain.Date(2024, time.August, 16), 1_680_000, -1_680_000, analysis.PaymentUnpaid, []string{"unpaid"}},
		{"short by two worker-months past due",
			analysis.ReconMonth{Month: jul24, Rate: at(jul24), RosterAny: 100, Payments: 1, Paid: 1_646_400, PaidByDue: 1_646_400},
			after, 1_680_000, -33_600, analysis.PaymentShort, []string{"short_paid"}},
		{"BPJS billed two workers who had left",
			analysis.ReconMonth{Month: jul24, Rate: at(jul24), RosterAny: 100, Bills: 1, Billed: 1_713_600, BilledParticipants: 102,
				Payments: 1, Paid: 1_713_600, PaidByDue: 1_713_600},
			after, 1_680_000, 33_600, analysis.PaymentOnTime, []string{"billed_mismatch", "excess_participants"}},
		{"overpaid against the bill",
			analysis.ReconMonth{Month: jul24, Rate: at(jul24), RosterAny: 100, Bills: 1, Billed: 1_680_000,
				Payments: 2, Paid: 1_713_600, PaidByDue: 1_713_600},
			after, 1_680_000, 33_600, analysis.PaymentOnTime, []string{"over_paid"}},
		{"reduced rate: Rp 168 a worker",
			analysis.ReconMonth{Month: sep20, Rate: at(sep20), RosterAny: 100, Bills: 1, Billed: 16_800,
				Payments: 1, Paid: 16_800, PaidByDue: 16_800},
			after, 16_800, 0, analysis.PaymentOnTime, nil},
		{"reduced rate billed at the full rate",
			analysis.ReconMonth{Month: sep20, Rate: at(sep20), RosterAny: 100, Bills: 1, Billed: 1_680_000,
				Payments: 1, Paid: 1_680_000, PaidByDue: 1_680_000},
			after, 16_800, 1_663_200, analysis.PaymentOnTime, []string{"billed_mismatch"}},
		{"nobody on the roster, nothing paid",
			analysis.ReconMonth{Month: jul24, Rate: at(jul24)},
			after, 0, 0, analysis.PaymentNothingDue, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.Expected(); got != tt.expected {
				t.Errorf("Expected = %d, want %d", got, tt.expected)
			}
			if got := tt.m.Difference(); got != tt.diff {
				t.Errorf("Difference = %d, want %d", got, tt.diff)
			}
			if got := tt.m.Payment(tt.today); got != tt.state {
				t.Errorf("Payment = %s, want %s", got.Label(), tt.state.Label())
			}
			var codes []string
			for _, is := range tt.m.Issues(tt.today) {
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

func TestDueDateCrossesTheYear(t *testing.T) {
	if got := analysis.DueDate(domain.NewMonth(2023, time.December)); !got.Equal(domain.Date(2024, time.January, 15)) {
		t.Errorf("December 2023 due %s", got)
	}
}

func TestTotalRecon(t *testing.T) {
	rate, _ := domain.DefaultBPURates().At(domain.NewMonth(2024, 1))
	months := []analysis.ReconMonth{
		{Month: domain.NewMonth(2024, 1), Rate: rate, RosterAny: 10, Paid: 168_000, PaidByDue: 168_000, Bills: 1, Billed: 168_000},
		{Month: domain.NewMonth(2024, 2), Rate: rate, RosterAny: 10},
	}
	tot := analysis.TotalRecon(months, domain.Date(2024, time.June, 1))
	if tot.Expected != 336_000 || tot.Paid != 168_000 || tot.Billed != 168_000 || tot.Difference() != -168_000 || tot.Flagged != 1 {
		t.Errorf("TotalRecon = %+v", tot)
	}
}
