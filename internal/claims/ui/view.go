package ui

import (
	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/web/components"
)

// ClaimListProps is the list of claims.
type ClaimListProps struct {
	components.Viewer
	List       components.ListState
	Items      []claims.ClaimListItem
	Totals     claims.ClaimTotals
	Chips      []components.FilterChip
	Notice     string
	Types      []components.Choice
	Statuses   []components.Choice
	Categories []components.Choice
	Kecamatan  []components.Choice
	Kelurahan  []components.OptionGroup
}

// ClaimShowProps is one claim with its history.
type ClaimShowProps struct {
	components.Viewer
	Claim   claims.ClaimListItem
	History []components.HistoryItem
}
