package server

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pdf"
)

// stepRule lets the roles of a workflow step call its route: the route
// rules of the review and sign-off are the domain's workflow table itself.
func stepRule(step domain.ReportStep) access { return access{roles: step.Roles()} }

// reviewers open review threads and mark them settled: BPJS, who reviews.
var reviewers = stepRule(domain.StepReview)

// reportRoutes declares the routes of monev reports: writing, review,
// sign-off, printing, the budget calculator and the JSON API. Everyone
// reads (pimpinan only final reports, which the handlers enforce); editors
// write; each workflow step has the rule of its step.
func (s *Server) reportRoutes() {
	s.printer = pdf.NewPrinter()
	s.handle(http.MethodGet, "/reports", anyRole, s.reportList)
	s.handle(http.MethodGet, "/reports/new", editors, s.reportNew)
	s.handle(http.MethodPost, "/reports", editors, s.reportCreate)
	s.handle(http.MethodGet, "/reports/budget-calculator", anyRole, s.budgetCalculator)
	s.handle(http.MethodGet, "/reports/{id}", anyRole, s.reportShow)
	s.handle(http.MethodGet, "/reports/{id}/edit", editors, s.reportEdit)
	s.handle(http.MethodPost, "/reports/{id}", editors, s.reportUpdate)
	s.handle(http.MethodPost, "/reports/{id}/delete", editors, s.reportDelete)
	s.handle(http.MethodPost, "/reports/{id}/budget", editors, s.reportBudget)

	for _, step := range []domain.ReportStep{domain.StepSubmit, domain.StepReview, domain.StepReturn, domain.StepApprove} {
		s.handle(http.MethodPost, "/reports/{id}/"+string(step), stepRule(step), s.reportStep(step))
	}
	s.handle(http.MethodGet, "/reports/{id}/sign", stepRule(domain.StepSign), s.reportSignForm)
	s.handle(http.MethodPost, "/reports/{id}/sign", stepRule(domain.StepSign), s.reportSign)

	s.handle(http.MethodPost, "/reports/{id}/comments", reviewers, s.reportComment)
	s.handle(http.MethodPost, "/reports/{id}/comments/{comment}/replies", staff, s.reportReply)
	s.handle(http.MethodPost, "/reports/{id}/comments/{comment}/resolve", reviewers, s.reportResolve)

	s.handle(http.MethodGet, "/reports/{id}/print", anyRole, s.reportPrint)
	s.handle(http.MethodGet, "/reports/{id}/summary", anyRole, s.reportSummary)
	s.handle(http.MethodGet, "/reports/{id}.pdf", anyRole, s.reportPDF)
	s.handle(http.MethodGet, "/reports/{id}/summary.pdf", anyRole, s.reportSummaryPDF)

	s.handle(http.MethodGet, "/api/v1/reports", apiAnyRole, s.apiReports)
	s.handle(http.MethodGet, "/api/v1/reports/{id}", apiAnyRole, s.apiReport)
}
