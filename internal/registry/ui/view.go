package ui

import (
	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/web/components"
)

// WorkerListProps is the list of workers.
type WorkerListProps struct {
	components.Viewer
	List       components.ListState
	Items      []registry.WorkerListItem
	Chips      []components.FilterChip
	Notice     string
	Categories []components.Choice
	Kecamatan  []components.Choice
	Kelurahan  []components.OptionGroup
	Statuses   []components.Choice
}

// WorkerShowProps is one worker with their spells, claims and history.
type WorkerShowProps struct {
	components.Viewer
	Worker        registry.Worker
	CategoryName  string
	KelurahanName string
	KecamatanName string
	Latest        *registry.Enrollment // nil without spells
	ActiveToday   bool
	Claims        []claims.ClaimListItem
	ClaimTotals   claims.ClaimTotals
	History       []components.HistoryItem
	Refill        RefillProps
}

// enrollmentBadge is the badge class of a spell's status.
func enrollmentBadge(s domain.EnrollmentStatus) string {
	switch s {
	case domain.StatusActive:
		return "badge-surplus"
	case domain.StatusDeceased:
		return "badge-dark"
	}
	return "badge-muted"
}

// spellEnd is the end of a spell in words: "17 Jul 2024" or "berjalan".
func spellEnd(e registry.Enrollment) string {
	if e.End == nil {
		return "berjalan"
	}
	return domain.FormatDateShort(*e.End)
}
