package claims

import (
	"context"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// Service is the one entry point to the feature's records: the pages, the
// API, the imports and the command line call it. Changes need a role that
// may edit data (domain.ErrForbidden otherwise), run in one transaction and
// are written to the audit log.
type Service struct {
	db    *store
	audit *audit.Log
}

// NewService returns the service of db.
func NewService(db *database.DB) *Service { return &Service{db: &store{db}, audit: audit.New(db)} }

// Viewed records in the audit log that actor opened a claim, with its
// worker's and heir's personal data (UU 27/2022: who looked at whom).
func (s *Service) Viewed(ctx context.Context, actor domain.Actor, id int64, worker string) error {
	return s.audit.Record(ctx, actor, "read", "claim", id, "Data klaim "+worker+" dibuka")
}

// Claims returns a page of the claims that match, and their totals.
func (s *Service) Claims(ctx context.Context, pemda string, f ClaimFilter, offset, limit int) ([]ClaimListItem, ClaimTotals, error) {
	return s.db.claims(ctx, pemda, f, offset, limit)
}

// EachClaim calls fn for every matching claim in the list's order, without
// holding them in memory (for exports).
func (s *Service) EachClaim(ctx context.Context, pemda string, f ClaimFilter, fn func(Claim) error) error {
	return s.db.eachClaim(ctx, pemda, f, fn)
}

// Claim returns one claim with its worker's NIK and name and the names of
// its category and region.
func (s *Service) Claim(ctx context.Context, pemda string, id int64) (ClaimListItem, error) {
	return s.db.claim(ctx, pemda, id)
}

// CreateClaim records a claim of the worker with c.NIK, who must be registered.
func (s *Service) CreateClaim(ctx context.Context, actor domain.Actor, c Claim) (Claim, error) {
	if !actor.Role.CanEditData() {
		return Claim{}, domain.ErrForbidden
	}
	return s.db.createClaim(ctx, actor, c)
}

// UpdateClaim corrects a claim, possibly moving it to another worker (the
// worker of c.NIK; c.WorkerID is not used).
func (s *Service) UpdateClaim(ctx context.Context, actor domain.Actor, c Claim) (Claim, error) {
	if !actor.Role.CanEditData() {
		return Claim{}, domain.ErrForbidden
	}
	return s.db.updateClaim(ctx, actor, c)
}

// DeleteClaim removes a claim entered by mistake.
func (s *Service) DeleteClaim(ctx context.Context, actor domain.Actor, id int64) error {
	if !actor.Role.CanEditData() {
		return domain.ErrForbidden
	}
	return s.db.deleteClaim(ctx, actor, id)
}

// History returns the changes of a record, newest first, at most limit.
func (s *Service) History(ctx context.Context, pemda string, id int64, limit int) ([]audit.Entry, error) {
	return s.audit.History(ctx, pemda, "claim", id, limit, "")
}

// WorkerNIK is the NIK of a registered worker, for a claim form that starts
// from the worker's page.
func (s *Service) WorkerNIK(ctx context.Context, pemda string, workerID int64) (domain.NIK, error) {
	return s.db.workerNIK(ctx, pemda, workerID)
}
