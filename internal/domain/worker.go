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
