package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// balanceView is what /analysis/balance and its exports show.
type balanceView struct {
	head   AnalysisHead
	report analysis.BalanceView
	status int
}

// loadBalance reads the balance view of the period, basis and granularity the address asks for.
func (s *Handlers) loadBalance(r *http.Request) (balanceView, error) {
	sel, status, err := s.pageSelection(r)
	if err != nil {
		return balanceView{}, err
	}
	by := granularity(r, &sel, &status)
	head := headOf(r, "balance", "Iuran dan Klaim", sel, false, "by")
	head.Query.Set("by", string(by))
	report, err := s.svc.BalanceView(r.Context(), httpx.User(r).Pemda, sel.Period, sel.Basis, by)
	return balanceView{head: head, report: report, status: status}, err
}

// analysisBalance is the balance view: iuran against klaim, by type, over time and against a year earlier.
func (s *Handlers) analysisBalance(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadBalance(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, v.status, "Iuran dan Klaim", "analysis", AnalysisBalance(BalanceProps{Head: v.head, Report: v.report}))
}

// analysisBalanceExport writes a table of the balance view: the series (default) or the claims by type.
func (s *Handlers) analysisBalanceExport(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadBalance(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	t := balanceSeriesExport(v.report)
	if r.URL.Query().Get("table") == "claims" {
		t = claimTypeExport(v.report.Claims)
	}
	s.exportTable(w, r, v.status, t)
}
