package server

import "net/http"

// analysisRoutes declares the routes of the evaluation views: balance,
// reconciliation, budget and coverage, their exports, the edits of pagu,
// targets and workforce, and their JSON API.
func (s *Server) analysisRoutes() {
	s.handle(http.MethodGet, "/analysis/balance", anyRole, s.analysisBalance)
	s.handle(http.MethodGet, "/analysis/balance.{format}", anyRole, s.analysisBalanceExport)
	s.handle(http.MethodGet, "/analysis/reconciliation", anyRole, s.analysisReconciliation)
	s.handle(http.MethodGet, "/analysis/reconciliation.{format}", anyRole, s.analysisReconciliationExport)
	s.handle(http.MethodGet, "/analysis/reconciliation/{month}", anyRole, s.analysisReconciliationMonth)
	s.handle(http.MethodGet, "/analysis/budget", anyRole, s.analysisBudget)
	s.handle(http.MethodGet, "/analysis/budget.{format}", anyRole, s.analysisBudgetExport)
	s.handle(http.MethodPost, "/analysis/budget", editors, s.analysisBudgetSave)
	s.handle(http.MethodGet, "/analysis/coverage", anyRole, s.analysisCoverage)
	s.handle(http.MethodGet, "/analysis/coverage.{format}", anyRole, s.analysisCoverageExport)
	s.handle(http.MethodPost, "/analysis/coverage/targets", editors, s.analysisTargetsSave)
	s.handle(http.MethodPost, "/analysis/coverage/workforce", editors, s.analysisWorkforceSave)

	s.handle(http.MethodGet, "/api/v1/balance/series", apiAnyRole, s.apiBalanceSeries)
	s.handle(http.MethodGet, "/api/v1/claims/summary", apiAnyRole, s.apiClaimsSummary)
	s.handle(http.MethodGet, "/api/v1/coverage", apiAnyRole, s.apiCoverage)
	s.handle(http.MethodGet, "/api/v1/reconciliation", apiAnyRole, s.apiReconciliation)
}
