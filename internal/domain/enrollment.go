package domain

import "time"

// EnrollmentStatus is the state of a spell of coverage (kepesertaan).
type EnrollmentStatus string

// The enrollment statuses.
const (
	StatusActive   EnrollmentStatus = "aktif"     // covered and paid for
	StatusInactive EnrollmentStatus = "nonaktif"  // dropped out or unpaid for 3 months
	StatusDeceased EnrollmentStatus = "meninggal" // the worker died; the quota may go to someone else
)

// EnrollmentStatuses lists every enrollment status.
var EnrollmentStatuses = []EnrollmentStatus{StatusActive, StatusInactive, StatusDeceased}

// ParseEnrollmentStatus reads "aktif", "nonaktif" ("non aktif", "non-aktif",
// "tidak aktif") or "meninggal" ("meninggal dunia", "wafat") in any case; "" means StatusActive.
func ParseEnrollmentStatus(s string) (EnrollmentStatus, error) {
	switch NormalizeName(s) {
	case "", "aktif", "active":
		return StatusActive, nil
	case "nonaktif", "tidakaktif", "inactive", "nonactive":
		return StatusInactive, nil
	case "meninggal", "meninggaldunia", "wafat", "deceased":
		return StatusDeceased, nil
	}
	return "", Invalidf("status kepesertaan tidak valid: %s; gunakan aktif, nonaktif atau meninggal", Quote(s))
}

// Label returns the Indonesian label: "Aktif", "Nonaktif" or "Meninggal".
func (s EnrollmentStatus) Label() string {
	switch s {
	case StatusActive:
		return "Aktif"
	case StatusInactive:
		return "Nonaktif"
	case StatusDeceased:
		return "Meninggal"
	}
	return ""
}

// Enrollment is one spell of coverage of a worker: from Start through End
// (inclusive; nil means still open). Coverage depends on the dates only;
// Status describes the spell.
type Enrollment struct {
	ID     int64
	Start  time.Time
	End    *time.Time
	Status EnrollmentStatus
}

// Covers reports whether the calendar day of day (in its own location) lies within the enrollment.
func (e Enrollment) Covers(day time.Time) bool {
	d := DayNumber(day)
	return DayNumber(e.Start) <= d && (e.End == nil || d <= DayNumber(*e.End))
}

// Overlaps reports whether the two enrollments share at least one day.
func (e Enrollment) Overlaps(o Enrollment) bool {
	// Two closed intervals overlap when each starts no later than the other ends.
	return (o.End == nil || DayNumber(e.Start) <= DayNumber(*o.End)) &&
		(e.End == nil || DayNumber(o.Start) <= DayNumber(*e.End))
}

// Validate checks what a user can get wrong when entering an enrollment and
// returns the problems keyed by the fields "start", "end" and "status".
func (e Enrollment) Validate() error {
	fe := FieldErrors{}
	if e.Start.IsZero() {
		fe.Add("start", "tanggal mulai kepesertaan belum diisi")
	}
	if e.End != nil && !e.Start.IsZero() && DayNumber(*e.End) < DayNumber(e.Start) {
		fe.Add("end", "tanggal akhir kepesertaan tidak boleh sebelum tanggal mulai ("+FormatDate(e.Start)+")")
	}
	if e.Status.Label() == "" {
		fe.Add("status", "status kepesertaan tidak valid")
	}
	return fe.Err()
}

// DayNumber numbers calendar days, taking the date of t in t's own location, so a time of day never matters.
func DayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return Date(y, m, d).Unix() / 86400
}
