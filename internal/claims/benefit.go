package claims

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// ScholarshipMaxChildren is how many children of one worker may receive the scholarship benefit (PP 82/2019).
const ScholarshipMaxChildren = 2

// ScholarshipMaxTotal is the most the scholarship benefit pays for all children of one worker together (PP 82/2019).
const ScholarshipMaxTotal domain.Rupiah = 174_000_000

// Benefit is the standard amount of one claim type from ValidFrom until the
// next row for that type: Flat plus IncomePercent % of the reported monthly
// income. Fixed says whether every claim of the type must pay exactly that amount.
type Benefit struct {
	Type          domain.ClaimType
	ValidFrom     time.Time
	Flat          domain.Rupiah
	IncomePercent int64 // 4800 means 48 × the reported income
	Fixed         bool
	Regulation    string
	Note          string // how the amount is made up, in Indonesian
}

// Amount returns the benefit for a worker reporting income a month.
func (b Benefit) Amount(income domain.Rupiah) domain.Rupiah {
	return b.Flat + domain.Rupiah(int64(income)*b.IncomePercent/100)
}

// StandardBenefits returns the benefit table, sorted by type and then ValidFrom.
// The amounts are data from the regulations, kept here in one place.
func StandardBenefits() []Benefit {
	pp44 := domain.Date(2015, time.July, 1)
	pp82 := domain.Date(2019, time.December, 2)
	return []Benefit{
		{domain.ClaimJKM, pp44, 24_000_000, 0, true, "PP 44/2015",
			"santunan sekaligus Rp 16,2 juta + santunan berkala Rp 4,8 juta + biaya pemakaman Rp 3 juta"},
		{domain.ClaimJKM, pp82, 42_000_000, 0, true, "PP 82/2019",
			"santunan sekaligus Rp 20 juta + santunan berkala Rp 12 juta + biaya pemakaman Rp 10 juta"},
		{domain.ClaimJKKDeath, pp44, 7_800_000, 4800, true, "PP 44/2015",
			"48 × penghasilan + santunan berkala Rp 4,8 juta + biaya pemakaman Rp 3 juta"},
		{domain.ClaimJKKDeath, pp82, 22_000_000, 4800, true, "PP 82/2019",
			"48 × penghasilan + santunan berkala Rp 12 juta + biaya pemakaman Rp 10 juta"},
		{domain.ClaimJKKDisability, pp44, 0, 5600, false, "PP 44/2015",
			"cacat total tetap 70 % × 80 × penghasilan; cacat sebagian menurut persentase tabel"},
		{domain.ClaimJKKCare, pp44, 0, 0, false, "PP 44/2015 jo. PP 82/2019",
			"perawatan sesuai kebutuhan medis tanpa batas biaya, ditambah STMB"},
		{domain.ClaimScholarship, pp82, 0, 0, false, "PP 82/2019",
			"paling banyak 2 anak dan Rp 174 juta; dibayar per tahun menurut jenjang pendidikan"},
	}
}

// StandardBenefit returns the standard amount of a claim of type t for an
// incident on the given day by a worker reporting income (DefaultIncome when
// income is not positive), and whether every such claim must equal it.
// JKK_CACAT gives the total-disability amount with fixed false, since partial
// disability pays less; JKK_PERAWATAN, BEASISWA, unknown types and incidents
// before PP 44/2015 give (0, false).
func StandardBenefit(t domain.ClaimType, incident time.Time, income domain.Rupiah) (amount domain.Rupiah, fixed bool) {
	if income <= 0 {
		income = domain.DefaultIncome
	}
	day := domain.DayNumber(incident)
	var found *Benefit
	for _, b := range StandardBenefits() {
		if b.Type == t && domain.DayNumber(b.ValidFrom) <= day {
			found = &b
		}
	}
	if found == nil {
		return 0, false
	}
	return found.Amount(income), found.Fixed
}
