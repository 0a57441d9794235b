package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/links"
)

// loadReport reads the report of the path for the current user. A report
// the user's role may not read (a draft, for pimpinan) is not found.
func (s *Handlers) loadReport(w http.ResponseWriter, r *http.Request) (laporan.Report, bool) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return laporan.Report{}, false
	}
	u := httpx.User(r)
	rep, err := s.svc.Report(r.Context(), u.Pemda, id)
	if err == nil && !rep.Status.VisibleTo(u.Role) {
		err = domain.ErrNotFound
	}
	if err != nil {
		s.Fail(w, r, err)
		return rep, false
	}
	return rep, true
}

// reportShow is a report's page: status and steps, the document with its
// review threads, and the history.
func (s *Handlers) reportShow(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	ctx, u := r.Context(), httpx.User(r)
	events, err := s.svc.Events(ctx, u.Pemda, rep.ID)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	doc, err := s.docs.Doc(ctx, rep, events)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	comments, err := s.svc.Comments(ctx, u.Pemda, rep.ID)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	p := ReportShowProps{Doc: doc, Events: events, PDF: pdfLinks(),
		CanEdit:   rep.Status.Editable() && s.Can(r, http.MethodPost, "/reports/{id}"),
		CanDelete: rep.Status == laporan.Draft && s.Can(r, http.MethodPost, "/reports/{id}/delete"),
	}
	for _, st := range rep.Status.Steps(u.Role) {
		if st == laporan.StepSign {
			p.SignHref = reportPath(rep.ID) + "/sign"
			continue
		}
		p.Steps = append(p.Steps, StepAction{Step: st, Action: reportPath(rep.ID) + "/" + string(st),
			Note: st == laporan.StepReturn, Primary: st != laporan.StepReturn})
	}
	if u.Role != domain.RolePimpinan {
		p.Review = &Review{ReportID: rep.ID, Threads: map[string][]laporan.Thread{},
			CanStart:   rep.Status.CanStartThread() && s.Can(r, http.MethodPost, "/reports/{id}/comments"),
			CanReply:   rep.Status.CanReply() && s.Can(r, http.MethodPost, "/reports/{id}/comments/{comment}/replies"),
			CanResolve: rep.Status.CanReply() && s.Can(r, http.MethodPost, "/reports/{id}/comments/{comment}/resolve")}
		for _, t := range laporan.Threads(comments) {
			p.Review.Threads[t.Section] = append(p.Review.Threads[t.Section], t)
		}
	}
	s.Render(w, r, http.StatusOK, rep.Title, "reports", ReportShow(p))
}

// reportPath is the address of a report's page.
func reportPath(id int64) string { return links.Report(id, "") }
