package app

import (
	"context"
	"errors"
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/pdf"
	"github.com/cilegon/monev/web/pages"
)

// loadReport reads the report of the path for the current user. A report
// the user's role may not read (a draft, for pimpinan) is not found.
func (s *App) loadReport(w http.ResponseWriter, r *http.Request) (laporan.Report, bool) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return laporan.Report{}, false
	}
	u := httpx.User(r)
	rep, err := s.laporan.Report(r.Context(), u.Pemda, id)
	if err == nil && !rep.Status.VisibleTo(u.Role) {
		err = domain.ErrNotFound
	}
	if err != nil {
		s.Fail(w, r, err)
		return rep, false
	}
	return rep, true
}

// reportDoc makes the document of a report: a final report's frozen
// figures, checked against their checksum and compared with the data as it
// stands (on the same day, so only changed data shows); an earlier
// report's figures as the data stands today.
func (s *App) reportDoc(ctx context.Context, rep laporan.Report, events []laporan.Event) (pages.ReportDoc, error) {
	doc := pages.ReportDoc{Report: rep}
	var err error
	if doc.Letterhead, err = s.settings.Letterhead(ctx, rep.Pemda); err != nil {
		return doc, err
	}
	if doc.Trail, err = s.reportTrail(ctx, rep, events); err != nil {
		return doc, err
	}
	if rep.Status != laporan.Final {
		doc.Figures, err = s.laporan.Figures(ctx, rep.Pemda, rep.Period, rep.Basis, s.Now())
		return doc, err
	}
	snap, err := laporan.Open(rep)
	switch {
	case errors.Is(err, laporan.ErrTampered):
		doc.Tampered = "isi atau angka laporan yang tersimpan tidak lagi cocok dengan sidik SHA-256 saat ditandatangani (" +
			err.Error() + "). Laporkan kepada administrator."
	case err != nil:
		return doc, err
	}
	doc.Figures, doc.Frozen = snap.Figures, true
	live, err := s.laporan.Figures(ctx, rep.Pemda, rep.Period, rep.Basis, rep.Signature.On)
	doc.Changes = laporan.CompareFigures(snap.Figures, live)
	return doc, err
}

// reportTrail says who prepared, reviewed and signed a report, for its approval sheet.
func (s *App) reportTrail(ctx context.Context, rep laporan.Report, events []laporan.Event) ([]pages.TrailStep, error) {
	users, err := s.auth.Users(ctx, rep.Pemda)
	if err != nil {
		return nil, err
	}
	who := func(username string) string {
		for _, u := range users {
			if u.Username == username {
				return joinNonEmpty(", ", u.DisplayName(), u.Position, u.Institution)
			}
		}
		return username
	}
	var submitted, approved *laporan.Event
	for i, e := range events {
		switch laporan.Step(e.Action) {
		case laporan.StepSubmit:
			submitted = &events[i]
		case laporan.StepApprove:
			approved = &events[i]
		}
	}
	trail := []pages.TrailStep{{Role: "Disusun oleh"}, {Role: "Direviu dan disetujui oleh"}, {Role: "Ditandatangani oleh"}}
	if submitted != nil {
		trail[0].Who, trail[0].On = who(submitted.Username), submitted.At.In(domain.WIB)
	}
	if approved != nil {
		trail[1].Who, trail[1].On = who(approved.Username), approved.At.In(domain.WIB)
	}
	if sig := rep.Signature; sig.Name != "" {
		trail[2].Who, trail[2].On = joinNonEmpty(", ", sig.Name, sig.Position), sig.On
	}
	for i := range trail {
		if trail[i].Who == "" {
			trail[i].Who = "belum"
		}
	}
	return trail, nil
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}

// reportShow is a report's page: status and steps, the document with its
// review threads, and the history.
func (s *App) reportShow(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	ctx, u := r.Context(), httpx.User(r)
	events, err := s.laporan.Events(ctx, u.Pemda, rep.ID)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	doc, err := s.reportDoc(ctx, rep, events)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	comments, err := s.laporan.Comments(ctx, u.Pemda, rep.ID)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	p := pages.ReportShowProps{Doc: doc, Events: events, PDF: pdfLinks(),
		CanEdit:   rep.Status.Editable() && s.Can(r, http.MethodPost, "/reports/{id}"),
		CanDelete: rep.Status == laporan.Draft && s.Can(r, http.MethodPost, "/reports/{id}/delete"),
	}
	for _, st := range rep.Status.Steps(u.Role) {
		if st == laporan.StepSign {
			p.SignHref = reportPath(rep.ID) + "/sign"
			continue
		}
		p.Steps = append(p.Steps, pages.StepAction{Step: st, Action: reportPath(rep.ID) + "/" + string(st),
			Note: st == laporan.StepReturn, Primary: st != laporan.StepReturn})
	}
	if u.Role != domain.RolePimpinan {
		p.Review = &pages.Review{ReportID: rep.ID, Threads: map[string][]laporan.Thread{},
			CanStart:   rep.Status.CanStartThread() && s.Can(r, http.MethodPost, "/reports/{id}/comments"),
			CanReply:   rep.Status.CanReply() && s.Can(r, http.MethodPost, "/reports/{id}/comments/{comment}/replies"),
			CanResolve: rep.Status != laporan.Final && s.Can(r, http.MethodPost, "/reports/{id}/comments/{comment}/resolve")}
		for _, t := range laporan.Threads(comments) {
			p.Review.Threads[t.Section] = append(p.Review.Threads[t.Section], t)
		}
	}
	s.Render(w, r, http.StatusOK, rep.Title, "reports", pages.ReportShow(p))
}

// reportPath is the address of a report's page.
func reportPath(id int64) string { return idPath("/reports", id) }

// pdfLinks says whether PDFs can be made here, and how to make it possible.
func pdfLinks() pages.PDFLinks {
	if err := pdf.Available(); err != nil {
		return pages.PDFLinks{Note: "Chromium belum terpasang (apt-get install chromium, atau atur MONEV_CHROMIUM ke lokasinya)."}
	}
	return pages.PDFLinks{Available: true}
}
