package app

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"

	"github.com/a-h/templ"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/pdf"
	"github.com/cilegon/monev/web"
	"github.com/cilegon/monev/web/pages"
)

// pdfKey marks the context of a page that headless Chromium is printing to
// PDF. Only the PDF handlers set it, in-process; a browser cannot.
type pdfKey struct{}

// forPDF reports whether the request is the PDF printer's.
func forPDF(r *http.Request) bool { return r.Context().Value(pdfKey{}) != nil }

// reportPrint is the whole report in the print layout, for the browser's
// print dialog (and for the PDF printer). Printing is audited.
func (s *App) reportPrint(w http.ResponseWriter, r *http.Request) {
	s.printView(w, r, "Laporan dicetak (tampilan cetak)", pages.ReportPrint, ".pdf")
}

// reportSummary is the one-page Ringkasan untuk Walikota.
func (s *App) reportSummary(w http.ResponseWriter, r *http.Request) {
	s.printView(w, r, "Ringkasan untuk Walikota dicetak", pages.ReportSummary, "/summary.pdf")
}

// printView renders a report's document in the print frame and records
// the print in the audit log (the PDF handlers record their own export).
func (s *App) printView(w http.ResponseWriter, r *http.Request, what string, page func(pages.ReportDoc) templ.Component, pdfSuffix string) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	events, err := s.laporan.Events(r.Context(), rep.Pemda, rep.ID)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	doc, err := s.reportDoc(r.Context(), rep, events)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	c := web.PrintFrame{Title: rep.Title + " · " + rep.Period.Label(), Version: s.cfg.Version, ForPDF: forPDF(r),
		Back: reportPath(rep.ID)}
	if links := pdfLinks(); links.Available {
		c.PDFHref = reportPath(rep.ID) + pdfSuffix
	} else {
		c.PDFNote = "PDF: " + links.Note
	}
	if !c.ForPDF {
		if err := s.audit.Record(r.Context(), s.Actor(r), "print", "report", rep.ID, what+": "+rep.Title); err != nil {
			s.Fail(w, r, err)
			return
		}
	}
	s.WritePage(w, r, http.StatusOK, web.Print(c), page(doc))
}

// reportPDF is the whole report as PDF.
func (s *App) reportPDF(w http.ResponseWriter, r *http.Request) {
	s.servePDF(w, r, false)
}

// reportSummaryPDF is the Ringkasan untuk Walikota as PDF.
func (s *App) reportSummaryPDF(w http.ResponseWriter, r *http.Request) {
	s.servePDF(w, r, true)
}

// servePDF prints a report to PDF in headless Chromium and sends it as a
// download; without Chromium it explains how to install it.
func (s *App) servePDF(w http.ResponseWriter, r *http.Request, summary bool) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	if err := pdf.Available(); err != nil {
		s.renderNoChromium(w, r, id)
		return
	}
	pdf, name, err := s.ReportPDF(r.Context(), httpx.User(r), s.Actor(r), id, summary)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(len(pdf)))
	_, _ = w.Write(pdf)
}

// renderNoChromium says why there is no PDF and how to print anyway.
func (s *App) renderNoChromium(w http.ResponseWriter, r *http.Request, id int64) {
	s.Render(w, r, http.StatusServiceUnavailable, "PDF belum tersedia", "reports", web.Error(web.ErrorProps{
		Status: http.StatusServiceUnavailable, Title: "PDF belum dapat dibuat",
		Message: "Server ini belum memiliki Chromium untuk mencetak PDF (apt-get install chromium, atau atur MONEV_CHROMIUM). " +
			"Laporan tetap dapat dicetak dari tampilan cetak dengan Ctrl+P.",
		Back: reportPath(id) + "/print"}))
}

// ReportPDF prints report id, or its one-page summary for the Walikota, to
// PDF as user u sees it: the same page as the print view, loaded in
// headless Chromium from this server in-process (no session, no network),
// with page numbers and the checksum in the footer. The export is written
// to the audit log as actor. It returns the PDF and a file name.
func (s *App) ReportPDF(ctx context.Context, u domain.User, actor domain.Actor, id int64, summary bool) ([]byte, string, error) {
	rep, err := s.laporan.Report(ctx, u.Pemda, id)
	if err == nil && !rep.Status.VisibleTo(u.Role) {
		err = domain.ErrNotFound
	}
	if err != nil {
		return nil, "", err
	}
	l, err := s.settings.Letterhead(ctx, u.Pemda)
	if err != nil {
		return nil, "", err
	}
	doc := pages.ReportDoc{Report: rep, Letterhead: l, Frozen: rep.Status == laporan.Final}
	path, name, what := reportPath(id)+"/print", "laporan-monev-"+rep.Period.String()+".pdf", "Laporan diunduh sebagai PDF"
	if summary {
		path, name, what = reportPath(id)+"/summary", "ringkasan-walikota-"+rep.Period.String()+".pdf", "Ringkasan untuk Walikota diunduh sebagai PDF"
	}
	pctx := context.WithValue(httpx.WithUser(ctx, u), pdfKey{}, true)
	out, err := s.printer.PDF(pctx, s.printHandler(), path, pdf.Page{Footer: doc.Footer()})
	if err != nil {
		return nil, "", fmt.Errorf("report %d: %w", id, err)
	}
	if err := s.audit.Record(ctx, actor, "export", "report", id, what+": "+rep.Title); err != nil {
		return nil, "", err
	}
	return out, name, nil
}

// Close stops what the server starts besides serving: the browser of the
// PDF printer. Run closes it on shutdown; a command that only prints calls it.
func (s *App) Close() { s.printer.Close() }

// printHandler answers the printing browser: the two print views, as the
// user in the request's context, and the static files. Nothing else of
// the application is reachable from it.
func (s *App) printHandler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(web.Static, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /reports/{id}/print", s.reportPrint)
	mux.HandleFunc("GET /reports/{id}/summary", s.reportSummary)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	// An empty session, so that an error page renders as it does for a browser.
	return s.Sessions.LoadAndSave(mux)
}
