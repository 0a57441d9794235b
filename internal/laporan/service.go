package laporan

import (
	"context"
	"errors"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// Figures assembles every figure of a report for period p on a basis, as
// the data stands now and with payment states and the pagu in force judged
// on day asOf: the balance with its monthly series and claims by type, the
// billing reconciliation, the budget and the coverage with UCJ.
func (s *Service) Figures(ctx context.Context, pemda string, p domain.Period, basis domain.Basis, asOf time.Time) (Figures, error) {
	in := FigureInputs{Period: p, Basis: basis, AsOf: asOf}
	var err error
	if in.Balance, err = s.analysis.BalanceView(ctx, pemda, p, basis, SeriesGranularity(p)); err != nil {
		return Figures{}, err
	}
	if in.Recon, err = s.analysis.Billing(ctx, pemda, p, asOf); err != nil {
		return Figures{}, err
	}
	if in.Budget, err = s.analysis.BudgetView(ctx, pemda, p.To.Year(), p.To, asOf); err != nil {
		return Figures{}, err
	}
	if in.Coverage, err = s.analysis.CoverageView(ctx, pemda, p, ""); err != nil {
		return Figures{}, err
	}
	return NewFigures(in), nil
}

// Service is the one entry point to monev reports: writing, the review and
// sign-off workflow, and the figures a report shows and freezes. The web
// pages, the API and the command line call it.
type Service struct {
	db       *store
	analysis *analysis.Service
	audit    *audit.Log
}

// NewService returns the report service of db, whose figures come from an.
func NewService(db *database.DB, an *analysis.Service) *Service {
	return &Service{db: &store{db}, analysis: an, audit: audit.New(db)}
}

// Report returns a report of a Pemda.
func (s *Service) Report(ctx context.Context, pemda string, id int64) (Report, error) {
	return s.db.report(ctx, pemda, id)
}

// ReportFor returns a report as a user may see it: pimpinan sees only final
// reports, any other is domain.ErrNotFound to them.
func (s *Service) ReportFor(ctx context.Context, u domain.User, id int64) (Report, error) {
	r, err := s.db.report(ctx, u.Pemda, id)
	if err == nil && !r.Status.VisibleTo(u.Role) {
		err = domain.ErrNotFound
	}
	return r, err
}

// Reports lists a Pemda's reports, newest first, of the given statuses (all
// when none is given).
func (s *Service) Reports(ctx context.Context, pemda string, statuses ...Status) ([]Summary, error) {
	return s.db.reports(ctx, pemda, statuses...)
}

// Create writes a new draft report and returns its id.
func (s *Service) Create(ctx context.Context, ch Change, c Content) (int64, error) {
	if !ch.Actor.Role.CanEditData() {
		return 0, domain.ErrForbidden
	}
	return s.db.createReport(ctx, ch, c)
}

// Update saves the content of a draft or returned report.
func (s *Service) Update(ctx context.Context, ch Change, id int64, c Content) error {
	if !ch.Actor.Role.CanEditData() {
		return domain.ErrForbidden
	}
	return s.db.updateReport(ctx, ch, id, c)
}

// SetBudget attaches next year's budget recommendation to a report, or
// removes it (nil).
func (s *Service) SetBudget(ctx context.Context, ch Change, id int64, b *BudgetScenario) error {
	if !ch.Actor.Role.CanEditData() {
		return domain.ErrForbidden
	}
	return s.db.setReportBudget(ctx, ch, id, b)
}

// Delete removes a draft report of the actor's Pemda.
func (s *Service) Delete(ctx context.Context, actor domain.Actor, id int64) error {
	if !actor.Role.CanEditData() {
		return domain.ErrForbidden
	}
	return s.db.deleteReport(ctx, actor, id)
}

// Step takes a workflow step other than signing (submit, review, return,
// approve) and returns the new status. A role the step is not for gives
// ErrStepNotAllowed, a step that does not fit the status domain.ErrConflict;
// a report submitted without what reviewers need gives domain.FieldErrors.
func (s *Service) Step(ctx context.Context, ch Change, id int64, step Step) (Status, error) {
	return s.db.stepReport(ctx, ch, id, step)
}

// Sign makes an approved report final as signer, at place on a day written
// as the signer typed it: it checks the signer and the form (problems are a
// *SignRefusal), computes every figure as the data stands on the
// signing day, freezes them with the checksum it returns, and records the
// signature. A report no longer waiting for its signature is
// domain.ErrConflict.
func (s *Service) Sign(ctx context.Context, ch Change, signer domain.User, id int64, place, day string, confirmed bool) (string, error) {
	r, err := s.db.report(ctx, ch.Actor.Pemda, id)
	if err != nil {
		return "", err
	}
	errs := domain.FieldErrors{}
	if place == "" {
		errs.Add("place", "tempat penandatanganan belum diisi")
	}
	on, err := domain.ParseDate(day)
	if err != nil {
		errs.Add("date", err.Error())
	} else if on.Before(r.Period.From.First()) || on.After(ch.now().AddDate(0, 0, 1)) {
		errs.Add("date", "tanggal harus sesudah awal periode laporan dan tidak di masa depan")
	}
	if !confirmed {
		errs.Add("confirm", "centang pernyataan ini untuk menandatangani")
	}
	if serr := CanSign(signer); serr != nil || len(errs) > 0 {
		return "", &SignRefusal{Fields: errs, Signer: serr}
	}
	r.Signature = Signature{UserID: signer.ID, Name: signer.DisplayName(), Position: signer.Position, Rank: signer.Rank,
		NIP: signer.NIP, Place: place, On: on}
	f, err := s.Figures(ctx, r.Pemda, r.Period, r.Basis, on)
	if err != nil {
		return "", err
	}
	prev, err := s.Carried(ctx, r, on)
	if err != nil {
		return "", err
	}
	snap, sum, err := Freeze(r, f, prev)
	if err != nil {
		return "", err
	}
	return sum, s.db.signReport(ctx, ch, r.ID, r.Signature, snap, sum)
}

// Events is a report's history, oldest first.
func (s *Service) Events(ctx context.Context, pemda string, id int64) ([]Event, error) {
	return s.db.reportEvents(ctx, pemda, id)
}

// AddComment opens a review thread on a section of a report, or replies in
// one, and returns the comment's id.
func (s *Service) AddComment(ctx context.Context, ch Change, c Comment) (int64, error) {
	return s.db.addReportComment(ctx, ch, c)
}

// ResolveComment marks a review thread settled.
func (s *Service) ResolveComment(ctx context.Context, actor domain.Actor, reportID, commentID int64) error {
	return s.db.resolveReportComment(ctx, actor, reportID, commentID)
}

// Comments lists a report's review comments, oldest first.
func (s *Service) Comments(ctx context.Context, pemda string, reportID int64) ([]Comment, error) {
	return s.db.reportComments(ctx, pemda, reportID)
}

// SignRefusal is why a signature was refused: problems with the form by
// field, and what the signer's account lacks (CanSign's error), if anything.
type SignRefusal struct {
	Fields domain.FieldErrors
	Signer error
}

// Error describes the refusal.
func (e *SignRefusal) Error() string {
	if e.Signer != nil {
		return "laporan: signer: " + e.Signer.Error()
	}
	return "laporan: sign: " + e.Fields.Error()
}

// Shown is the figures a report shows: for a final report those frozen at
// signing, checked against their checksum, with what has changed in the
// data since; for any other report the figures as the data stands.
type Shown struct {
	Figures  Figures
	Frozen   bool
	Tampered error // ErrTampered when the stored snapshot fails its checksum
	Changes  []FigureChange
	Previous *Carried // the previous meeting's follow-ups, frozen once signed; nil for none
}

// Shown returns the figures report r shows on day today.
func (s *Service) Shown(ctx context.Context, r Report, today time.Time) (Shown, error) {
	var sh Shown
	var err error
	if r.Status != Final {
		if sh.Previous, err = s.Carried(ctx, r, today); err != nil {
			return sh, err
		}
		sh.Figures, err = s.Figures(ctx, r.Pemda, r.Period, r.Basis, today)
		return sh, err
	}
	snap, err := Open(r)
	switch {
	case errors.Is(err, ErrTampered):
		sh.Tampered = err
	case err != nil:
		return sh, err
	}
	sh.Figures, sh.Frozen, sh.Previous = snap.Figures, true, snap.Previous
	live, err := s.Figures(ctx, r.Pemda, r.Period, r.Basis, r.Signature.On)
	sh.Changes = CompareFigures(snap.Figures, live)
	return sh, err
}
