package pages

import (
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/postgres"
	"github.com/cilegon/monev/web/components"
)

// Viewer is what a registry page needs to know about who reads it.
type Viewer struct {
	FullNIK bool // the role may see NIKs in full (domain.Role.SeesFullNIK)
	CanEdit bool // the role may add, correct and delete records
}

// NIK shows a NIK in full or masked, as the reader may see it.
func (v Viewer) NIK(n domain.NIK) string {
	if v.FullNIK {
		return string(n)
	}
	return n.Masked()
}

// WorkerListProps is the list of workers.
type WorkerListProps struct {
	Viewer
	List       components.ListState
	Items      []postgres.WorkerListItem
	Chips      []components.FilterChip
	Notice     string
	Categories []components.Choice
	Kecamatan  []components.Choice
	Kelurahan  []components.OptionGroup
	Statuses   []components.Choice
}

// WorkerShowProps is one worker with their spells, claims and history.
type WorkerShowProps struct {
	Viewer
	Worker        domain.Worker
	CategoryName  string
	KelurahanName string
	KecamatanName string
	Latest        *domain.Enrollment // nil without spells
	ActiveToday   bool
	Claims        []postgres.ClaimListItem
	ClaimTotals   postgres.ClaimTotals
	History       []components.HistoryItem
}

// ContributionListProps is the list of contribution payments.
type ContributionListProps struct {
	Viewer
	List   components.ListState
	Items  []domain.Contribution
	Totals postgres.ContributionTotals
	Chips  []components.FilterChip
	Notice string
}

// ContributionShowProps is one payment with its history.
type ContributionShowProps struct {
	Viewer
	Contribution domain.Contribution
	History      []components.HistoryItem
}

// ClaimListProps is the list of claims.
type ClaimListProps struct {
	Viewer
	List       components.ListState
	Items      []postgres.ClaimListItem
	Totals     postgres.ClaimTotals
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
	Viewer
	Claim   postgres.ClaimListItem
	History []components.HistoryItem
}

// Helpers the registry templates call.

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

// claimBadge is the badge class of a claim's status.
func claimBadge(s domain.ClaimStatus) string {
	switch s {
	case domain.ClaimPaid:
		return "badge-surplus"
	case domain.ClaimProcessing:
		return "badge-warn"
	case domain.ClaimRejected:
		return "badge-deficit"
	}
	return "badge-muted"
}

// spellEnd is the end of a spell in words: "17 Jul 2024" or "berjalan".
func spellEnd(e domain.Enrollment) string {
	if e.End == nil {
		return "berjalan"
	}
	return domain.FormatDateShort(*e.End)
}
