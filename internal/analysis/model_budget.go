package analysis

import (
	"strings"
	"time"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
)

// Validate checks what a user can get wrong when entering a pagu version and
// returns the problems keyed by the fields "fiscal_year", "label",
// "ceiling" and "decided_on".
func (b Budget) Validate() error {
	fe := domain.FieldErrors{}
	if b.FiscalYear < 2000 || b.FiscalYear > 2100 {
		fe.Add("fiscal_year", "tahun anggaran harus antara 2000 dan 2100")
	}
	if strings.TrimSpace(b.Label) == "" {
		fe.Add("label", "nama versi belum diisi, misalnya APBD Murni 2024 atau APBD Perubahan 2024")
	}
	if b.Ceiling <= 0 {
		fe.Add("ceiling", "pagu harus lebih dari Rp 0")
	}
	if !b.DecidedOn.IsZero() && (b.DecidedOn.Year() < b.FiscalYear-1 || b.DecidedOn.Year() > b.FiscalYear) {
		fe.Add("decided_on", "tanggal penetapan harus pada tahun anggaran itu atau tahun sebelumnya")
	}
	return fe.Err()
}

// BudgetMonth is one month of a fiscal year in the budget view.
type BudgetMonth struct {
	Month domain.Month
	// Realized sums the contributions paid by SP2D dated in the month (cash basis).
	Realized domain.Rupiah
	// CoveragePaid sums the contributions paid so far for the month as a
	// coverage month, whenever they were paid (accrual basis).
	CoveragePaid domain.Rupiah
}

// BudgetView is the budget view of one fiscal year: pagu versions,
// realisasi by SP2D month, absorption and the projection to the year's end.
type BudgetView struct {
	Year     int
	Versions []Budget      // by revision, the original APBD first
	Months   []BudgetMonth // January to December
	// Through is the last month the headline figures count (the chosen period's end).
	Through domain.Month
	// Today is the day the projection is made on; SoFar is the realisasi
	// of the year by then (SP2D dates from 1 January through Today).
	Today time.Time
	SoFar domain.Rupiah
	// Due are the coverage months whose due date falls in the year, judged
	// on Today: what each owes (its bill, else the roster at the rate by
	// reported income) and what was paid for it so far.
	Due []contributions.BillingMonth
}

// Ceiling is the pagu in force: the latest revision, and false when the year has none.
func (r BudgetView) Ceiling() (Budget, bool) {
	if len(r.Versions) == 0 {
		return Budget{}, false
	}
	latest := r.Versions[0]
	for _, v := range r.Versions[1:] {
		if v.Revision > latest.Revision {
			latest = v
		}
	}
	return latest, true
}

// pagu is the amount of the pagu in force, 0 without one.
func (r BudgetView) pagu() domain.Rupiah {
	b, _ := r.Ceiling()
	return b.Ceiling
}

// Cumulative is the realisasi from January through the end of each month.
func (r BudgetView) Cumulative() []domain.Rupiah {
	out := make([]domain.Rupiah, len(r.Months))
	var run domain.Rupiah
	for i, m := range r.Months {
		run += m.Realized
		out[i] = run
	}
	return out
}

// Absorption is a month's realisasi as a share of the pagu in force.
func (r BudgetView) Absorption(m BudgetMonth) domain.Ratio {
	return domain.Ratio{Num: int64(m.Realized), Den: int64(r.pagu())}
}

// CumulativeAbsorption is the realisasi through the end of each month as a share of the pagu in force.
func (r BudgetView) CumulativeAbsorption() []domain.Ratio {
	cum := r.Cumulative()
	out := make([]domain.Ratio, len(cum))
	for i, c := range cum {
		out[i] = domain.Ratio{Num: int64(c), Den: int64(r.pagu())}
	}
	return out
}

// RealizedThrough is the realisasi from January through the month Through.
func (r BudgetView) RealizedThrough() domain.Rupiah {
	var total domain.Rupiah
	for _, m := range r.Months {
		if m.Month <= r.Through {
			total += m.Realized
		}
	}
	return total
}

// AbsorptionThrough is RealizedThrough as a share of the pagu in force.
func (r BudgetView) AbsorptionThrough() domain.Ratio {
	return domain.Ratio{Num: int64(r.RealizedThrough()), Den: int64(r.pagu())}
}

// Realized is the realisasi of the whole year so far.
func (r BudgetView) Realized() domain.Rupiah {
	var total domain.Rupiah
	for _, m := range r.Months {
		total += m.Realized
	}
	return total
}

// Closed reports whether the fiscal year ended before Today.
func (r BudgetView) Closed() bool { return r.Today.Year() > r.Year }

// StillOwed is what the coverage months due in the year still owe on
// Today: for each, its bill (else the roster × rate) minus what was paid
// for it, never below 0. A partly paid month owes the rest.
func (r BudgetView) StillOwed() domain.Rupiah {
	var owed domain.Rupiah
	for _, m := range r.Due {
		owed += max(m.Owed()-m.Paid, 0)
	}
	return owed
}

// OwingMonths counts the coverage months due in the year that still owe.
func (r BudgetView) OwingMonths() int {
	n := 0
	for _, m := range r.Due {
		if m.Owed() > m.Paid {
			n++
		}
	}
	return n
}

// Projection is what the APBD will have paid by the year's end: the
// realisasi so far (SP2D dates in the year, which includes last December's
// iuran when it was paid in January) plus what the coverage months due in
// the year still owe (arrears included). Every coverage month counts once:
// what was paid for it is realisasi, the rest is owed. A closed year's
// projection is its realisasi.
func (r BudgetView) Projection() domain.Rupiah {
	if r.Closed() {
		return r.Realized()
	}
	return r.SoFar + r.StillOwed()
}

// ProjectedAbsorption is the projection as a share of the pagu in force.
func (r BudgetView) ProjectedAbsorption() domain.Ratio {
	return domain.Ratio{Num: int64(r.Projection()), Den: int64(r.pagu())}
}

// Remaining is the pagu in force minus the projection; negative when the
// projection exceeds the pagu.
func (r BudgetView) Remaining() domain.Rupiah { return r.pagu() - r.Projection() }

// NextRevision is the revision number a new pagu version of the year gets.
func (r BudgetView) NextRevision() int {
	next := 0
	for _, v := range r.Versions {
		next = max(next, v.Revision+1)
	}
	return next
}
