package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/pages"
)

// reconView is what /analysis/reconciliation and its export show.
type reconView struct {
	head   pages.AnalysisHead
	months []analysis.ReconMonth
	status int
}

// loadReconciliation reads the reconciliation of the coverage months of the period the address asks for.
func (s *App) loadReconciliation(r *http.Request) (reconView, error) {
	sel, status, err := s.pageSelection(r)
	if err != nil {
		return reconView{}, err
	}
	months, err := s.analysis.Reconciliation(r.Context(), httpx.User(r).Pemda, sel.Period)
	return reconView{head: analysisHead(r, "reconciliation", "Rekonsiliasi Tagihan", sel, true), months: months, status: status}, err
}

// analysisReconciliation compares, per coverage month, the roster's expected billing with BPJS's bill and the payments.
func (s *App) analysisReconciliation(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadReconciliation(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, v.status, "Rekonsiliasi Tagihan", "analysis", pages.AnalysisReconciliation(pages.ReconciliationProps{
		Head: v.head, Months: v.months, Today: s.Now()}))
}

// analysisReconciliationExport writes the reconciliation table.
func (s *App) analysisReconciliationExport(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadReconciliation(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.exportTable(w, r, v.status, reconTable(v.head.Picker.Period, v.months, s.Now()))
}
