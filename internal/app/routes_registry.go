package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
)

// registryRoutes declares the routes of the registry: lists, details, forms and exports of workers, contributions and claims.
// Everyone reads (pimpinan with NIKs masked); Disnaker staff and admins add, correct and delete.
func (s *App) registryRoutes() {
	s.Handle(http.MethodGet, "/workers", httpx.AnyRole, s.workerList)
	s.Handle(http.MethodGet, "/workers/export.{format}", httpx.AnyRole, s.workerExport)
	s.Handle(http.MethodGet, "/workers/new", httpx.Editors, s.workerNew)
	s.Handle(http.MethodPost, "/workers", httpx.Editors, s.workerCreate)
	s.Handle(http.MethodGet, "/workers/{id}", httpx.AnyRole, s.workerShow)
	s.Handle(http.MethodGet, "/workers/{id}/edit", httpx.Editors, s.workerEdit)
	s.Handle(http.MethodPost, "/workers/{id}", httpx.Editors, s.workerUpdate)
	s.Handle(http.MethodPost, "/workers/{id}/delete", httpx.Editors, s.workerDelete)

	s.Handle(http.MethodGet, "/workers/{id}/enrollments/new", httpx.Editors, s.enrollmentNew)
	s.Handle(http.MethodPost, "/workers/{id}/enrollments", httpx.Editors, s.enrollmentCreate)
	s.Handle(http.MethodGet, "/enrollments/{id}/edit", httpx.Editors, s.enrollmentEdit)
	s.Handle(http.MethodPost, "/enrollments/{id}", httpx.Editors, s.enrollmentUpdate)
	s.Handle(http.MethodGet, "/enrollments/{id}/end", httpx.Editors, s.enrollmentEndForm)
	s.Handle(http.MethodPost, "/enrollments/{id}/end", httpx.Editors, s.enrollmentEnd)
	s.Handle(http.MethodPost, "/enrollments/{id}/delete", httpx.Editors, s.enrollmentDelete)

	s.Handle(http.MethodGet, "/contributions", httpx.AnyRole, s.contributionList)
	s.Handle(http.MethodGet, "/contributions/export.{format}", httpx.AnyRole, s.contributionExport)
	s.Handle(http.MethodGet, "/contributions/new", httpx.Editors, s.contributionNew)
	s.Handle(http.MethodPost, "/contributions", httpx.Editors, s.contributionCreate)
	s.Handle(http.MethodGet, "/contributions/{id}", httpx.AnyRole, s.contributionShow)
	s.Handle(http.MethodGet, "/contributions/{id}/edit", httpx.Editors, s.contributionEdit)
	s.Handle(http.MethodPost, "/contributions/{id}", httpx.Editors, s.contributionUpdate)
	s.Handle(http.MethodPost, "/contributions/{id}/delete", httpx.Editors, s.contributionDelete)

	s.Handle(http.MethodGet, "/claims", httpx.AnyRole, s.claimList)
	s.Handle(http.MethodGet, "/claims/export.{format}", httpx.AnyRole, s.claimExport)
	s.Handle(http.MethodGet, "/claims/new", httpx.Editors, s.claimNew)
	s.Handle(http.MethodPost, "/claims", httpx.Editors, s.claimCreate)
	s.Handle(http.MethodGet, "/claims/{id}", httpx.AnyRole, s.claimShow)
	s.Handle(http.MethodGet, "/claims/{id}/edit", httpx.Editors, s.claimEdit)
	s.Handle(http.MethodPost, "/claims/{id}", httpx.Editors, s.claimUpdate)
	s.Handle(http.MethodPost, "/claims/{id}/delete", httpx.Editors, s.claimDelete)

	s.Handle(http.MethodGet, "/api/v1/workers/{nik}", httpx.APIAnyRole, s.apiWorker)
}
