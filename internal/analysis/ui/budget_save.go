package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
)

// analysisBudgetSave adds a pagu version to a fiscal year, or changes one
// when the form names its revision.
func (s *Handlers) analysisBudgetSave(w http.ResponseWriter, r *http.Request) {
	form := BudgetForm{Revision: r.PostFormValue("revision"), Label: strings.TrimSpace(r.PostFormValue("label")),
		Ceiling: r.PostFormValue("ceiling"), Document: strings.TrimSpace(r.PostFormValue("document")),
		DecidedOn: r.PostFormValue("decided_on"), Note: strings.TrimSpace(r.PostFormValue("note"))}
	year, _ := strconv.Atoi(r.PostFormValue("fiscal_year"))
	r.URL.RawQuery = yearQuery(year).Encode() // re-render the year the form was for
	b, errs := budgetFrom(year, form)
	if errs.Err() == nil {
		var err error
		if form.Revision == "" {
			_, err = s.svc.AddBudget(r.Context(), s.Actor(r), b)
		} else {
			err = s.svc.UpdateBudget(r.Context(), s.Actor(r), b)
		}
		if errors.Is(err, domain.ErrNotFound) {
			errs.Add("label", "versi pagu ini tidak ditemukan; muat ulang halaman")
		} else if err != nil {
			s.Fail(w, r, err)
			return
		}
	}
	if errs.Err() != nil {
		s.renderBudget(w, r, http.StatusUnprocessableEntity, form, errs)
		return
	}
	s.Flash(r, "ok", "Pagu "+b.Label+" ("+b.Ceiling.String()+") disimpan.")
	http.Redirect(w, r, "/analysis/budget?"+yearQuery(year).Encode()+"#pagu", http.StatusSeeOther)
}

// budgetFrom reads a pagu version from the form, with a message per wrong field.
func budgetFrom(year int, f BudgetForm) (analysis.Budget, domain.FieldErrors) {
	errs := domain.FieldErrors{}
	b := analysis.Budget{FiscalYear: year, Label: f.Label, Document: f.Document, Note: f.Note}
	if f.Revision != "" {
		rev, err := strconv.Atoi(f.Revision)
		if err != nil || rev < 0 {
			errs.Add("label", "versi pagu tidak valid; muat ulang halaman")
		}
		b.Revision = rev
	}
	var err error
	if b.Ceiling, err = domain.ParseRupiah(f.Ceiling); err != nil {
		errs.Add("ceiling", err.Error())
	}
	if strings.TrimSpace(f.DecidedOn) != "" {
		if b.DecidedOn, err = domain.ParseDate(f.DecidedOn); err != nil {
			errs.Add("decided_on", err.Error())
		}
	}
	if verr, ok := b.Validate().(domain.FieldErrors); ok {
		for k, v := range verr {
			errs.Add(k, v)
		}
	}
	return b, errs
}
