package server

import "net/http"

// apiStaff lets the staff roles call an API route with a bearer token. The
// data-quality counts use it: they serve the same people as the page, who
// fix the data; leaders read the figures, not the registry's mistakes.
var apiStaff = access{api: true, roles: staff.roles}

// qualityRoutes declares the routes of the data-quality checks. The findings
// name workers with their NIK, so only staff (admin, Disnaker, BPJS) see them.
func (s *Server) qualityRoutes() {
	s.handle(http.MethodGet, "/quality", staff, s.qualityList)
	s.handle(http.MethodGet, "/quality/{check}", staff, s.qualityCheck)
	s.handle(http.MethodGet, "/api/v1/quality", apiStaff, s.apiQuality)
}
