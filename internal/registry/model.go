package registry

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Worker is an enrolled worker (peserta) with the coverage spells on record.
type Worker struct {
	ID            int64
	NIK           domain.NIK
	Name          string
	BirthDate     time.Time  // zero when unknown
	Sex           domain.Sex // "" when unknown
	CategoryCode  string
	KelurahanCode string
	KPJ           string        // BPJS card number, text (leading zeros matter)
	Income        domain.Rupiah // reported monthly income, DefaultIncome unless stated
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

// Enrollment is one spell of coverage of a worker: from Start through End
// (inclusive; nil means still open). Coverage depends on the dates only;
// Status describes the spell.
type Enrollment struct {
	ID     int64
	Start  time.Time
	End    *time.Time
	Status domain.EnrollmentStatus
}

// Covers reports whether the calendar day of day (in its own location) lies within the enrollment.
func (e Enrollment) Covers(day time.Time) bool {
	d := domain.DayNumber(day)
	return domain.DayNumber(e.Start) <= d && (e.End == nil || d <= domain.DayNumber(*e.End))
}

// Overlaps reports whether the two enrollments share at least one day.
func (e Enrollment) Overlaps(o Enrollment) bool {
	// Two closed intervals overlap when each starts no later than the other ends.
	return (o.End == nil || domain.DayNumber(e.Start) <= domain.DayNumber(*o.End)) &&
		(e.End == nil || domain.DayNumber(o.Start) <= domain.DayNumber(*e.End))
}

// Validate checks what a user can get wrong when entering an enrollment and
// returns the problems keyed by the fields "start", "end" and "status".
func (e Enrollment) Validate() error {
	fe := domain.FieldErrors{}
	if e.Start.IsZero() {
		fe.Add("start", "tanggal mulai kepesertaan belum diisi")
	}
	if e.End != nil && !e.Start.IsZero() && domain.DayNumber(*e.End) < domain.DayNumber(e.Start) {
		fe.Add("end", "tanggal akhir kepesertaan tidak boleh sebelum tanggal mulai ("+domain.FormatDate(e.Start)+")")
	}
	if e.Status.Label() == "" {
		fe.Add("status", "status kepesertaan tidak valid")
	}
	return fe.Err()
}
