package quality

import (
	"context"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/settings"

	"github.com/cilegon/monev/internal/platform/database"
)

// Service runs the data-quality checks; the web pages, the API and the demo
// read the findings through it.
type Service struct {
	db       *store
	settings *settings.Service
}

// NewService returns the service of the checks on db; the benefit rules
// come from set.
func NewService(db *database.DB, set *settings.Service) *Service {
	return &Service{db: &store{db}, settings: set}
}

// Benefits returns the Pemda's benefit rules, which the benefit-amount check
// compares claims with.
func (s *Service) Benefits(ctx context.Context, pemda string) (domain.BenefitTable, error) {
	return s.settings.Benefits(ctx, pemda)
}

// Summary runs every check for a Pemda and returns, in Checks order, each
// one's count and first findings, at most limit (0 for counts only).
func (s *Service) Summary(ctx context.Context, pemda string, limit int) ([]Result, error) {
	benefits, err := s.settings.Benefits(ctx, pemda)
	if err != nil {
		return nil, err
	}
	return s.db.summary(ctx, pemda, benefits, limit)
}

// Check runs one check for a Pemda: the number of findings and those from
// offset, at most limit.
func (s *Service) Check(ctx context.Context, pemda string, check Check, offset, limit int) (Result, error) {
	benefits, err := s.settings.Benefits(ctx, pemda)
	if err != nil {
		return Result{}, err
	}
	return s.db.check(ctx, pemda, benefits, check, offset, limit)
}

// DoubleFunding finds the NIKs covered by two or more of the Pemda (stored
// codes: the user's scope) in the same months of the period, by NIK.
func (s *Service) DoubleFunding(ctx context.Context, pemdas []string, p domain.Period) ([]DoubleFunding, error) {
	if len(pemdas) < 2 {
		return nil, nil
	}
	return s.db.doubleFunding(ctx, pemdas, p)
}
