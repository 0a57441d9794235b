package ui

import (
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/web/components"
)

// ContributionListProps is the list of contribution payments.
type ContributionListProps struct {
	components.Viewer
	List   components.ListState
	Items  []contributions.Contribution
	Totals contributions.ContributionTotals
	Chips  []components.FilterChip
	Notice string
}

// ContributionShowProps is one payment with its history.
type ContributionShowProps struct {
	components.Viewer
	Contribution contributions.Contribution
	History      []components.HistoryItem
}
