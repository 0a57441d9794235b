package ui

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// reportSignForm is the signing form: the signer's name, rank and NIP from
// their account, place and date, and the figures that will be frozen.
func (s *Handlers) reportSignForm(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	if rep.Status != laporan.Approved {
		s.Flash(r, "error", "Hanya laporan yang sudah disetujui BPJS yang dapat ditandatangani.")
		http.Redirect(w, r, reportPath(rep.ID), http.StatusSeeOther)
		return
	}
	l, err := s.settings.Letterhead(r.Context(), rep.Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.renderSign(w, r, http.StatusOK, rep, l.City, s.Now().In(domain.WIB).Format(time.DateOnly), nil)
}

// renderSign shows the signing form with its values and errors.
func (s *Handlers) renderSign(w http.ResponseWriter, r *http.Request, status int, rep laporan.Report, place, date string, errs domain.FieldErrors) {
	doc, err := s.docs.Doc(r.Context(), rep, nil)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	u := httpx.User(r)
	p := ReportSignProps{Doc: doc, Signer: u, Place: place, Date: date, Errors: errs}
	if err := laporan.CanSign(u); err != nil {
		p.Problem, _ = err.(domain.FieldErrors)
	}
	s.Render(w, r, status, "Tandatangani laporan", "reports", ReportSign(p))
}

// reportSign makes an approved report final: it freezes every figure as
// the data stands on the signing date, with the checksum, and records the
// signer's name, rank and NIP.
func (s *Handlers) reportSign(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	place, date := strings.TrimSpace(r.PostFormValue("place")), strings.TrimSpace(r.PostFormValue("date"))
	sum, err := s.svc.Sign(r.Context(), s.reportChange(r, ""), httpx.User(r), rep.ID, place, date, r.PostFormValue("confirm") != "")
	var refused *laporan.SignRefusal
	switch {
	case errors.As(err, &refused):
		s.renderSign(w, r, http.StatusUnprocessableEntity, rep, place, date, refused.Fields)
	case errors.Is(err, domain.ErrConflict):
		s.Flash(r, "error", "Laporan tidak lagi menunggu tanda tangan (status "+rep.Status.Label()+").")
		http.Redirect(w, r, reportPath(rep.ID), http.StatusSeeOther)
	case err != nil:
		s.Fail(w, r, err)
	default:
		s.Saved(w, r, "Laporan ditandatangani dan angkanya dibekukan (SHA-256 "+sum[:16]+"…).", reportPath(rep.ID))
	}
}
