package ui

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"time"

	"github.com/a-h/templ"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/pdf"
	"github.com/cilegon/monev/internal/settings"
	"github.com/cilegon/monev/web"
)

// Documents assembles monev reports as documents (letterhead, figures
// frozen or live, approval trail) and prints them: the print views and the
// PDFs. The web pages and the command line print through it.
type Documents struct {
	svc      *laporan.Service
	settings *settings.Service
	auth     *auth.Service
	audit    *audit.Log
	printer  *pdf.Printer
	version  string
	// Now is the clock; tests set it.
	Now func() time.Time
}

// NewDocuments returns the documents of svc, printed to PDF by printer;
// version busts the caches of the print views' assets.
func NewDocuments(svc *laporan.Service, set *settings.Service, accounts *auth.Service, log *audit.Log, printer *pdf.Printer, version string) *Documents {
	return &Documents{svc: svc, settings: set, auth: accounts, audit: log, printer: printer, version: version, Now: time.Now}
}

// Doc makes the document of a report: a final report's frozen
// figures, checked against their checksum and compared with the data as it
// stands (on the same day, so only changed data shows); an earlier
// report's figures as the data stands today.
func (d *Documents) Doc(ctx context.Context, rep laporan.Report, events []laporan.Event) (ReportDoc, error) {
	doc := ReportDoc{Report: rep}
	var err error
	if doc.Letterhead, err = d.settings.Letterhead(ctx, rep.Pemda); err != nil {
		return doc, err
	}
	if doc.Trail, err = d.trail(ctx, rep, events); err != nil {
		return doc, err
	}
	shown, err := d.svc.Shown(ctx, rep, d.Now())
	if err != nil {
		return doc, err
	}
	doc.Figures, doc.Frozen, doc.Changes, doc.Previous = shown.Figures, shown.Frozen, shown.Changes, shown.Previous
	if shown.Tampered != nil {
		doc.Tampered = "isi atau angka laporan yang tersimpan tidak lagi cocok dengan sidik SHA-256 saat ditandatangani (" +
			shown.Tampered.Error() + "). Laporkan kepada administrator."
	}
	return doc, nil
}

// trail says who prepared, reviewed and signed a report, for its approval sheet.
func (d *Documents) trail(ctx context.Context, rep laporan.Report, events []laporan.Event) ([]TrailStep, error) {
	users, err := d.auth.Users(ctx, rep.Pemda)
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
	trail := []TrailStep{{Role: "Disusun oleh"}, {Role: "Direviu dan disetujui oleh"}, {Role: "Ditandatangani oleh"}}
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

// pdfLinks says whether PDFs can be made here, and how to make it possible.
func pdfLinks() PDFLinks {
	if err := pdf.Available(); err != nil {
		return PDFLinks{Note: "Chromium belum terpasang (apt-get install chromium, atau atur MONEV_CHROMIUM ke lokasinya)."}
	}
	return PDFLinks{Available: true}
}

// PDF prints report id, or its one-page summary for the Walikota, to
// PDF as user u sees it: the same page as the print view, loaded in
// headless Chromium in-process (no session, no network),
// with page numbers and the checksum in the footer. The export is written
// to the audit log as actor. It returns the PDF and a file name.
func (d *Documents) PDF(ctx context.Context, u domain.User, actor domain.Actor, id int64, summary bool) ([]byte, string, error) {
	rep, err := d.svc.ReportFor(ctx, u, id)
	if err != nil {
		return nil, "", err
	}
	l, err := d.settings.Letterhead(ctx, u.Pemda)
	if err != nil {
		return nil, "", err
	}
	doc := ReportDoc{Report: rep, Letterhead: l, Frozen: rep.Status == laporan.Final}
	path, name, what := reportPath(id)+"/print", "laporan-monev-"+rep.Period.String()+".pdf", "Laporan diunduh sebagai PDF"
	if summary {
		path, name, what = reportPath(id)+"/summary", "ringkasan-walikota-"+rep.Period.String()+".pdf", "Ringkasan untuk Walikota diunduh sebagai PDF"
	}
	pctx := context.WithValue(httpx.WithUser(ctx, u), pdfKey{}, true)
	out, err := d.printer.PDF(pctx, d.printHandler(), path, pdf.Page{Footer: doc.Footer()})
	if err != nil {
		return nil, "", fmt.Errorf("report %d: %w", id, err)
	}
	if err := d.audit.Record(ctx, actor, "export", "report", id, what+": "+rep.Title); err != nil {
		return nil, "", err
	}
	return out, name, nil
}

// pdfKey marks the context of a page that headless Chromium is printing to
// PDF. Only PDF sets it, in-process; a browser cannot.
type pdfKey struct{}

// printPage is a report's document in the print frame: the whole report,
// or the one-page summary for the Walikota; forPDF leaves out the links
// that only a browser needs.
func (d *Documents) printPage(ctx context.Context, rep laporan.Report, summary, forPDF bool) (frame, page templ.Component, err error) {
	events, err := d.svc.Events(ctx, rep.Pemda, rep.ID)
	if err != nil {
		return nil, nil, err
	}
	doc, err := d.Doc(ctx, rep, events)
	if err != nil {
		return nil, nil, err
	}
	c := web.PrintFrame{Title: rep.Title + " · " + rep.Period.Label(), Version: d.version, ForPDF: forPDF,
		Back: reportPath(rep.ID)}
	suffix, body := ".pdf", ReportPrint(doc)
	if summary {
		suffix, body = "/summary.pdf", ReportSummary(doc)
	}
	if links := pdfLinks(); links.Available {
		c.PDFHref = reportPath(rep.ID) + suffix
	} else {
		c.PDFNote = "PDF: " + links.Note
	}
	return web.Print(c), body, nil
}

// printHandler answers the printing browser: the two print views, as the
// user in the request's context, and the static files, every answer with
// the strict print CSP (no script). Nothing else of the application is
// reachable from it.
func (d *Documents) printHandler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(web.Static, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /reports/{id}/print", func(w http.ResponseWriter, r *http.Request) { d.servePrint(w, r, false) })
	mux.HandleFunc("GET /reports/{id}/summary", func(w http.ResponseWriter, r *http.Request) { d.servePrint(w, r, true) })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", web.PrintCSP(false))
		w.Header().Set("X-Content-Type-Options", "nosniff")
		mux.ServeHTTP(w, r)
	})
}

// servePrint writes a print view for the printing browser.
func (d *Documents) servePrint(w http.ResponseWriter, r *http.Request, summary bool) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	frame, page, err := d.printable(r, summary)
	if err != nil {
		frame, page = web.Bare(web.Frame{Title: "Terjadi kesalahan", Version: d.version}),
			web.Error(web.ErrorProps{Status: http.StatusInternalServerError, Title: "Terjadi kesalahan",
				Message: "Dokumen tidak dapat disusun; silakan coba lagi."})
		w.WriteHeader(http.StatusInternalServerError)
	}
	_ = frame.Render(templ.WithChildren(r.Context(), page), w)
}

// printable is the print page of the report of the path, as the user in the
// request's context may see it.
func (d *Documents) printable(r *http.Request, summary bool) (frame, page templ.Component, err error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, nil, err
	}
	rep, err := d.svc.ReportFor(r.Context(), httpx.User(r), id)
	if err != nil {
		return nil, nil, err
	}
	return d.printPage(r.Context(), rep, summary, true)
}
