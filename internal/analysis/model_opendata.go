package analysis

import "github.com/cilegon/monev/internal/domain"

// SmallCell is the fewest active workers a published cell may count: a
// cell with fewer (1 to 4) has its figures left blank, and so do claim
// counts of 1 to 4, since a handful of people in one kecamatan and
// category can be recognised.
const SmallCell = 5

// OpenDataRow is one cell of a Pemda's open data: a month, a kecamatan and
// a worker category, with the workers covered at the month's end and the
// claims paid in it (cash basis). Suppressed figures are nil.
type OpenDataRow struct {
	Month                        domain.Month
	KecamatanCode, Kecamatan     string
	CategoryCode, Category       string
	Active, ClaimsPaid, Amount   *int64
	activeRaw, claims, amountRaw int64
}

// suppress blanks the figures of a small cell.
func (r *OpenDataRow) suppress() {
	if r.activeRaw >= SmallCell || r.activeRaw == 0 {
		r.Active = &r.activeRaw
	}
	if r.Active != nil && (r.claims == 0 || r.claims >= SmallCell) {
		r.ClaimsPaid, r.Amount = &r.claims, &r.amountRaw
	}
}
