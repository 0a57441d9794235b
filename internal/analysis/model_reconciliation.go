package analysis

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// ReconMonth is one coverage month of the billing reconciliation: what the
// roster says BPJS should bill, what BPJS billed (tagihan) and what the
// APBD paid for the month.
type ReconMonth struct {
	Month   domain.Month
	Rate    domain.Rate // the rate in force on the month's first day
	HasRate bool
	// RosterAny counts the workers covered on any day of the month, the
	// ones BPJS bills; RosterEnd those covered on its last day.
	RosterAny, RosterEnd int64
	// Bills counts the payments for the month whose billed amount is known;
	// Billed sums those amounts and BilledParticipants the participant
	// counts on the bills (0 when unknown).
	Bills              int64
	Billed             domain.Rupiah
	BilledParticipants int64
	// Payments counts the payments for the month; Paid sums them, PaidByDue
	// sums those paid on or before the due date. FirstPaidOn and
	// LastPaidOn are zero without payments.
	Payments                int64
	Paid, PaidByDue         domain.Rupiah
	FirstPaidOn, LastPaidOn time.Time
}

// DueDate is the 15th of the following month, when the month's iuran is due.
func DueDate(m domain.Month) time.Time {
	next := m.Add(1)
	return domain.Date(next.Year(), next.Month(), 15)
}

// DueDate is when the month's iuran is due.
func (m ReconMonth) DueDate() time.Time { return DueDate(m.Month) }

// Expected is the billing the roster calls for: workers covered on any day of the month × the rate.
func (m ReconMonth) Expected() domain.Rupiah { return m.Rate.Monthly(m.RosterAny) }

// BillKnown reports whether BPJS's bill for the month is on record.
func (m ReconMonth) BillKnown() bool { return m.Bills > 0 }

// Owed is what the month should be paid: the bill when it is known, the expected billing otherwise.
func (m ReconMonth) Owed() domain.Rupiah {
	if m.BillKnown() {
		return m.Billed
	}
	return m.Expected()
}

// Tolerance is one worker-month, the month's rate: smaller differences are
// rounding and timing, larger ones are flagged.
func (m ReconMonth) Tolerance() domain.Rupiah { return m.Rate.Total() }

// BilledDifference is the bill minus the expected billing, 0 when the bill is unknown.
func (m ReconMonth) BilledDifference() domain.Rupiah {
	if !m.BillKnown() {
		return 0
	}
	return m.Billed - m.Expected()
}

// PaidDifference is the payment minus what was owed (the bill, or the expected billing).
func (m ReconMonth) PaidDifference() domain.Rupiah { return m.Paid - m.Owed() }

// Difference is the payment minus the expected billing, the headline difference of the month.
func (m ReconMonth) Difference() domain.Rupiah { return m.Paid - m.Expected() }

// ExcessParticipants is how many more participants BPJS billed than the
// roster counts for the month, 0 when not more or unknown: workers possibly
// still billed after their death or end date.
func (m ReconMonth) ExcessParticipants() int64 {
	return max(m.BilledParticipants-m.RosterAny, 0)
}

// BilledMismatch reports a bill that differs from the expected billing by more than one worker-month.
func (m ReconMonth) BilledMismatch() bool { return exceeds(m.BilledDifference(), m.Tolerance()) }

// exceeds reports whether |d| is more than tol.
func exceeds(d, tol domain.Rupiah) bool { return d > tol || -d > tol }

// PaymentState is where the payment of a coverage month stands.
type PaymentState int

// The payment states of a coverage month, judged on a given day.
const (
	PaymentNothingDue PaymentState = iota // nothing billed, nothing paid
	PaymentNotDue                         // not (fully) paid, but the due date has not passed
	PaymentOnTime                         // paid in full by the due date
	PaymentLate                           // paid in full, but after the due date
	PaymentShort                          // past due and paid short by more than one worker-month
	PaymentUnpaid                         // past due and nothing paid
)

// Label is the Indonesian name of the state.
func (s PaymentState) Label() string {
	switch s {
	case PaymentNotDue:
		return "Belum jatuh tempo"
	case PaymentOnTime:
		return "Tepat waktu"
	case PaymentLate:
		return "Terlambat"
	case PaymentShort:
		return "Kurang bayar"
	case PaymentUnpaid:
		return "Belum dibayar"
	}
	return domain.NoValue
}

// Flagged reports whether the state needs attention.
func (s PaymentState) Flagged() bool {
	return s == PaymentLate || s == PaymentShort || s == PaymentUnpaid
}

// Payment judges the month's payment on day today. Within one worker-month
// of what was owed counts as paid in full.
func (m ReconMonth) Payment(today time.Time) PaymentState {
	owed, tol := m.Owed(), m.Tolerance()
	full := func(paid domain.Rupiah) bool { return paid > 0 && paid >= owed-tol || paid >= owed }
	switch {
	case owed == 0 && m.Paid == 0:
		return PaymentNothingDue
	case full(m.PaidByDue):
		return PaymentOnTime
	case full(m.Paid):
		return PaymentLate
	case domain.DayNumber(today) <= domain.DayNumber(m.DueDate()):
		return PaymentNotDue
	case m.Paid == 0:
		return PaymentUnpaid
	}
	return PaymentShort
}

// ReconIssue is one thing the reconciliation flags in a month.
type ReconIssue struct {
	Code  string // stable English code for the API: late, unpaid, short_paid, over_paid, billed_mismatch, excess_participants
	Label string // Indonesian, for the page and exports
}

// Issues lists what needs attention in the month, judged on day today.
func (m ReconMonth) Issues(today time.Time) []ReconIssue {
	var out []ReconIssue
	switch state := m.Payment(today); state {
	case PaymentLate:
		out = append(out, ReconIssue{"late", "Terlambat: dibayar " + domain.FormatDate(m.LastPaidOn) + ", jatuh tempo " + domain.FormatDate(m.DueDate())})
	case PaymentUnpaid:
		out = append(out, ReconIssue{"unpaid", "Belum dibayar, jatuh tempo " + domain.FormatDate(m.DueDate())})
	case PaymentShort:
		out = append(out, ReconIssue{"short_paid", "Kurang bayar " + (-m.PaidDifference()).String()})
	}
	if m.PaidDifference() > m.Tolerance() {
		out = append(out, ReconIssue{"over_paid", "Lebih bayar " + m.PaidDifference().String()})
	}
	if m.BilledMismatch() {
		out = append(out, ReconIssue{"billed_mismatch", "Tagihan berbeda " + signed(m.BilledDifference()) + " dari daftar peserta"})
	}
	if n := m.ExcessParticipants(); n > 0 {
		out = append(out, ReconIssue{"excess_participants", "Tagihan memuat " + domain.FormatInt(n) +
			" peserta lebih banyak dari daftar: kemungkinan masih ditagih setelah meninggal atau berhenti"})
	}
	return out
}

// signed formats an amount with an explicit sign: "+Rp 16.800", "−Rp 16.800".
func signed(r domain.Rupiah) string {
	if r > 0 {
		return "+" + r.String()
	}
	return r.String()
}

// ReconTotals adds up the months of a reconciliation.
type ReconTotals struct {
	Expected, Billed, Paid domain.Rupiah
	Flagged                int // months with at least one issue
}

// Difference is the total paid minus the total expected billing.
func (t ReconTotals) Difference() domain.Rupiah { return t.Paid - t.Expected }

// TotalRecon adds up the months, judging their issues on day today.
func TotalRecon(months []ReconMonth, today time.Time) ReconTotals {
	var t ReconTotals
	for _, m := range months {
		t.Expected += m.Expected()
		t.Billed += m.Billed
		t.Paid += m.Paid
		if len(m.Issues(today)) > 0 {
			t.Flagged++
		}
	}
	return t
}

// EndedSpell is a coverage spell that ended, shown where BPJS may still
// bill the worker: who, where, when and why it ended.
type EndedSpell struct {
	WorkerID      int64
	NIK           domain.NIK
	Name          string
	CategoryName  string
	KelurahanName string
	End           time.Time
	Status        domain.EnrollmentStatus
}
