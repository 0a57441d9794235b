package settings

import (
	"context"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// Service reads a Pemda's settings and reference data.
type Service struct{ db *store }

// NewService returns the settings service of db.
func NewService(db *database.DB) *Service { return &Service{db: &store{db}} }

// PemdaName is the display name of a Pemda, e.g. "Kota Cilegon".
func (s *Service) PemdaName(ctx context.Context, code string) (string, error) {
	return s.db.pemdaName(ctx, code)
}

// Letterhead is what the head of a Pemda's documents prints.
func (s *Service) Letterhead(ctx context.Context, pemda string) (Letterhead, error) {
	return s.db.letterhead(ctx, pemda)
}

// Kecamatans lists the kecamatan of a Pemda by code.
func (s *Service) Kecamatans(ctx context.Context, pemda string) ([]domain.Kecamatan, error) {
	return s.db.kecamatans(ctx, pemda)
}

// Kelurahans lists the kelurahan of a Pemda by code, with spelling variants.
func (s *Service) Kelurahans(ctx context.Context, pemda string) ([]domain.Kelurahan, error) {
	return s.db.kelurahans(ctx, pemda)
}

// Categories lists the worker categories of a Pemda in display order.
func (s *Service) Categories(ctx context.Context, pemda string) ([]domain.Category, error) {
	return s.db.categories(ctx, pemda)
}

// Rates returns the Pemda's effective-dated contribution rates.
func (s *Service) Rates(ctx context.Context, pemda string) (domain.RateTable, error) {
	return s.db.rates(ctx, pemda)
}

// Reference returns the categories, kecamatan and kelurahan of a Pemda.
func (s *Service) Reference(ctx context.Context, pemda string) (domain.Reference, error) {
	var ref domain.Reference
	var err error
	if ref.Categories, err = s.db.categories(ctx, pemda); err != nil {
		return ref, err
	}
	if ref.Kecamatan, err = s.db.kecamatans(ctx, pemda); err != nil {
		return ref, err
	}
	ref.Kelurahan, err = s.db.kelurahans(ctx, pemda)
	return ref, err
}

// DueRule returns the Pemda's rule for when a coverage month's iuran is due.
func (s *Service) DueRule(ctx context.Context, pemda string) (domain.DueRule, error) {
	return s.db.dueRule(ctx, pemda)
}

// SetDueRule changes the due-date rule of the actor's Pemda; only an
// administrator may.
func (s *Service) SetDueRule(ctx context.Context, actor domain.Actor, r domain.DueRule) error {
	if actor.Role != domain.RoleAdmin {
		return domain.ErrForbidden
	}
	if err := r.Validate(); err != nil {
		return err
	}
	return s.db.setDueRule(ctx, actor, r)
}
