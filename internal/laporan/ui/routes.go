// Package ui holds the pages of monev reports: the list, the editor with the
// budget calculator, review threads, signing, the A4 print views and PDFs
// (Documents). It reaches reports through laporan.Service and never imports
// pgx.
package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/settings"
)

// stepRule lets the roles of a workflow step call its route: the route
// rules of the review and sign-off are the domain's workflow table itself.
func stepRule(step laporan.Step) httpx.Access { return httpx.Access{Roles: step.Roles()} }

// reviewers open review threads and mark them settled: BPJS, who reviews.
var reviewers = stepRule(laporan.StepReview)

// Handlers serve the pages of monev reports.
type Handlers struct {
	*httpx.Site
	svc      *laporan.Service
	analysis *analysis.Service
	settings *settings.Service
	audit    *audit.Log
	docs     *Documents
	api      *laporan.API
}

// New returns the handlers of the report pages and API; docs assembles and
// prints the documents, and log records what is printed and downloaded.
func New(site *httpx.Site, svc *laporan.Service, an *analysis.Service, set *settings.Service, log *audit.Log, docs *Documents) *Handlers {
	return &Handlers{Site: site, svc: svc, analysis: an, settings: set, audit: log, docs: docs, api: laporan.NewAPI(site, svc)}
}

// Routes declares the routes of monev reports: writing, review, sign-off,
// printing, the budget calculator, the follow-up items (Tindak lanjut) and
// the JSON API. Everyone reads
// (pimpinan only final reports, which the handlers enforce); editors write;
// each workflow step has the rule of its step.
func (s *Handlers) Routes() {
	s.Handle(http.MethodGet, "/reports", httpx.AnyRole, s.reportList)
	s.Handle(http.MethodGet, "/reports/new", httpx.Editors, s.reportNew)
	s.Handle(http.MethodPost, "/reports", httpx.Editors, s.reportCreate)
	s.Handle(http.MethodGet, "/reports/budget-calculator", httpx.AnyRole, s.budgetCalculator)
	s.Handle(http.MethodGet, "/reports/{id}", httpx.AnyRole, s.reportShow)
	s.Handle(http.MethodGet, "/reports/{id}/edit", httpx.Editors, s.reportEdit)
	s.Handle(http.MethodPost, "/reports/{id}", httpx.Editors, s.reportUpdate)
	s.Handle(http.MethodPost, "/reports/{id}/delete", httpx.Editors, s.reportDelete)
	s.Handle(http.MethodPost, "/reports/{id}/budget", httpx.Editors, s.reportBudget)

	for _, step := range []laporan.Step{laporan.StepSubmit, laporan.StepReview, laporan.StepReturn, laporan.StepApprove} {
		s.Handle(http.MethodPost, "/reports/{id}/"+string(step), stepRule(step), s.reportStep(step))
	}
	s.Handle(http.MethodGet, "/reports/{id}/sign", stepRule(laporan.StepSign), s.reportSignForm)
	s.Handle(http.MethodPost, "/reports/{id}/sign", stepRule(laporan.StepSign), s.reportSign)

	s.Handle(http.MethodPost, "/reports/{id}/comments", reviewers, s.reportComment)
	s.Handle(http.MethodPost, "/reports/{id}/comments/{comment}/replies", httpx.Staff, s.reportReply)
	s.Handle(http.MethodPost, "/reports/{id}/comments/{comment}/resolve", reviewers, s.reportResolve)

	s.Handle(http.MethodGet, "/reports/{id}/print", httpx.AnyRole, s.reportPrint)
	s.Handle(http.MethodGet, "/reports/{id}/summary", httpx.AnyRole, s.reportSummary)
	s.Handle(http.MethodGet, "/reports/{id}.pdf", httpx.AnyRole, s.reportPDF)
	s.Handle(http.MethodGet, "/reports/{id}/summary.pdf", httpx.AnyRole, s.reportSummaryPDF)

	s.Handle(http.MethodGet, "/followups", httpx.AnyRole, s.followUpList)
	s.Handle(http.MethodGet, "/followups/export.{format}", httpx.AnyRole, s.followUpExport)
	s.Handle(http.MethodGet, "/followups/{id}", httpx.AnyRole, s.followUpShow)
	s.Handle(http.MethodPost, "/followups/{id}", httpx.Staff, s.followUpUpdate)
	s.Handle(http.MethodGet, "/followups/{id}/evidence/{note}", httpx.AnyRole, s.followUpEvidence)

	s.Handle(http.MethodGet, "/api/v1/reports", httpx.APIAnyRole, s.api.Reports)
	s.Handle(http.MethodGet, "/api/v1/followups", httpx.APIAnyRole, s.api.FollowUps)
	s.Handle(http.MethodGet, "/api/v1/reports/{id}", httpx.APIAnyRole, s.api.Report)
}
