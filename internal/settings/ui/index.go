package ui

import (
	"net/http"
	"strconv"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// IndexProps feed the settings overview.
type IndexProps struct {
	Rate        domain.Rate // in force this month
	OwnRates    bool
	OwnBenefits bool
	DueRule     domain.DueRule
	Categories  int
	Signatories []domain.User
	HasLogo     bool
}

// index is the overview of the settings, with the signatories and links to
// where the UCJ figures are entered.
func (s *Handlers) index(w http.ResponseWriter, r *http.Request) {
	ctx, pemda := r.Context(), httpx.User(r).Pemda
	var p IndexProps
	rates, own, err := s.settings.RateSettings(ctx, pemda)
	if err == nil {
		p.Rate, _ = rates.At(domain.MonthOf(s.Now()))
		p.OwnRates = own
		_, p.OwnBenefits, err = s.settings.BenefitSettings(ctx, pemda)
	}
	if err == nil {
		p.DueRule, err = s.settings.DueRule(ctx, pemda)
	}
	if err == nil {
		cats, cerr := s.settings.CategorySettings(ctx, pemda)
		p.Categories, err = len(cats), cerr
	}
	if err == nil {
		_, p.HasLogo, err = s.settings.Logo(ctx, pemda)
	}
	if err == nil {
		users, uerr := s.auth.Users(ctx, pemda)
		for _, u := range users {
			if u.Signatory && u.Active {
				p.Signatories = append(p.Signatories, u)
			}
		}
		err = uerr
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Pengaturan", "settings", IndexPage(p))
}

// DueProps feed the due-date page.
type DueProps struct {
	Rule   domain.DueRule
	Day    string
	Offset string
	Errors domain.FieldErrors
}

// dueDate shows the due-date rule.
func (s *Handlers) dueDate(w http.ResponseWriter, r *http.Request) {
	rule, err := s.settings.DueRule(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Jatuh tempo iuran", "settings", DuePage(DueProps{Rule: rule,
		Day: strconv.Itoa(rule.Day), Offset: strconv.Itoa(rule.MonthOffset)}))
}

// dueDateSave changes the due-date rule.
func (s *Handlers) dueDateSave(w http.ResponseWriter, r *http.Request) {
	p := DueProps{Day: r.PostFormValue("day"), Offset: r.PostFormValue("offset")}
	day, derr := strconv.Atoi(p.Day)
	offset, _ := strconv.Atoi(p.Offset)
	rule := domain.DueRule{Day: day, MonthOffset: offset}
	err := rule.Validate()
	if derr != nil || err != nil {
		p.Errors = domain.FieldErrors{"day": "Pilih tanggal 1 sampai 28 dan bulannya."}
		p.Rule, _ = s.settings.DueRule(r.Context(), httpx.User(r).Pemda)
		s.Render(w, r, http.StatusUnprocessableEntity, "Jatuh tempo iuran", "settings", DuePage(p))
		return
	}
	if err := s.settings.SetDueRule(r.Context(), s.Actor(r), rule); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Aturan jatuh tempo disimpan: "+rule.Label()+".")
	http.Redirect(w, r, "/settings/due-date", http.StatusSeeOther)
}
