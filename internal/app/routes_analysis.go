package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
)

// analysisRoutes declares the routes of the evaluation views: balance,
// reconciliation, budget and coverage, their exports, the edits of pagu,
// targets and workforce, and their JSON API.
func (s *App) analysisRoutes() {
	s.Handle(http.MethodGet, "/analysis/balance", httpx.AnyRole, s.analysisBalance)
	s.Handle(http.MethodGet, "/analysis/balance.{format}", httpx.AnyRole, s.analysisBalanceExport)
	s.Handle(http.MethodGet, "/analysis/reconciliation", httpx.AnyRole, s.analysisReconciliation)
	s.Handle(http.MethodGet, "/analysis/reconciliation.{format}", httpx.AnyRole, s.analysisReconciliationExport)
	s.Handle(http.MethodGet, "/analysis/reconciliation/{month}", httpx.AnyRole, s.analysisReconciliationMonth)
	s.Handle(http.MethodGet, "/analysis/budget", httpx.AnyRole, s.analysisBudget)
	s.Handle(http.MethodGet, "/analysis/budget.{format}", httpx.AnyRole, s.analysisBudgetExport)
	s.Handle(http.MethodPost, "/analysis/budget", httpx.Editors, s.analysisBudgetSave)
	s.Handle(http.MethodGet, "/analysis/coverage", httpx.AnyRole, s.analysisCoverage)
	s.Handle(http.MethodGet, "/analysis/coverage.{format}", httpx.AnyRole, s.analysisCoverageExport)
	s.Handle(http.MethodPost, "/analysis/coverage/targets", httpx.Editors, s.analysisTargetsSave)
	s.Handle(http.MethodPost, "/analysis/coverage/workforce", httpx.Editors, s.analysisWorkforceSave)

	s.Handle(http.MethodGet, "/api/v1/balance/series", httpx.APIAnyRole, s.apiBalanceSeries)
	s.Handle(http.MethodGet, "/api/v1/claims/summary", httpx.APIAnyRole, s.apiClaimsSummary)
	s.Handle(http.MethodGet, "/api/v1/coverage", httpx.APIAnyRole, s.apiCoverage)
	s.Handle(http.MethodGet, "/api/v1/reconciliation", httpx.APIAnyRole, s.apiReconciliation)
}
