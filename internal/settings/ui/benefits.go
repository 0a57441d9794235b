package ui

import (
	"net/http"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// BenefitForm is the benefit rule form as typed.
type BenefitForm struct {
	Type, ValidFrom, Flat, Multiple, Regulation, Note string
	Fixed                                             bool
}

// BenefitsProps feed the benefit rules page.
type BenefitsProps struct {
	Benefits domain.BenefitTable
	Own      bool // false: the national defaults apply
	Form     BenefitForm
	Errors   domain.FieldErrors
}

// benefits lists the benefit rules in force with the form to add one.
func (s *Handlers) benefits(w http.ResponseWriter, r *http.Request) {
	s.renderBenefits(w, r, http.StatusOK, BenefitForm{Type: string(domain.ClaimJKM), Fixed: true}, nil)
}

func (s *Handlers) renderBenefits(w http.ResponseWriter, r *http.Request, status int, f BenefitForm, errs domain.FieldErrors) {
	bs, own, err := s.settings.BenefitSettings(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, status, "Aturan manfaat", "settings", BenefitsPage(BenefitsProps{Benefits: bs, Own: own, Form: f, Errors: errs}))
}

// benefitSave adds or replaces a claim type's rule from a day.
func (s *Handlers) benefitSave(w http.ResponseWriter, r *http.Request) {
	f := BenefitForm{Type: r.PostFormValue("type"), ValidFrom: strings.TrimSpace(r.PostFormValue("valid_from")),
		Flat: r.PostFormValue("flat"), Multiple: r.PostFormValue("multiple"), Fixed: r.PostFormValue("fixed") == "on",
		Regulation: strings.TrimSpace(r.PostFormValue("regulation")), Note: strings.TrimSpace(r.PostFormValue("note"))}
	b := domain.Benefit{Type: domain.ClaimType(f.Type), Fixed: f.Fixed, Regulation: f.Regulation, Note: f.Note}
	errs := domain.FieldErrors{}
	var err error
	if b.ValidFrom, err = domain.ParseDate(f.ValidFrom); err != nil {
		errs.Add("valid_from", err.Error())
	}
	if strings.TrimSpace(f.Flat) == "" {
		f.Flat = "0"
	}
	if b.Flat, err = domain.ParseRupiah(f.Flat); err != nil {
		errs.Add("flat", err.Error())
	}
	if strings.TrimSpace(f.Multiple) == "" {
		f.Multiple = "0"
	}
	var ok bool
	if b.IncomePercent, ok = parseScaled(f.Multiple, 2); !ok {
		errs.Add("multiple", "Tulis kelipatan penghasilan, misalnya 48 atau 56; 0 bila tidak ada.")
	}
	if errs.Err() == nil {
		errs, _ = fieldErrors(s.settings.SetBenefit(r.Context(), s.Actor(r), b))
	}
	if errs.Err() != nil {
		s.renderBenefits(w, r, http.StatusUnprocessableEntity, f, errs)
		return
	}
	s.Flash(r, "ok", "Aturan manfaat "+b.Type.Name()+" berlaku sejak "+domain.FormatDate(b.ValidFrom)+" disimpan.")
	http.Redirect(w, r, "/settings/benefits", http.StatusSeeOther)
}

// benefitDelete removes a claim type's rule from a day.
func (s *Handlers) benefitDelete(w http.ResponseWriter, r *http.Request) {
	from, err := time.Parse(time.DateOnly, r.PathValue("from"))
	if err != nil {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	t := domain.ClaimType(r.PathValue("type"))
	err = s.settings.DeleteBenefit(r.Context(), s.Actor(r), t, from)
	if errs, ok := fieldErrors(err); ok {
		s.renderBenefits(w, r, http.StatusUnprocessableEntity, BenefitForm{}, errs)
		return
	} else if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Aturan manfaat "+t.Name()+" berlaku sejak "+domain.FormatDate(from)+" dihapus.")
	http.Redirect(w, r, "/settings/benefits", http.StatusSeeOther)
}
