package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/components"
)

// coverageView is what /analysis/coverage and its exports show.
type coverageView struct {
	head   AnalysisHead
	report analysis.CoverageView
	status int
}

// loadCoverage reads the coverage at the end of the period the address asks
// for; category= limits the regional rows to one category.
func (s *Handlers) loadCoverage(r *http.Request) (coverageView, error) {
	sel, status, err := s.pageSelection(r)
	if err != nil {
		return coverageView{}, err
	}
	pemda, category := httpx.User(r).Pemda, r.URL.Query().Get("category")
	if category != "" {
		cats, err := s.settings.Categories(r.Context(), pemda)
		if err != nil {
			return coverageView{}, err
		}
		if !domain.HasCategory(cats, category) {
			sel.Notice, status, category = joinNotice(sel.Notice, "Kategori tidak dikenal: "+category+"."), http.StatusBadRequest, ""
		}
	}
	head := headOf(r, "coverage", "Cakupan Kepesertaan", sel, true, "category")
	head.Scope = "Peserta aktif pada " + domain.FormatDate(sel.Period.End()) + " · sasaran tahun " + strconv.Itoa(sel.Period.To.Year())
	report, err := s.svc.CoverageView(r.Context(), pemda, sel.Period, category)
	return coverageView{head: head, report: report, status: status}, err
}

// analysisCoverage shows the workers covered against the year's targets, with the editors of targets and UCJ.
func (s *Handlers) analysisCoverage(w http.ResponseWriter, r *http.Request) {
	s.renderCoverage(w, r, http.StatusOK, nil)
}

// renderCoverage renders the coverage page; edit holds what an editor typed, or nil for the stored figures.
func (s *Handlers) renderCoverage(w http.ResponseWriter, r *http.Request, status int, edit *CoverageEdit) {
	v, err := s.loadCoverage(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	canEdit := s.Can(r, http.MethodPost, "/analysis/coverage/targets")
	if edit == nil && canEdit {
		e, err := s.storedCoverageEdit(r, v.report)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		edit = &e
	}
	if edit == nil {
		edit = &CoverageEdit{}
	}
	s.Render(w, r, max(status, v.status), "Cakupan", "analysis", AnalysisCoverage(CoverageProps{
		Head: v.head, Report: v.report, CanEdit: canEdit, Edit: *edit}))
}

// storedCoverageEdit fills the editors with the year's stored targets and workforce figures.
func (s *Handlers) storedCoverageEdit(r *http.Request, rep analysis.CoverageView) (CoverageEdit, error) {
	e := CoverageEdit{CategoryTargets: map[string]string{}, KelurahanTargets: map[string]string{}}
	ts, err := s.svc.Targets(r.Context(), httpx.User(r).Pemda, rep.Year)
	for _, t := range ts {
		switch {
		case t.KelurahanCode == "":
			e.CategoryTargets[t.CategoryCode] = domain.FormatInt(t.Workers)
		case t.CategoryCode == rep.Category:
			e.KelurahanTargets[t.KelurahanCode] = domain.FormatInt(t.Workers)
		}
	}
	if w := rep.Workforce; rep.HasWorkforce {
		e.Workforce = WorkforceForm{Workforce: domain.FormatInt(w.Workforce), WorkforceSource: w.WorkforceSource,
			Protected: domain.FormatInt(w.Protected), ProtectedSource: w.ProtectedSource, Denominator: string(w.Denominator)}
		if w.TargetPermille > 0 {
			e.Workforce.Target = strings.TrimSuffix(domain.FormatDecimal(int64(w.TargetPermille), 10, 1), ",0")
		}
	}
	return e, err
}

// analysisCoverageExport writes the coverage by category (default), kecamatan or kelurahan.
func (s *Handlers) analysisCoverageExport(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadCoverage(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.exportTable(w, r, v.status, coverageExport(v.report, r.URL.Query().Get("table")))
}

// denominatorChoices are the UCJ denominators a form offers.
func denominatorChoices() []components.Choice {
	out := make([]components.Choice, 0, len(analysis.Denominators))
	for _, d := range analysis.Denominators {
		out = append(out, components.Choice{Value: string(d), Label: strings.ToUpper(d.Label()[:1]) + d.Label()[1:]})
	}
	return out
}
