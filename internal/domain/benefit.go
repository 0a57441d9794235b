package domain

import (
	"slices"
	"time"
)

// Benefit is the standard amount of one claim type from ValidFrom until the
// next rule for that type: Flat plus IncomePercent % of the reported monthly
// income. Fixed says whether every claim of the type must pay exactly that amount.
type Benefit struct {
	Type          ClaimType
	ValidFrom     time.Time
	Flat          Rupiah
	IncomePercent int64 // 4800 means 48 × the reported income
	Fixed         bool
	Regulation    string
	Note          string // how the amount is made up, in Indonesian
}

// Amount returns the benefit for a worker reporting income a month.
func (b Benefit) Amount(income Rupiah) Rupiah {
	return b.Flat + Rupiah(int64(income)*b.IncomePercent/100)
}

// BenefitTable is a list of benefit rules sorted by type and then ValidFrom.
type BenefitTable []Benefit

// Sort orders the rules by type and then ValidFrom, as At expects.
func (t BenefitTable) Sort() {
	slices.SortStableFunc(t, func(a, b Benefit) int {
		if a.Type != b.Type {
			if a.Type < b.Type {
				return -1
			}
			return 1
		}
		return a.ValidFrom.Compare(b.ValidFrom)
	})
}

// At returns the rule of claim type ct in force on day, and false when
// there is none (an unknown type, or a day before the type's first rule).
func (t BenefitTable) At(ct ClaimType, day time.Time) (Benefit, bool) {
	d := DayNumber(day)
	var found Benefit
	var ok bool
	for _, b := range t {
		if b.Type == ct && DayNumber(b.ValidFrom) <= d && (!ok || !b.ValidFrom.Before(found.ValidFrom)) {
			found, ok = b, true
		}
	}
	return found, ok
}

// Standard returns the standard amount of a claim of type ct for an
// incident on the given day by a worker reporting income (DefaultIncome when
// income is not positive), and whether every such claim must equal it.
// JKK_CACAT gives the total-disability amount with fixed false, since partial
// disability pays less; JKK_PERAWATAN, BEASISWA since PP 82/2019, unknown
// types and incidents before the first rule give (0, false).
func (t BenefitTable) Standard(ct ClaimType, incident time.Time, income Rupiah) (amount Rupiah, fixed bool) {
	if income <= 0 {
		income = DefaultIncome
	}
	b, ok := t.At(ct, incident)
	if !ok {
		return 0, false
	}
	return b.Amount(income), b.Fixed
}

// PP82Start is the day PP 82/2019 raised the JKK and JKM benefits and
// replaced the one-child scholarship with the two-children one: 2 December 2019.
var PP82Start = Date(2019, time.December, 2)

// DefaultBenefits returns the national benefit rules of the regulations
// (PP 44/2015 from 1 July 2015, PP 82/2019 from 2 December 2019), sorted by
// type and then ValidFrom. They apply to every Pemda that has no rules of its
// own; they are the seed of the editable benefit settings.
func DefaultBenefits() BenefitTable {
	pp44 := Date(2015, time.July, 1)
	t := BenefitTable{
		{ClaimJKM, pp44, 24_000_000, 0, true, "PP 44/2015",
			"santunan sekaligus Rp 16,2 juta + santunan berkala Rp 4,8 juta + biaya pemakaman Rp 3 juta"},
		{ClaimJKM, PP82Start, 42_000_000, 0, true, "PP 82/2019",
			"santunan sekaligus Rp 20 juta + santunan berkala Rp 12 juta + biaya pemakaman Rp 10 juta"},
		{ClaimJKKDeath, pp44, 7_800_000, 4800, true, "PP 44/2015",
			"48 × penghasilan + santunan berkala Rp 4,8 juta + biaya pemakaman Rp 3 juta"},
		{ClaimJKKDeath, PP82Start, 22_000_000, 4800, true, "PP 82/2019",
			"48 × penghasilan + santunan berkala Rp 12 juta + biaya pemakaman Rp 10 juta"},
		{ClaimJKKDisability, pp44, 0, 5600, false, "PP 44/2015",
			"cacat total tetap 70 % × 80 × penghasilan; cacat sebagian menurut persentase tabel"},
		{ClaimJKKCare, pp44, 0, 0, false, "PP 44/2015 jo. PP 82/2019",
			"perawatan sesuai kebutuhan medis tanpa batas biaya, ditambah STMB"},
		{ClaimScholarship, pp44, 12_000_000, 0, true, "PP 44/2015",
			"satu anak, Rp 12 juta sekaligus, setelah iuran paling sedikit 5 tahun"},
		{ClaimScholarship, PP82Start, 0, 0, false, "PP 82/2019",
			"paling banyak 2 anak dan Rp 174 juta; dibayar per tahun menurut jenjang pendidikan"},
	}
	t.Sort()
	return t
}
