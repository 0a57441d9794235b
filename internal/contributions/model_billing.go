package contributions

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// BillingMonth is one coverage month of the billing ledger, judged on day
// AsOf: what BPJS billed, what the roster says it should bill, what the
// APBD paid for it by then, and where the month stands.
type BillingMonth struct {
	Month domain.Month
	AsOf  time.Time // the day the month is judged on; payments after it do not count
	Due   time.Time // when the month's iuran is due (the Pemda's due-date rule)
	// Rate is the rate in force on the month's first day.
	Rate    domain.Rate
	HasRate bool
	// RosterAny counts the workers covered on any day of the month, the
	// ones BPJS bills; RosterEnd those covered on its last day. Expected is
	// what BPJS should bill: each of RosterAny at the rate by their
	// reported income.
	RosterAny, RosterEnd int64
	Expected             domain.Rupiah
	// BillLines and BillAmount are BPJS's bill lines for the month.
	BillLines  int64
	BillAmount domain.Rupiah
	// Tagihan is the largest bill stated on the month's iuran rows (the rows
	// of one month restate the same bill), nil when none states one;
	// TagihanParticipants the largest participant count stated.
	Tagihan             *domain.Rupiah
	TagihanParticipants int64
	// Payments counts the month's payments made by AsOf; Paid sums them,
	// PaidByDue those made by the due date. FirstPaidOn and LastPaidOn are
	// zero without payments.
	Payments                int64
	Paid, PaidByDue         domain.Rupiah
	FirstPaidOn, LastPaidOn time.Time
	// Run counts the consecutive overdue months ending with this one (0
	// when it is not overdue), over the months read together with it.
	Run int
}

// LapseMonths is how many months in arrears end a BPU membership: claims
// in that time may be refused.
const LapseMonths = 3

// BillKnown reports whether the month's bill is on record, as bill lines
// or as a tagihan on an iuran row.
func (m BillingMonth) BillKnown() bool { return m.BillLines > 0 || m.Tagihan != nil }

// Billed is the month's bill: the sum of BPJS's bill lines, else the
// tagihan of its iuran rows, else 0.
func (m BillingMonth) Billed() domain.Rupiah {
	switch {
	case m.BillLines > 0:
		return m.BillAmount
	case m.Tagihan != nil:
		return *m.Tagihan
	}
	return 0
}

// BilledFrom says where Billed comes from, in Indonesian.
func (m BillingMonth) BilledFrom() string {
	switch {
	case m.BillLines > 0:
		return "tagihan BPJS per peserta"
	case m.Tagihan != nil:
		return "tagihan pada data iuran"
	}
	return "belum ada tagihan"
}

// BilledParticipants is how many participants the bill names: its lines,
// else the count stated with the tagihan (0 when unknown).
func (m BillingMonth) BilledParticipants() int64 {
	if m.BillLines > 0 {
		return m.BillLines
	}
	return m.TagihanParticipants
}

// BillsDisagree reports a month whose bill lines and iuran tagihan both
// exist and differ: a finding for the two offices to settle.
func (m BillingMonth) BillsDisagree() bool {
	return m.BillLines > 0 && m.Tagihan != nil && *m.Tagihan != m.BillAmount
}

// Owed is what the month should be paid: the bill when it is known, the
// expected bill otherwise.
func (m BillingMonth) Owed() domain.Rupiah {
	if m.BillKnown() {
		return m.Billed()
	}
	return m.Expected
}

// Outstanding is the bill minus the payments, never below 0; 0 while the
// month has no bill.
func (m BillingMonth) Outstanding() domain.Rupiah { return max(m.Billed()-m.Paid, 0) }

// Overpaid is what was paid beyond the bill, 0 when not more or no bill.
func (m BillingMonth) Overpaid() domain.Rupiah {
	if !m.BillKnown() {
		return 0
	}
	return max(m.Paid-m.Billed(), 0)
}

// PastDue reports whether the due date had passed on AsOf.
func (m BillingMonth) PastDue() bool { return domain.DayNumber(m.AsOf) > domain.DayNumber(m.Due) }

// Overdue reports a month with an outstanding bill past its due date.
func (m BillingMonth) Overdue() bool { return m.Outstanding() > 0 && m.PastDue() }

// DaysOverdue is how many days past the due date an overdue month is, 0
// when it is not overdue.
func (m BillingMonth) DaysOverdue() int64 {
	if !m.Overdue() {
		return 0
	}
	return domain.DayNumber(m.AsOf) - domain.DayNumber(m.Due)
}

// PaidLate reports whether some payment of the month was made after its due date.
func (m BillingMonth) PaidLate() bool {
	return m.Payments > 0 && domain.DayNumber(m.LastPaidOn) > domain.DayNumber(m.Due)
}

// LapseRisk reports a month that ends a run of LapseMonths or more overdue
// months: the BPU membership lapses, and claims in that time may be refused.
func (m BillingMonth) LapseRisk() bool { return m.Run >= LapseMonths }

// ContributionsDue is the month's contribution on the accrual basis: what
// was billed, paid or not; without a bill, what was paid.
func (m BillingMonth) ContributionsDue() domain.Rupiah {
	if m.BillKnown() {
		return m.Billed()
	}
	return m.Paid
}

// BilledDifference is the bill minus the expected bill, 0 when the bill is unknown.
func (m BillingMonth) BilledDifference() domain.Rupiah {
	if !m.BillKnown() {
		return 0
	}
	return m.Billed() - m.Expected
}

// Difference is the payments minus the expected bill, the headline
// difference of the month.
func (m BillingMonth) Difference() domain.Rupiah { return m.Paid - m.Expected }

// ExcessParticipants is how many more participants BPJS billed than the
// roster counts for the month, 0 when not more or unknown: workers possibly
// still billed after their death or end date.
func (m BillingMonth) ExcessParticipants() int64 {
	return max(m.BilledParticipants()-m.RosterAny, 0)
}

// PaymentState is where the payment of a coverage month stands.
type PaymentState int

// The payment states of a coverage month on its AsOf day.
const (
	PaymentNothingDue PaymentState = iota // nothing billed, nothing paid
	PaymentNotDue                         // not (fully) paid, but the due date has not passed
	PaymentOnTime                         // paid in full by the due date
	PaymentLate                           // paid in full, but after the due date
	PaymentShort                          // past due and paid short
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

// Code is the state's name in the API.
func (s PaymentState) Code() string {
	return [...]string{"nothing_due", "not_due", "on_time", "late", "short", "unpaid"}[s]
}

// Flagged reports whether the state needs attention.
func (s PaymentState) Flagged() bool {
	return s == PaymentLate || s == PaymentShort || s == PaymentUnpaid
}

// Payment judges the month's payment: against the bill when it is known,
// else against the expected bill.
func (m BillingMonth) Payment() PaymentState {
	owed := m.Owed()
	switch {
	case owed == 0 && m.Paid == 0:
		return PaymentNothingDue
	case m.PaidByDue >= owed && m.PaidByDue > 0:
		return PaymentOnTime
	case m.Paid >= owed && m.Paid > 0:
		return PaymentLate
	case !m.PastDue():
		return PaymentNotDue
	case m.Paid == 0:
		return PaymentUnpaid
	}
	return PaymentShort
}

// Issue is one thing the ledger flags in a month.
type Issue struct {
	Code  string // stable English code for the API
	Label string // Indonesian, for the page and exports
}

// Issues lists what needs attention in the month.
func (m BillingMonth) Issues() []Issue {
	var out []Issue
	switch m.Payment() {
	case PaymentLate:
		out = append(out, Issue{"late", "Terlambat: dibayar " + domain.FormatDate(m.LastPaidOn) + ", jatuh tempo " + domain.FormatDate(m.Due)})
	case PaymentUnpaid:
		out = append(out, Issue{"unpaid", "Belum dibayar, jatuh tempo " + domain.FormatDate(m.Due)})
	case PaymentShort:
		out = append(out, Issue{"short_paid", "Kurang bayar " + (m.Owed() - m.Paid).String()})
	}
	if m.LapseRisk() {
		out = append(out, Issue{"lapse_risk", "Menunggak " + domain.FormatInt(int64(m.Run)) +
			" bulan berturut-turut: kepesertaan BPU dapat nonaktif dan klaim dapat ditolak"})
	}
	if m.Overpaid() > 0 {
		out = append(out, Issue{"over_paid", "Lebih bayar " + m.Overpaid().String()})
	}
	if m.BillsDisagree() {
		out = append(out, Issue{"bills_disagree", "Tagihan per peserta " + m.BillAmount.String() +
			" berbeda dengan tagihan pada data iuran " + m.Tagihan.String()})
	}
	if d := m.BilledDifference(); d != 0 {
		out = append(out, Issue{"billed_mismatch", "Tagihan berbeda " + signed(d) + " dari daftar peserta"})
	}
	if n := m.ExcessParticipants(); n > 0 {
		out = append(out, Issue{"excess_participants", "Tagihan memuat " + domain.FormatInt(n) +
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

// markRuns sets each month's Run: the consecutive overdue months ending
// with it, the months being consecutive and in order.
func markRuns(months []BillingMonth) {
	run := 0
	for i := range months {
		if months[i].Overdue() {
			run++
		} else {
			run = 0
		}
		months[i].Run = run
	}
}

// BillingTotals adds up the months of a ledger.
type BillingTotals struct {
	Expected, Billed, Paid, Outstanding domain.Rupiah
	Overdue                             int // months overdue
	Flagged                             int // months with at least one issue
	LongestRun                          int // the longest run of consecutive overdue months
}

// Difference is the total paid minus the total expected bill.
func (t BillingTotals) Difference() domain.Rupiah { return t.Paid - t.Expected }

// TotalBilling adds up the months.
func TotalBilling(months []BillingMonth) BillingTotals {
	var t BillingTotals
	for _, m := range months {
		t.Expected += m.Expected
		t.Billed += m.Billed()
		t.Paid += m.Paid
		t.Outstanding += m.Outstanding()
		if m.Overdue() {
			t.Overdue++
		}
		if len(m.Issues()) > 0 {
			t.Flagged++
		}
		t.LongestRun = max(t.LongestRun, m.Run)
	}
	return t
}
