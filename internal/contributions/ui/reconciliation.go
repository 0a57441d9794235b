package ui

import (
	"fmt"
	"io/fs"
	"net/http"
	"strings"

	"github.com/a-h/templ"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/pdf"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/web"
	"github.com/cilegon/monev/web/components"
	"github.com/cilegon/monev/web/links"
)

// findingsPerPage is how many findings the reconciliation page shows at a time.
const findingsPerPage = 100

// reconciliationQuery reads the month and kind of a reconciliation address.
func reconciliationQuery(r *http.Request) (domain.Month, contributions.ReconKind, error) {
	m, err := monthOf(r)
	if err != nil {
		return m, "", err
	}
	kind, err := contributions.ParseReconKind(r.URL.Query().Get("kind"))
	return m, kind, err
}

// reconciliation is the per-worker reconciliation of a month: the tally of
// every kind and the findings of the kind asked for.
func (s *Handlers) reconciliation(w http.ResponseWriter, r *http.Request) {
	m, kind, err := reconciliationQuery(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	page := httpx.PageNumber(r)
	rc, err := s.svc.Reconciliation(r.Context(), httpx.User(r).Pemda, m, kind, (page-1)*findingsPerPage, findingsPerPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	shown := rc.Lines() + rc.Tally(contributions.RegisteredNotBilled).Count
	if kind != "" {
		shown = rc.Tally(kind).Count
	}
	p := ReconciliationProps{Viewer: records.Viewer(s.Site, r, "/contributions"), Recon: rc, Kind: kind,
		Paging: components.Paging{Page: page, Pages: int((shown + findingsPerPage - 1) / findingsPerPage),
			Href: func(n int) string { return pageHref(r, n) }},
		PDF: pdf.Available() == nil}
	s.Render(w, r, http.StatusOK, "Rekonsiliasi "+m.Label(), "contributions", ReconciliationPage(p))
}

// reconciliationExport writes the findings of a month (of one kind, or all) as CSV or XLSX.
func (s *Handlers) reconciliationExport(w http.ResponseWriter, r *http.Request) {
	m, kind, err := reconciliationQuery(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	t := records.Table{File: "rekonsiliasi-" + m.String(), Title: "Rekonsiliasi tagihan " + m.Label(),
		Header: []string{"temuan", "kode_temuan", "nama", "nik", "no_kpj", "no_tagihan", "baris", "ditagih", "seharusnya", "selisih"}}
	if kind != "" {
		t.File += "-" + string(kind)
	}
	full := httpx.User(r).Role.SeesFullNIK()
	err = s.svc.EachFinding(r.Context(), httpx.User(r).Pemda, m, kind, func(f contributions.Finding) error {
		nik := string(f.NIK)
		if !full {
			nik = f.NIK.Masked()
		}
		var line any
		if f.Line > 0 {
			line = f.Line
		}
		t.Rows = append(t.Rows, []any{f.Kind.Label(), string(f.Kind), f.Name, nik, f.KPJ, f.BillNo, line, f.Billed, f.Expected, f.Difference()})
		return nil
	})
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	records.ExportTable(s.Site, s.audit, w, r, http.StatusOK, "bill", t)
}

// beritaAcara is the berita acara rekonsiliasi of a month as the user of
// r may see it: letterhead, the month's figures, the tally and every
// finding that is not a match.
func (s *Handlers) beritaAcara(r *http.Request, m domain.Month) (BeritaAcaraProps, error) {
	ctx, u := r.Context(), httpx.User(r)
	p := BeritaAcaraProps{FullNIK: u.Role.SeesFullNIK()}
	p.Printed, _ = contributions.AsOf("", s.Now())
	var err error
	if p.Letterhead, err = s.settings.Letterhead(ctx, u.Pemda); err != nil {
		return p, err
	}
	months, err := s.svc.BillingMonths(ctx, u.Pemda, m, m, p.Printed)
	if err != nil {
		return p, err
	}
	p.Month = months[0]
	if p.Recon, err = s.svc.Reconciliation(ctx, u.Pemda, m, "", 0, 0); err != nil {
		return p, err
	}
	err = s.svc.EachFinding(ctx, u.Pemda, m, "", func(f contributions.Finding) error {
		if f.Kind != contributions.Matched {
			p.Findings = append(p.Findings, f)
		}
		return nil
	})
	return p, err
}

// beritaAcaraPage is the berita acara of month m in the print frame;
// forPDF leaves out what only a browser needs.
func (s *Handlers) beritaAcaraPage(r *http.Request, m domain.Month, forPDF bool) (frame, page templ.Component, err error) {
	p, err := s.beritaAcara(r, m)
	if err != nil {
		return nil, nil, err
	}
	back := links.ReconciliationHref(m, "")
	c := web.PrintFrame{Title: "Berita acara rekonsiliasi " + m.Label(), Version: s.Config.Version, ForPDF: forPDF,
		Back: back, BackLabel: "Kembali ke rekonsiliasi"}
	if pdf.Available() == nil {
		c.PDFHref = back + "/berita-acara.pdf"
	}
	return web.Print(c), BeritaAcara(p), nil
}

// reconciliationPrint is the berita acara rekonsiliasi of a month, to print
// on A4 and sign; the print is recorded in the audit log.
func (s *Handlers) reconciliationPrint(w http.ResponseWriter, r *http.Request) {
	m, err := monthOf(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	frame, page, err := s.beritaAcaraPage(r, m, false)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if err := s.audit.Record(r.Context(), s.Actor(r), "print", "bill", m.String(), "Berita acara rekonsiliasi "+m.Label()+" dicetak"); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.WritePage(w, r, http.StatusOK, frame, page)
}

// reconciliationPDF prints the berita acara to PDF in headless Chromium.
func (s *Handlers) reconciliationPDF(w http.ResponseWriter, r *http.Request) {
	m, err := monthOf(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if err := pdf.Available(); err != nil {
		s.Fail(w, r, err)
		return
	}
	path := links.ReconciliationHref(m, "") + "/print"
	out, err := s.printer.PDF(r.Context(), s.printHandler(), path, pdf.Page{Footer: "Berita acara rekonsiliasi tagihan " + m.Label()})
	if err != nil {
		s.Fail(w, r, fmt.Errorf("berita acara %s: %w", m, err))
		return
	}
	if err := s.audit.Record(r.Context(), s.Actor(r), "export", "bill", m.String(), "Berita acara rekonsiliasi "+m.Label()+" diunduh sebagai PDF"); err != nil {
		s.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="berita-acara-rekonsiliasi-`+m.String()+`.pdf"`)
	_, _ = w.Write(out)
}

// printHandler answers the printing browser: the berita acara, as the user
// in the request's context, and the static files; nothing else.
func (s *Handlers) printHandler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(web.Static, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /billing/{month}/reconciliation/print", func(w http.ResponseWriter, r *http.Request) {
		m, err := monthOf(r)
		var frame, page templ.Component
		if err == nil {
			frame, page, err = s.beritaAcaraPage(r, m, true)
		}
		if err != nil {
			s.Log.Error("berita acara", "err", err, "request_id", httpx.RequestID(r.Context()))
			http.Error(w, "Dokumen tidak dapat disusun.", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_ = frame.Render(templ.WithChildren(r.Context(), page), w)
	})
	mux.HandleFunc("/", http.NotFound)
	return mux
}

// kindsText names the kinds of the findings shown, for a heading.
func kindsText(k contributions.ReconKind) string {
	if k == "" {
		return "semua temuan"
	}
	return strings.ToLower(k.Label())
}
