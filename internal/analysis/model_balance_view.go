package analysis

import (
	"github.com/cilegon/monev/internal/domain"
)

// ClaimTally is a number of claims and their amount; Type and Status say
// which claims when the tally is of one type or status.
type ClaimTally struct {
	Type   domain.ClaimType
	Status domain.ClaimStatus
	Count  int64
	Amount domain.Rupiah
}

// add returns the tally with o's count and amount added.
func (t ClaimTally) add(o ClaimTally) ClaimTally {
	t.Count += o.Count
	t.Amount += o.Amount
	return t
}

// ClaimSummary is the claims of a period on a basis, in the three groups a
// monev meeting asks about.
type ClaimSummary struct {
	Period domain.Period
	Basis  domain.Basis
	// Paid holds one tally per claim type, in ClaimTypes order and zeros
	// included: claims with status dibayar dated in the period (cash basis:
	// payment date; accrual basis: incident date).
	Paid []ClaimTally
	// Pending holds the claims still in process (diajukan or diproses, by
	// their current status) whose incident was on or before the period's
	// last day: the expected liability. One tally per type and status that
	// has claims, in ClaimTypes then ClaimStatuses order.
	Pending []ClaimTally
	// Rejected counts the claims with status ditolak whose incident fell in the period.
	Rejected ClaimTally
}

// CompleteByType returns one tally per claim type in ClaimTypes order,
// adding up the given tallies of each type and giving zeros to the types
// that have none.
func CompleteByType(tallies []ClaimTally) []ClaimTally {
	out := make([]ClaimTally, len(domain.ClaimTypes))
	for i, t := range domain.ClaimTypes {
		out[i].Type = t
		for _, x := range tallies {
			if x.Type == t {
				out[i] = out[i].add(x)
			}
		}
	}
	return out
}

// SortPending orders pending tallies by type then status and drops empty ones.
func SortPending(tallies []ClaimTally) []ClaimTally {
	var out []ClaimTally
	for _, t := range domain.ClaimTypes {
		for _, s := range domain.ClaimStatuses {
			for _, x := range tallies {
				if x.Type == t && x.Status == s && x.Count != 0 {
					out = append(out, x)
				}
			}
		}
	}
	return out
}

// sum adds up tallies.
func sum(tallies []ClaimTally) ClaimTally {
	var total ClaimTally
	for _, t := range tallies {
		total = total.add(t)
	}
	return total
}

// PaidTotal is all paid claims of the period.
func (s ClaimSummary) PaidTotal() ClaimTally { return sum(s.Paid) }

// PendingTotal is the expected liability: all claims still in process.
func (s ClaimSummary) PendingTotal() ClaimTally { return sum(s.Pending) }

// Share is a tally's part of the paid claims' amount.
func (s ClaimSummary) Share(t ClaimTally) domain.Ratio {
	return domain.Ratio{Num: int64(t.Amount), Den: int64(s.PaidTotal().Amount)}
}

// BenefitPerRupiah is the benefit paid to families for every Rp 1 of APBD
// contributions: the claim ratio read as money ("Rp 1,64").
func (b Balance) BenefitPerRupiah() domain.Ratio { return b.ClaimRatio() }

// BalanceView is everything the balance view says about one period on
// one basis. The page, the API, the exports and the printed report all
// read their figures from it.
type BalanceView struct {
	Balance     Balance            // the whole period
	YearEarlier Balance            // the same shape of period one year before
	By          domain.Granularity // how Series splits the period
	Series      []Balance          // the period split by By
	// Opening is the saldo of every month before the period since the
	// programme began, on the same basis.
	Opening domain.Rupiah
	Claims  ClaimSummary
}

// Closing is the cumulative saldo since the programme began, at the period's end.
func (r BalanceView) Closing() domain.Rupiah { return r.Opening + r.Balance.Saldo() }

// Cumulative is the cumulative saldo since the programme began at the end
// of each sub-period of Series.
func (r BalanceView) Cumulative() []domain.Rupiah {
	out := make([]domain.Rupiah, len(r.Series))
	run := r.Opening
	for i, b := range r.Series {
		run += b.Saldo()
		out[i] = run
	}
	return out
}

// ContributionChange compares the period's contributions with a year earlier.
func (r BalanceView) ContributionChange() Change {
	return Change{Now: int64(r.Balance.Contributions), Before: int64(r.YearEarlier.Contributions)}
}

// ClaimChange compares the period's paid claims with a year earlier.
func (r BalanceView) ClaimChange() Change {
	return Change{Now: int64(r.Balance.Claims), Before: int64(r.YearEarlier.Claims)}
}

// SaldoChange compares the period's saldo with a year earlier.
func (r BalanceView) SaldoChange() Change {
	return Change{Now: int64(r.Balance.Saldo()), Before: int64(r.YearEarlier.Saldo())}
}

// Change is a figure now against the same figure before, such as this
// year's claims against last year's.
type Change struct{ Now, Before int64 }

// Delta is now minus before.
func (c Change) Delta() int64 { return c.Now - c.Before }

// Growth is the delta relative to the size of the earlier figure; invalid when it was 0.
func (c Change) Growth() domain.Ratio {
	before := c.Before
	if before < 0 {
		before = -before
	}
	return domain.Ratio{Num: c.Delta(), Den: before}
}

// Label says the change in Indonesian: "naik 12,3 %", "turun 4,0 %",
// "tetap", or "–" when there is nothing to compare with.
func (c Change) Label() string {
	g := c.Growth()
	switch {
	case c.Delta() == 0:
		return "tetap"
	case !g.Valid():
		return domain.NoValue
	case c.Delta() > 0:
		return "naik " + g.Percent(1)
	}
	return "turun " + domain.Ratio{Num: -g.Num, Den: g.Den}.Percent(1)
}
