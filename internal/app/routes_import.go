package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
)

// importRoutes declares the routes of spreadsheet imports: upload, preview,
// confirm, history and templates. Staff of Disnaker upload; BPJS officers
// may follow what was imported.
func (s *App) importRoutes() {
	s.Handle(http.MethodGet, "/imports", httpx.Staff, s.importList)
	s.Handle(http.MethodGet, "/imports/new", httpx.Editors, s.importNew)
	s.Handle(http.MethodPost, "/imports", httpx.Editors, s.importUpload)
	s.Handle(http.MethodGet, "/imports/{id}", httpx.Staff, s.importShow)
	s.Handle(http.MethodPost, "/imports/{id}/confirm", httpx.Editors, s.importConfirm)
	s.Handle(http.MethodGet, "/imports/templates/{file}", httpx.AnyRole, s.importTemplate)
	s.Handle(http.MethodPost, "/api/v1/imports/{kind}", httpx.APIEditors, s.apiImport)
}
