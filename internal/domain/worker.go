package domain

import "time"

// Worker is an enrolled worker (peserta) with the coverage spells on record.
type Worker struct {
	ID            int64
	NIK           NIK
	Name          string
	BirthDate     time.Time // zero when unknown
	Sex           Sex       // "" when unknown
	CategoryCode  string
	KelurahanCode string
	KPJ           string // BPJS card number, text (leading zeros matter)
	Income        Rupiah // reported monthly income, DefaultIncome unless stated
	Address       string
	Phone         string
	Enrollments   []Enrollment
}

// ActiveOn reports whether one of the worker's spells covers day.
func (w Worker) ActiveOn(day time.Time) bool {
	for _, e := range w.Enrollments {
		if e.Covers(day) {
			return true
		}
	}
	return false
}

// Contribution is one payment of iuran to BPJS for a coverage month.
type Contribution struct {
	ID            int64
	CoverageMonth Month
	Participants  *int64  // jumlah peserta on the bill, when known
	Billed        *Rupiah // tagihan, when known
	Paid          Rupiah  // dibayar
	PaidOn        time.Time
	SP2D          string // payment order number, may be empty
	Note          string
}

// Claim is one benefit claim of a worker.
type Claim struct {
	ID          int64
	No          string // BPJS claim number, may be empty
	WorkerID    int64
	NIK         NIK    // the worker's, for display and import
	WorkerName  string // for display
	Type        ClaimType
	IncidentOn  time.Time
	SubmittedOn time.Time // zero when unknown
	PaidOn      time.Time // zero until paid
	Amount      Rupiah
	Status      ClaimStatus
	Beneficiary string // ahli waris
	Note        string
}

// Budget is one version of a fiscal year's pagu: revision 0 is the original
// APBD (murni), later revisions (perubahan) supersede it.
type Budget struct {
	FiscalYear int
	Revision   int
	Label      string
	Ceiling    Rupiah
	Document   string
	DecidedOn  time.Time // zero when unknown
	Note       string
}

// Target is the number of workers the programme means to cover in a year,
// for a category and optionally a kelurahan ("" for the whole Pemda).
type Target struct {
	Year          int
	CategoryCode  string
	KelurahanCode string
	Workers       int64
	Note          string
}

// Workforce is a year's workforce and BPJS-protected workers of the whole
// Pemda (all schemes, not only this programme), for UCJ.
type Workforce struct {
	Year            int
	Workforce       int64
	WorkforceSource string
	Protected       int64
	ProtectedSource string
	TargetPermille  int // UCJ target, 550 = 55 %; 0 when none
}

// UCJ is the share of the workforce protected by BPJS Ketenagakerjaan.
func (w Workforce) UCJ() Ratio { return Ratio{Num: w.Protected, Den: w.Workforce} }
