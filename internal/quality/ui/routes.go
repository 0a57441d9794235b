// Package ui holds the data-quality pages: their handlers, templ
// components and view helpers. It reads the findings through
// quality.Service and never imports pgx.
package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/quality"
)

// apiStaff lets the staff roles call an API route with a bearer token. The
// data-quality counts use it: they serve the same people as the page, who
// fix the data; leaders read the figures, not the registry's mistakes.
var apiStaff = httpx.Access{API: true, Roles: httpx.Staff.Roles}

// Handlers serve the data-quality pages.
type Handlers struct {
	*httpx.Site
	svc   *quality.Service
	api   *quality.API
	audit *audit.Log
}

// New returns the handlers of the data-quality pages and API.
func New(site *httpx.Site, svc *quality.Service, log *audit.Log) *Handlers {
	return &Handlers{Site: site, svc: svc, api: quality.NewAPI(site, svc), audit: log}
}

// Routes declares the routes of the data-quality checks. The findings name
// workers with their NIK, so only staff (admin, Disnaker, BPJS) see them.
func (s *Handlers) Routes() {
	s.Handle(http.MethodGet, "/quality", httpx.Staff, s.list)
	s.Handle(http.MethodGet, "/quality/{check}", httpx.Staff, s.check)
	s.Handle(http.MethodGet, "/quality/double-funding", httpx.Staff, s.double)
	s.Handle(http.MethodGet, "/quality/double-funding.{format}", httpx.Staff, s.doubleExport)
	s.Handle(http.MethodGet, "/api/v1/quality/double-funding", apiStaff, s.api.DoubleFunding)
	s.Handle(http.MethodGet, "/api/v1/quality", apiStaff, s.api.Counts)
}
