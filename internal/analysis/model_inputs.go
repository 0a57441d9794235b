package analysis

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Budget is one version of a fiscal year's pagu: revision 0 is the original
// APBD (murni), later revisions (perubahan) supersede it.
type Budget struct {
	FiscalYear int
	Revision   int
	Label      string
	Ceiling    domain.Rupiah
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
	Denominator     Denominator
}

// Denominator is what a UCJ figure divides by: sources differ, so the
// figure is stored and printed with it.
type Denominator string

// The denominators a UCJ figure may use.
const (
	LabourForce Denominator = "angkatan_kerja"   // angkatan kerja, the labour force
	Employed    Denominator = "penduduk_bekerja" // penduduk bekerja, the employed
)

// Denominators lists the denominators in the order forms offer them.
var Denominators = []Denominator{LabourForce, Employed}

// Label is the denominator in Bahasa Indonesia.
func (d Denominator) Label() string {
	if d == Employed {
		return "penduduk bekerja"
	}
	return "angkatan kerja"
}

// denominator is the figure's denominator, the labour force when unset.
func (w Workforce) denominator() Denominator {
	if w.Denominator == Employed {
		return Employed
	}
	return LabourForce
}

// UCJ is the share of the workforce protected by BPJS Ketenagakerjaan.
func (w Workforce) UCJ() domain.Ratio { return domain.Ratio{Num: w.Protected, Den: w.Workforce} }
