package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// reconView is what /analysis/reconciliation and its export show.
type reconView struct {
	head   AnalysisHead
	months []analysis.ReconMonth
	status int
}

// loadReconciliation reads the reconciliation of the coverage months of the period the address asks for.
func (s *Handlers) loadReconciliation(r *http.Request) (reconView, error) {
	sel, status, err := s.pageSelection(r)
	if err != nil {
		return reconView{}, err
	}
	months, err := s.svc.Reconciliation(r.Context(), httpx.User(r).Pemda, sel.Period)
	return reconView{head: headOf(r, "reconciliation", "Rekonsiliasi Tagihan", sel, true), months: months, status: status}, err
}

// analysisReconciliation compares, per coverage month, the roster's expected billing with BPJS's bill and the payments.
func (s *Handlers) analysisReconciliation(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadReconciliation(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, v.status, "Rekonsiliasi Tagihan", "analysis", AnalysisReconciliation(ReconciliationProps{
		Head: v.head, Months: v.months, Today: s.Now()}))
}

// analysisReconciliationExport writes the reconciliation table.
func (s *Handlers) analysisReconciliationExport(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadReconciliation(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.exportTable(w, r, v.status, reconExport(v.head.Picker.Period, v.months, s.Now()))
}
