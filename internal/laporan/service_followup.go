package laporan

import (
	"context"
	"fmt"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// FollowUps lists the follow-up items user u may read, on day asOf (for
// the overdue filter): pimpinan those of signed reports, the others those
// of every report.
func (s *Service) FollowUps(ctx context.Context, u domain.User, f FollowUpFilter, asOf time.Time) ([]FollowUpItem, error) {
	return s.db.followUps(ctx, u.Pemda, f, domain.Date(asOf.Date()), !Draft.VisibleTo(u.Role))
}

// OverdueFor lists the open items overdue on day asOf that concern user u:
// every one for admin, disnaker and pimpinan (signed reports' for pimpinan),
// those bpjs may update for bpjs. The dashboard shows them.
func (s *Service) OverdueFor(ctx context.Context, u domain.User, asOf time.Time) ([]FollowUpItem, error) {
	items, err := s.FollowUps(ctx, u, FollowUpFilter{Scope: ScopeOpen, Overdue: true}, asOf)
	if err != nil || u.Role != domain.RoleBPJS {
		return items, err
	}
	actor := domain.ActorFor(u, "", "")
	var mine []FollowUpItem
	for _, it := range items {
		if CanUpdateFollowUp(actor, it.FollowUp) {
			mine = append(mine, it)
		}
	}
	return mine, nil
}

// FollowUpsDue lists a Pemda's open follow-up items, of reports in any
// status, that are overdue on day asOf or due within the 7 days after it,
// earliest first; Overdue(asOf) tells the two apart. It authorises no one:
// it is for reminders sent by the system, which choose the recipients
// from each item's OwnerKind and OwnerUserID.
func (s *Service) FollowUpsDue(ctx context.Context, pemda string, asOf time.Time) ([]FollowUpItem, error) {
	return s.db.followUpsDue(ctx, pemda, domain.Date(asOf.Date()).AddDate(0, 0, 7))
}

// FollowUp returns one item with its history as user u may see it: an item
// of an unsigned report is domain.ErrNotFound to pimpinan.
func (s *Service) FollowUp(ctx context.Context, u domain.User, id int64) (FollowUpItem, []FollowUpNote, error) {
	item, notes, err := s.db.followUp(ctx, u.Pemda, id)
	if err == nil && !item.ReportStatus.VisibleTo(u.Role) {
		return FollowUpItem{}, nil, domain.ErrNotFound
	}
	return item, notes, err
}

// UpdateFollowUp records a change of item id's status, or a note on it, with
// its evidence, on the day the change gives; it checks the change against
// the day today (domain.FieldErrors) and the actor (domain.ErrForbidden
// unless CanUpdateFollowUp), and writes the audit entry in the same transaction.
func (s *Service) UpdateFollowUp(ctx context.Context, ch Change, id int64, c StatusChange, today time.Time) error {
	if !ch.Actor.Role.CanEditData() && ch.Actor.Role != domain.RoleBPJS {
		return domain.ErrForbidden
	}
	if err := c.Validate(today); err != nil {
		return err
	}
	return s.db.updateFollowUp(ctx, ch, id, c, func(f FollowUp) error {
		if !CanUpdateFollowUp(ch.Actor, f) {
			return domain.ErrForbidden
		}
		return nil
	})
}

// Evidence returns an evidence file as user u (acting as actor) may
// download it, and writes the download to the audit log.
func (s *Service) Evidence(ctx context.Context, u domain.User, actor domain.Actor, noteID int64) (Evidence, error) {
	e, item, err := s.db.evidence(ctx, u.Pemda, noteID)
	if err != nil {
		return e, err
	}
	if _, _, err := s.FollowUp(ctx, u, item); err != nil {
		return Evidence{}, err
	}
	return e, s.audit.Record(ctx, actor, "download", "followup_note", noteID,
		fmt.Sprintf("Bukti tindak lanjut %q diunduh (butir %d)", e.Name, item))
}

// Carried returns the status of the previous meeting's follow-up items as
// report r shows it: frozen in the snapshot of a final report (nil for one
// signed before it was kept), read now for the others; nil when the Pemda
// has no earlier signed report.
func (s *Service) Carried(ctx context.Context, r Report, today time.Time) (*Carried, error) {
	finals, err := s.db.reports(ctx, r.Pemda, Final)
	if err != nil {
		return nil, err
	}
	prev, ok := previousOf(r, finals)
	if !ok {
		return nil, nil
	}
	p, err := s.db.report(ctx, r.Pemda, prev.ID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(p.Actions))
	for i, a := range p.Actions {
		ids[i] = a.ID
	}
	notes, err := s.db.notes(ctx, r.Pemda, ids)
	if err != nil {
		return nil, err
	}
	latest := map[int64]FollowUpNote{}
	for _, n := range notes {
		latest[n.FollowUpID] = n // oldest first, so the last one stays
	}
	c := &Carried{ReportID: p.ID, Title: p.Title, MeetingOn: isoDate(p.Meeting.On), AsOf: isoDate(today), Items: []CarriedItem{}}
	for _, a := range p.Actions {
		it := CarriedItem{ID: a.ID, Action: a.Action, Owner: a.OwnerLabel(), Due: isoDate(a.Due), Status: a.Status}
		if n, ok := latest[a.ID]; ok {
			it.Note, it.NoteOn = n.Note, isoDate(n.On)
		}
		c.Items = append(c.Items, it)
	}
	return c, nil
}
