package ui

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/settings"
)

// LetterheadProps feed the letterhead page.
type LetterheadProps struct {
	Form   settings.Letterhead
	Logo   string // the current logo as a data: URL, or ""
	Errors domain.FieldErrors
}

// letterhead shows the letterhead form and the logo upload.
func (s *Handlers) letterhead(w http.ResponseWriter, r *http.Request) {
	l, err := s.settings.Letterhead(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.renderLetterhead(w, r, http.StatusOK, l, nil)
}

func (s *Handlers) renderLetterhead(w http.ResponseWriter, r *http.Request, status int, f settings.Letterhead, errs domain.FieldErrors) {
	l, err := s.settings.Letterhead(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, status, "Kop surat", "settings", LetterheadPage(LetterheadProps{Form: f, Logo: l.Logo, Errors: errs}))
}

// letterheadSave changes the names and address of the letterhead.
func (s *Handlers) letterheadSave(w http.ResponseWriter, r *http.Request) {
	l := settings.Letterhead{PemdaName: strings.TrimSpace(r.PostFormValue("pemda_name")),
		Government: strings.TrimSpace(r.PostFormValue("government")), Office: strings.TrimSpace(r.PostFormValue("office")),
		Address: strings.TrimSpace(r.PostFormValue("address")), City: strings.TrimSpace(r.PostFormValue("city"))}
	err := s.settings.SetLetterhead(r.Context(), s.Actor(r), l)
	if errs, ok := fieldErrors(err); ok {
		s.renderLetterhead(w, r, http.StatusUnprocessableEntity, l, errs)
		return
	} else if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Kop surat disimpan.")
	http.Redirect(w, r, "/settings/letterhead", http.StatusSeeOther)
}

// logoSave takes an uploaded logo; the settings service checks it is a
// PNG or a safe SVG of at most 512 KB.
func (s *Handlers) logoSave(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, settings.MaxLogoBytes+64<<10)
	var data []byte
	file, _, err := r.FormFile("logo")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		data = make([]byte, settings.MaxLogoBytes+1) // refused below with the size message
	case err == nil:
		data, err = io.ReadAll(io.LimitReader(file, settings.MaxLogoBytes+1))
		_ = file.Close()
		if err != nil {
			s.Fail(w, r, err)
			return
		}
	}
	err = s.settings.SetLogo(r.Context(), s.Actor(r), data)
	if errs, ok := fieldErrors(err); ok {
		l, lerr := s.settings.Letterhead(r.Context(), httpx.User(r).Pemda)
		if lerr != nil {
			s.Fail(w, r, lerr)
			return
		}
		s.renderLetterhead(w, r, http.StatusUnprocessableEntity, l, errs)
		return
	} else if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Logo diunggah; laporan dan berita acara mencetaknya di kop surat.")
	http.Redirect(w, r, "/settings/letterhead", http.StatusSeeOther)
}

// logoDelete removes the logo.
func (s *Handlers) logoDelete(w http.ResponseWriter, r *http.Request) {
	if err := s.settings.DeleteLogo(r.Context(), s.Actor(r)); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Logo dihapus.")
	http.Redirect(w, r, "/settings/letterhead", http.StatusSeeOther)
}

// TextsProps feed the report texts page.
type TextsProps struct {
	Own      settings.ReportTexts // what the Pemda set, "" where none
	Defaults settings.ReportTexts // the national texts
}

// texts shows the legal basis, aims and method new reports start with.
func (s *Handlers) texts(w http.ResponseWriter, r *http.Request) {
	own, err := s.settings.OwnReportTexts(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Teks laporan", "settings", TextsPage(TextsProps{Own: own, Defaults: settings.DefaultReportTexts}))
}

// textsSave changes the texts new reports start with.
func (s *Handlers) textsSave(w http.ResponseWriter, r *http.Request) {
	t := settings.ReportTexts{LegalBasis: strings.TrimSpace(r.PostFormValue("legal_basis")),
		Aims: strings.TrimSpace(r.PostFormValue("aims")), Method: strings.TrimSpace(r.PostFormValue("method"))}
	if err := s.settings.SetReportTexts(r.Context(), s.Actor(r), t); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Teks bawaan laporan disimpan; laporan yang sudah ada tidak berubah.")
	http.Redirect(w, r, "/settings/texts", http.StatusSeeOther)
}
