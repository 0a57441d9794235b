package ui

import (
	"net/http"
	"strconv"

	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/pdf"
	"github.com/cilegon/monev/web"
)

// reportPrint is the whole report in the print layout, for the browser's
// print dialog (and for the PDF printer). Printing is audited.
func (s *Handlers) reportPrint(w http.ResponseWriter, r *http.Request) {
	s.printView(w, r, "Laporan dicetak (tampilan cetak)", false)
}

// reportSummary is the one-page Ringkasan untuk Walikota.
func (s *Handlers) reportSummary(w http.ResponseWriter, r *http.Request) {
	s.printView(w, r, "Ringkasan untuk Walikota dicetak", true)
}

// printView renders a report's document in the print frame and records
// the print in the audit log (the PDF handlers record their own export).
func (s *Handlers) printView(w http.ResponseWriter, r *http.Request, what string, summary bool) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	frame, page, err := s.docs.printPage(r.Context(), rep, summary, false)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if err := s.audit.Record(r.Context(), s.Actor(r), "print", "report", rep.ID, what+": "+rep.Title); err != nil {
		s.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Security-Policy", web.PrintCSP(true))
	s.WritePage(w, r, http.StatusOK, frame, page)
}

// reportPDF is the whole report as PDF.
func (s *Handlers) reportPDF(w http.ResponseWriter, r *http.Request) {
	s.servePDF(w, r, false)
}

// reportSummaryPDF is the Ringkasan untuk Walikota as PDF.
func (s *Handlers) reportSummaryPDF(w http.ResponseWriter, r *http.Request) {
	s.servePDF(w, r, true)
}

// servePDF prints a report to PDF in headless Chromium and sends it as a
// download; without Chromium it explains how to install it.
func (s *Handlers) servePDF(w http.ResponseWriter, r *http.Request, summary bool) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	if err := pdf.Available(); err != nil {
		s.renderNoChromium(w, r, id)
		return
	}
	pdf, name, err := s.docs.PDF(r.Context(), httpx.User(r), s.Actor(r), id, summary)
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
func (s *Handlers) renderNoChromium(w http.ResponseWriter, r *http.Request, id int64) {
	s.Render(w, r, http.StatusServiceUnavailable, "PDF belum tersedia", "reports", web.Error(web.ErrorProps{
		Status: http.StatusServiceUnavailable, Title: "PDF belum dapat dibuat",
		Message: "Server ini belum memiliki Chromium untuk mencetak PDF (apt-get install chromium, atau atur MONEV_CHROMIUM). " +
			"Laporan tetap dapat dicetak dari tampilan cetak dengan Ctrl+P.",
		Back: reportPath(id) + "/print"}))
}
