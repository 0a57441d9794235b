package contributions

import (
	"context"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/settings"
)

// Service is the one entry point to the feature's records: the pages, the
// API, the imports and the command line call it. Changes need a role that
// may edit data (domain.ErrForbidden otherwise), run in one transaction and
// are written to the audit log.
type Service struct {
	db       *store
	audit    *audit.Log
	settings *settings.Service
}

// NewService returns the service of db; it reads rates and the due-date
// rule through set.
func NewService(db *database.DB, set *settings.Service) *Service {
	return &Service{db: &store{db}, audit: audit.New(db), settings: set}
}

// Contributions returns a page of the payments that match, and their totals.
func (s *Service) Contributions(ctx context.Context, pemda string, f ContributionFilter, offset, limit int) ([]Contribution, ContributionTotals, error) {
	return s.db.contributions(ctx, pemda, f, offset, limit)
}

// EachContribution calls fn for every matching payment in the list's order,
// without holding them in memory (for exports).
func (s *Service) EachContribution(ctx context.Context, pemda string, f ContributionFilter, fn func(Contribution) error) error {
	return s.db.eachContribution(ctx, pemda, f, fn)
}

// Contribution returns one payment.
func (s *Service) Contribution(ctx context.Context, pemda string, id int64) (Contribution, error) {
	return s.db.contribution(ctx, pemda, id)
}

// CreateContribution records a payment.
func (s *Service) CreateContribution(ctx context.Context, actor domain.Actor, c Contribution) (Contribution, error) {
	if !actor.Role.CanEditData() {
		return Contribution{}, domain.ErrForbidden
	}
	return s.db.createContribution(ctx, actor, c)
}

// UpdateContribution corrects a payment.
func (s *Service) UpdateContribution(ctx context.Context, actor domain.Actor, c Contribution) (Contribution, error) {
	if !actor.Role.CanEditData() {
		return Contribution{}, domain.ErrForbidden
	}
	return s.db.updateContribution(ctx, actor, c)
}

// DeleteContribution removes a payment entered by mistake.
func (s *Service) DeleteContribution(ctx context.Context, actor domain.Actor, id int64) error {
	if !actor.Role.CanEditData() {
		return domain.ErrForbidden
	}
	return s.db.deleteContribution(ctx, actor, id)
}

// History returns the changes of a record, newest first, at most limit.
func (s *Service) History(ctx context.Context, pemda string, id int64, limit int) ([]audit.Entry, error) {
	return s.audit.History(ctx, pemda, "contribution", id, limit, "")
}
