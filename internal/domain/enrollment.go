package domain

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
