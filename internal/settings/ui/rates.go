package ui

import (
	"net/http"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// RateForm is the rate form as typed.
type RateForm struct{ ValidFrom, JKK, JKM, Regulation string }

// RatesProps feed the rates page.
type RatesProps struct {
	Rates  domain.RateTable
	Own    bool // false: the national defaults apply
	Form   RateForm
	Errors domain.FieldErrors
}

// rates lists the contribution rates in force with the form to add one.
func (s *Handlers) rates(w http.ResponseWriter, r *http.Request) {
	s.renderRates(w, r, http.StatusOK, RateForm{}, nil)
}

func (s *Handlers) renderRates(w http.ResponseWriter, r *http.Request, status int, f RateForm, errs domain.FieldErrors) {
	rates, own, err := s.settings.RateSettings(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, status, "Tarif iuran", "settings", RatesPage(RatesProps{Rates: rates, Own: own, Form: f, Errors: errs}))
}

// rateSave adds or replaces the rate from a month.
func (s *Handlers) rateSave(w http.ResponseWriter, r *http.Request) {
	f := RateForm{ValidFrom: strings.TrimSpace(r.PostFormValue("valid_from")), JKK: r.PostFormValue("jkk"),
		JKM: r.PostFormValue("jkm"), Regulation: strings.TrimSpace(r.PostFormValue("regulation"))}
	errs := domain.FieldErrors{}
	rate := domain.Rate{Regulation: f.Regulation}
	if m, err := domain.ParseMonth(f.ValidFrom); err != nil {
		errs.Add("valid_from", err.Error())
	} else {
		rate.ValidFrom = m.First()
	}
	if jkk, ok := parseScaled(f.JKK, 4); !ok {
		errs.Add("jkk", "Tulis persentase JKK dari penghasilan, misalnya 1 atau 0,01.")
	} else {
		rate.JKK = domain.Rupiah(jkk) // 1 % of the lowest band (Rp 1.000.000) is Rp 10.000
	}
	if jkm, err := domain.ParseRupiah(f.JKM); err != nil {
		errs.Add("jkm", err.Error())
	} else {
		rate.JKM = jkm
	}
	if errs.Err() == nil {
		errs, _ = fieldErrors(s.settings.SetRate(r.Context(), s.Actor(r), rate))
	}
	if errs.Err() != nil {
		s.renderRates(w, r, http.StatusUnprocessableEntity, f, errs)
		return
	}
	s.Flash(r, "ok", "Tarif berlaku sejak "+domain.FormatDate(rate.ValidFrom)+" disimpan.")
	http.Redirect(w, r, "/settings/rates", http.StatusSeeOther)
}

// rateDelete removes the rate from a month.
func (s *Handlers) rateDelete(w http.ResponseWriter, r *http.Request) {
	from, err := time.Parse(time.DateOnly, r.PathValue("from"))
	if err != nil {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	err = s.settings.DeleteRate(r.Context(), s.Actor(r), from)
	if errs, ok := fieldErrors(err); ok {
		s.renderRates(w, r, http.StatusUnprocessableEntity, RateForm{}, errs)
		return
	} else if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Tarif berlaku sejak "+domain.FormatDate(from)+" dihapus.")
	http.Redirect(w, r, "/settings/rates", http.StatusSeeOther)
}
