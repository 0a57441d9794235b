package registry

import (
	"context"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// AddCandidate puts a person on the waiting list; Disnaker and admins may.
func (s *Service) AddCandidate(ctx context.Context, actor domain.Actor, c Candidate) (Candidate, error) {
	if !actor.Role.CanEditData() {
		return c, domain.ErrForbidden
	}
	return s.db.addCandidate(ctx, actor, c)
}

// Candidates lists the candidates still waiting in the order they are
// offered (priority, then date proposed), of one category and kelurahan
// when given ("" for all).
func (s *Service) Candidates(ctx context.Context, pemda, category, kelurahan string) ([]Candidate, error) {
	return s.db.candidates(ctx, pemda, category, kelurahan)
}

// Refill gives the quota freed by an ended spell to a waiting candidate of
// the same category and kelurahan, whose coverage starts on start, and
// returns the new worker. A spell still running or already refilled, or a
// candidate already chosen, is domain.ErrConflict.
func (s *Service) Refill(ctx context.Context, actor domain.Actor, freedSpell, candidate int64, start time.Time) (Worker, error) {
	if !actor.Role.CanEditData() {
		return Worker{}, domain.ErrForbidden
	}
	return s.db.refill(ctx, actor, freedSpell, candidate, start)
}

// Replacements lists who replaced whom, newest first; workerID > 0 keeps
// the replacements that worker is part of.
func (s *Service) Replacements(ctx context.Context, pemda string, workerID int64) ([]Replacement, error) {
	return s.db.replacements(ctx, pemda, workerID)
}

// QuotaUse counts per category the workers covered on day against the
// year's target, with the candidates waiting: counts only, for every role.
func (s *Service) QuotaUse(ctx context.Context, pemda string, day time.Time) ([]QuotaUse, error) {
	return s.db.quotaUse(ctx, pemda, day)
}
