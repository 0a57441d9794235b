package analysis

import (
	"cmp"
	"slices"

	"github.com/cilegon/monev/internal/domain"
)

// RollupRow is one Pemda's figures in a roll-up, or the roll-up's total:
// its balance for the period on the basis, its target (the category
// targets of the year of the period's end) and its arrears (what the
// overdue coverage months of the period still owe, from the billing ledger).
type RollupRow struct {
	Pemda, Name string
	Balance     Balance
	Target      int64
	HasTarget   bool
	// Targeted counts the active workers of the Pemda that have targets:
	// a Pemda's own active workers, or the total's of those Pemda, so a
	// Pemda without targets does not raise the total's coverage.
	Targeted int64
	Arrears  domain.Rupiah
}

// Coverage is the active workers ÷ the target, invalid without a target.
func (r RollupRow) Coverage() domain.Ratio {
	if !r.HasTarget {
		return domain.Ratio{}
	}
	return domain.Ratio{Num: r.Targeted, Den: r.Target}
}

// Rollup is a period's figures for each Pemda of a user's scope and their
// total, which is the sum of the rows: the roll-up never computes a figure
// the Pemda's own pages would not show.
type Rollup struct {
	Period domain.Period
	Basis  domain.Basis
	Rows   []RollupRow
	Total  RollupRow
}

// add sums r into the total t.
func (t *RollupRow) add(r RollupRow) {
	b := &t.Balance
	b.Contributions += r.Balance.Contributions
	b.Claims += r.Balance.Claims
	b.ContributionsPaid += r.Balance.ContributionsPaid
	b.ClaimsPaid += r.Balance.ClaimsPaid
	b.ClaimsCount += r.Balance.ClaimsCount
	b.ActiveWorkers += r.Balance.ActiveWorkers
	if r.HasTarget {
		t.Target += r.Target
		t.Targeted += r.Targeted
		t.HasTarget = true
	}
	t.Arrears += r.Arrears
}

// RollupSorts are the columns a roll-up sorts by, with the key of each row.
var RollupSorts = map[string]func(RollupRow) int64{
	"contributions": func(r RollupRow) int64 { return int64(r.Balance.Contributions) },
	"claims":        func(r RollupRow) int64 { return int64(r.Balance.Claims) },
	"balance":       func(r RollupRow) int64 { return int64(r.Balance.Saldo()) },
	"ratio":         func(r RollupRow) int64 { return ratioKey(r.Balance.ClaimRatio()) },
	"active":        func(r RollupRow) int64 { return r.Balance.ActiveWorkers },
	"coverage":      func(r RollupRow) int64 { return ratioKey(r.Coverage()) },
	"arrears":       func(r RollupRow) int64 { return int64(r.Arrears) },
}

// ratioKey orders ratios in ten-thousandths, undefined ones first.
func ratioKey(r domain.Ratio) int64 {
	if !r.Valid() {
		return -1
	}
	return r.Num * 10000 / r.Den
}

// Sort orders the rows by a column of RollupSorts (by code otherwise),
// descending when desc; ties keep the order of codes.
func (r *Rollup) Sort(by string, desc bool) {
	key, ok := RollupSorts[by]
	if !ok {
		slices.SortFunc(r.Rows, func(a, b RollupRow) int { return cmp.Compare(a.Pemda, b.Pemda) })
		return
	}
	slices.SortStableFunc(r.Rows, func(a, b RollupRow) int {
		c := cmp.Compare(key(a), key(b))
		if desc {
			c = -c
		}
		return c
	})
}
