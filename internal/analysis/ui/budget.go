package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// budgetView is what /analysis/budget and its exports show.
type budgetView struct {
	head   AnalysisHead
	report analysis.BudgetView
	status int
}

// loadBudget reads the budget view of the fiscal year of the period's end;
// the headline figures count through the period's last month.
func (s *Handlers) loadBudget(r *http.Request) (budgetView, error) {
	sel, status, err := s.pageSelection(r)
	if err != nil {
		return budgetView{}, err
	}
	year := sel.Period.To.Year()
	head := headOf(r, "budget", "Anggaran: Pagu dan Realisasi", sel, true)
	head.Scope = "Tahun anggaran " + strconv.Itoa(year) + " · realisasi sampai " + sel.Period.To.Label()
	report, err := s.svc.BudgetView(r.Context(), httpx.User(r).Pemda, year, sel.Period.To, s.Now())
	return budgetView{head: head, report: report, status: status}, err
}

// analysisBudget shows pagu against realisasi, with the pagu form for editors;
// ?revision=N opens the form on that version.
func (s *Handlers) analysisBudget(w http.ResponseWriter, r *http.Request) {
	form := BudgetForm{}
	if rev := r.URL.Query().Get("revision"); rev != "" {
		form.Revision = rev
	}
	s.renderBudget(w, r, http.StatusOK, form, nil)
}

// renderBudget renders the budget page with a pagu form and its errors.
func (s *Handlers) renderBudget(w http.ResponseWriter, r *http.Request, status int, form BudgetForm, errs domain.FieldErrors) {
	v, err := s.loadBudget(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if errs == nil && form.Revision != "" {
		form = budgetFormOf(v.report, form.Revision)
	}
	s.Render(w, r, max(status, v.status), "Anggaran", "analysis", AnalysisBudget(BudgetProps{
		Head: v.head, Report: v.report, Form: form, Errors: errs,
		CanEdit: s.Can(r, http.MethodPost, "/analysis/budget")}))
}

// budgetFormOf fills the form with an existing version; an unknown revision gives the empty form.
func budgetFormOf(rep analysis.BudgetView, revision string) BudgetForm {
	for _, b := range rep.Versions {
		if strconv.Itoa(b.Revision) == revision {
			f := BudgetForm{Revision: revision, Label: b.Label, Ceiling: b.Ceiling.Plain(), Document: b.Document, Note: b.Note}
			if !b.DecidedOn.IsZero() {
				f.DecidedOn = b.DecidedOn.Format("02/01/2006")
			}
			return f
		}
	}
	return BudgetForm{}
}

// analysisBudgetExport writes the months (default) or the pagu versions of the budget view.
func (s *Handlers) analysisBudgetExport(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadBudget(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	t := budgetMonthsExport(v.report)
	if r.URL.Query().Get("table") == "versions" {
		t = budgetVersionsExport(v.report)
	}
	s.exportTable(w, r, v.status, t)
}

// yearQuery is the address of a fiscal year's page.
func yearQuery(year int) url.Values { return url.Values{"period": {strconv.Itoa(year)}} }
