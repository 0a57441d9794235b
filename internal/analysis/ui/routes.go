// Package ui holds the dashboard (Ringkasan) and the analysis pages with
// their charts, tables and exports. It reads the views through
// analysis.Service and never imports pgx.
package ui

import (
	"context"
	"net/http"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/settings"
	"github.com/cilegon/monev/web/components"
)

// Handlers serve the dashboard and the analysis pages.
type Handlers struct {
	*httpx.Site
	svc      *analysis.Service
	settings *settings.Service
	audit    *audit.Log
	api      *analysis.API
	// Notices, when set, gives the dashboard's notices for a user on a day
	// from features that analysis does not import (the overdue follow-ups
	// of monev reports); the app wires it.
	Notices func(ctx context.Context, u domain.User, today time.Time) ([]components.Notice, error)
}

// New returns the handlers of the dashboard, the analysis pages and their API;
// exports are recorded in log.
func New(site *httpx.Site, svc *analysis.Service, set *settings.Service, log *audit.Log) *Handlers {
	return &Handlers{Site: site, svc: svc, settings: set, audit: log, api: analysis.NewAPI(site, svc)}
}

// Routes declares the routes of the dashboard and the evaluation views:
// balance, budget and coverage, their exports, the edits of
// pagu, targets and workforce, and their JSON API.
func (s *Handlers) Routes() {
	s.Handle(http.MethodGet, "/", httpx.AnyRole, s.dashboard)
	s.Handle(http.MethodGet, "/api/v1/balance", httpx.APIAnyRole, s.api.Balance)
	s.Handle(http.MethodGet, "/analysis/balance", httpx.AnyRole, s.analysisBalance)
	s.Handle(http.MethodGet, "/analysis/balance.{format}", httpx.AnyRole, s.analysisBalanceExport)
	// The billing reconciliation moved to Iuran & Tagihan (/billing); old links still lead there.
	s.Handle(http.MethodGet, "/analysis/reconciliation", httpx.AnyRole, movedToBilling)
	s.Handle(http.MethodGet, "/analysis/reconciliation/{month}", httpx.AnyRole, movedToBilling)
	s.Handle(http.MethodGet, "/analysis/budget", httpx.AnyRole, s.analysisBudget)
	s.Handle(http.MethodGet, "/analysis/budget.{format}", httpx.AnyRole, s.analysisBudgetExport)
	s.Handle(http.MethodPost, "/analysis/budget", httpx.Editors, s.analysisBudgetSave)
	s.Handle(http.MethodGet, "/analysis/coverage", httpx.AnyRole, s.analysisCoverage)
	s.Handle(http.MethodGet, "/analysis/coverage.{format}", httpx.AnyRole, s.analysisCoverageExport)
	s.Handle(http.MethodPost, "/analysis/coverage/targets", httpx.Editors, s.analysisTargetsSave)
	s.Handle(http.MethodPost, "/analysis/coverage/workforce", httpx.Editors, s.analysisWorkforceSave)
	s.Handle(http.MethodGet, "/analysis/rollup", httpx.AnyRole, s.analysisRollup)
	s.Handle(http.MethodGet, "/analysis/rollup.{format}", httpx.AnyRole, s.analysisRollupExport)
	s.Handle(http.MethodGet, "/api/v1/rollup", httpx.APIAnyRole, s.api.Rollup)
	s.Handle(http.MethodGet, "/analysis/open-data.{format}", httpx.AnyRole, s.openData)

	s.Handle(http.MethodGet, "/api/v1/balance/series", httpx.APIAnyRole, s.api.BalanceSeries)
	s.Handle(http.MethodGet, "/api/v1/claims/summary", httpx.APIAnyRole, s.api.ClaimsSummary)
	s.Handle(http.MethodGet, "/api/v1/coverage", httpx.APIAnyRole, s.api.Coverage)
	s.Handle(http.MethodGet, "/api/v1/budget", httpx.APIAnyRole, s.api.Budget)
}

// movedToBilling sends the old reconciliation addresses to Iuran & Tagihan,
// the same months and query.
func movedToBilling(w http.ResponseWriter, r *http.Request) {
	to := "/billing"
	if m := r.PathValue("month"); m != "" {
		to += "/" + m
	}
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, http.StatusMovedPermanently)
}
