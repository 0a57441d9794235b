package server

import "net/http"

// registryRoutes declares the routes of the registry: lists, details, forms and exports of workers, contributions and claims.
// Everyone reads (pimpinan with NIKs masked); Disnaker staff and admins add, correct and delete.
func (s *Server) registryRoutes() {
	s.handle(http.MethodGet, "/workers", anyRole, s.workerList)
	s.handle(http.MethodGet, "/workers/export.{format}", anyRole, s.workerExport)
	s.handle(http.MethodGet, "/workers/new", editors, s.workerNew)
	s.handle(http.MethodPost, "/workers", editors, s.workerCreate)
	s.handle(http.MethodGet, "/workers/{id}", anyRole, s.workerShow)
	s.handle(http.MethodGet, "/workers/{id}/edit", editors, s.workerEdit)
	s.handle(http.MethodPost, "/workers/{id}", editors, s.workerUpdate)
	s.handle(http.MethodPost, "/workers/{id}/delete", editors, s.workerDelete)

	s.handle(http.MethodGet, "/workers/{id}/enrollments/new", editors, s.enrollmentNew)
	s.handle(http.MethodPost, "/workers/{id}/enrollments", editors, s.enrollmentCreate)
	s.handle(http.MethodGet, "/enrollments/{id}/edit", editors, s.enrollmentEdit)
	s.handle(http.MethodPost, "/enrollments/{id}", editors, s.enrollmentUpdate)
	s.handle(http.MethodGet, "/enrollments/{id}/end", editors, s.enrollmentEndForm)
	s.handle(http.MethodPost, "/enrollments/{id}/end", editors, s.enrollmentEnd)
	s.handle(http.MethodPost, "/enrollments/{id}/delete", editors, s.enrollmentDelete)

	s.handle(http.MethodGet, "/contributions", anyRole, s.contributionList)
	s.handle(http.MethodGet, "/contributions/export.{format}", anyRole, s.contributionExport)
	s.handle(http.MethodGet, "/contributions/new", editors, s.contributionNew)
	s.handle(http.MethodPost, "/contributions", editors, s.contributionCreate)
	s.handle(http.MethodGet, "/contributions/{id}", anyRole, s.contributionShow)
	s.handle(http.MethodGet, "/contributions/{id}/edit", editors, s.contributionEdit)
	s.handle(http.MethodPost, "/contributions/{id}", editors, s.contributionUpdate)
	s.handle(http.MethodPost, "/contributions/{id}/delete", editors, s.contributionDelete)

	s.handle(http.MethodGet, "/claims", anyRole, s.claimList)
	s.handle(http.MethodGet, "/claims/export.{format}", anyRole, s.claimExport)
	s.handle(http.MethodGet, "/claims/new", editors, s.claimNew)
	s.handle(http.MethodPost, "/claims", editors, s.claimCreate)
	s.handle(http.MethodGet, "/claims/{id}", anyRole, s.claimShow)
	s.handle(http.MethodGet, "/claims/{id}/edit", editors, s.claimEdit)
	s.handle(http.MethodPost, "/claims/{id}", editors, s.claimUpdate)
	s.handle(http.MethodPost, "/claims/{id}/delete", editors, s.claimDelete)

	s.handle(http.MethodGet, "/api/v1/workers/{nik}", apiAnyRole, s.apiWorker)
}
