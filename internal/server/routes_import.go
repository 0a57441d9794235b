package server

import "net/http"

// importRoutes declares the routes of spreadsheet imports: upload, preview,
// confirm, history and templates. Staff of Disnaker upload; BPJS officers
// may follow what was imported.
func (s *Server) importRoutes() {
	s.handle(http.MethodGet, "/imports", staff, s.importList)
	s.handle(http.MethodGet, "/imports/new", editors, s.importNew)
	s.handle(http.MethodPost, "/imports", editors, s.importUpload)
	s.handle(http.MethodGet, "/imports/{id}", staff, s.importShow)
	s.handle(http.MethodPost, "/imports/{id}/confirm", editors, s.importConfirm)
	s.handle(http.MethodGet, "/imports/templates/{file}", anyRole, s.importTemplate)
	s.handle(http.MethodPost, "/api/v1/imports/{kind}", apiEditors, s.apiImport)
}
