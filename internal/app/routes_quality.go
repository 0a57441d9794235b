package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
)

// apiStaff lets the staff roles call an API route with a bearer token. The
// data-quality counts use it: they serve the same people as the page, who
// fix the data; leaders read the figures, not the registry's mistakes.
var apiStaff = httpx.Access{API: true, Roles: httpx.Staff.Roles}

// qualityRoutes declares the routes of the data-quality checks. The findings
// name workers with their NIK, so only staff (admin, Disnaker, BPJS) see them.
func (s *App) qualityRoutes() {
	s.Handle(http.MethodGet, "/quality", httpx.Staff, s.qualityList)
	s.Handle(http.MethodGet, "/quality/{check}", httpx.Staff, s.qualityCheck)
	s.Handle(http.MethodGet, "/api/v1/quality", apiStaff, s.apiQuality)
}
