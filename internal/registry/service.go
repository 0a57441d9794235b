package registry

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

// Workers returns a page of the workers that match, and how many match.
func (s *Service) Workers(ctx context.Context, pemda string, f WorkerFilter, offset, limit int) ([]WorkerListItem, int64, error) {
	return s.db.workers(ctx, pemda, f, offset, limit)
}

// EachWorkerSpell calls fn for every spell of every matching worker, in the
// list's order and then by start date, without holding them in memory (for
// exports: one row per spell, as the import reads them).
func (s *Service) EachWorkerSpell(ctx context.Context, pemda string, f WorkerFilter, fn func(Worker, Enrollment) error) error {
	return s.db.eachWorkerSpell(ctx, pemda, f, fn)
}

// Viewed records in the audit log that actor opened a worker's personal
// data (UU 27/2022: who looked at which worker); via says where ("halaman",
// "API").
func (s *Service) Viewed(ctx context.Context, actor domain.Actor, wk Worker, via string) error {
	return s.audit.Record(ctx, actor, "read", "worker", wk.ID, "Data peserta "+wk.Name+" dibuka ("+via+")")
}

// Worker returns one worker with their spells, newest first.
func (s *Service) Worker(ctx context.Context, pemda string, id int64) (Worker, error) {
	return s.db.worker(ctx, pemda, id)
}

// WorkerByNIK returns the worker with a NIK, with their spells, newest first.
func (s *Service) WorkerByNIK(ctx context.Context, pemda string, nik domain.NIK) (Worker, error) {
	return s.db.workerByNIK(ctx, pemda, nik)
}

// CreateWorker registers a worker with their spells (at least one) and
// records each in the audit log.
func (s *Service) CreateWorker(ctx context.Context, actor domain.Actor, w Worker) (Worker, error) {
	if !actor.Role.CanEditData() {
		return Worker{}, domain.ErrForbidden
	}
	return s.db.createWorker(ctx, actor, w)
}

// UpdateWorker corrects a worker's details (not their spells); a new
// category or kelurahan carries over to their spells and claims.
func (s *Service) UpdateWorker(ctx context.Context, actor domain.Actor, w Worker) (Worker, error) {
	if !actor.Role.CanEditData() {
		return Worker{}, domain.ErrForbidden
	}
	return s.db.updateWorker(ctx, actor, w)
}

// DeleteWorker removes a worker and their spells, refusing while the worker
// has claims: claims are money paid and stay on record.
func (s *Service) DeleteWorker(ctx context.Context, actor domain.Actor, id int64) error {
	if !actor.Role.CanEditData() {
		return domain.ErrForbidden
	}
	return s.db.deleteWorker(ctx, actor, id)
}

// Enrollment returns one spell and the ID of its worker.
func (s *Service) Enrollment(ctx context.Context, pemda string, id int64) (Enrollment, int64, error) {
	return s.db.enrollment(ctx, pemda, id)
}

// CreateEnrollment adds a spell to a worker.
func (s *Service) CreateEnrollment(ctx context.Context, actor domain.Actor, workerID int64, e Enrollment) (Enrollment, error) {
	if !actor.Role.CanEditData() {
		return Enrollment{}, domain.ErrForbidden
	}
	return s.db.createEnrollment(ctx, actor, workerID, e)
}

// UpdateEnrollment changes a spell's dates and status; ending a spell is
// such a change.
func (s *Service) UpdateEnrollment(ctx context.Context, actor domain.Actor, e Enrollment) (Enrollment, error) {
	if !actor.Role.CanEditData() {
		return Enrollment{}, domain.ErrForbidden
	}
	return s.db.updateEnrollment(ctx, actor, e)
}

// DeleteEnrollment removes a spell entered by mistake and returns its
// worker's ID. A worker's only spell stays: delete the worker instead.
func (s *Service) DeleteEnrollment(ctx context.Context, actor domain.Actor, id int64) (int64, error) {
	if !actor.Role.CanEditData() {
		return 0, domain.ErrForbidden
	}
	return s.db.deleteEnrollment(ctx, actor, id)
}

// History returns the changes of a worker and their spells, or of a spell
// (entity "enrollment"), newest first, at most limit.
func (s *Service) History(ctx context.Context, pemda, entity string, id int64, limit int) ([]audit.Entry, error) {
	child := ""
	if entity == "worker" {
		child = "enrollment"
	}
	return s.audit.History(ctx, pemda, entity, id, limit, child)
}
