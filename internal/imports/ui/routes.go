// Package ui holds the import pages — upload, preview, confirmation,
// history, templates — and POST /api/v1/imports/{kind}, which shares their
// upload handling. Imports run in the background through imports.Service;
// the package never imports pgx.
package ui

import (
	"context"
	"net/http"

	"github.com/cilegon/monev/internal/imports"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// Config is where uploads wait and how large they may be.
type Config struct {
	UploadLimit int64  // largest accepted upload in bytes
	UploadDir   string // where uploads wait for their confirmation
}

// Handlers serve the import pages and API, and run imports in the background.
type Handlers struct {
	*httpx.Site
	svc  *imports.Service
	cfg  Config
	jobs *jobs
}

// New returns the handlers of the import pages and API.
func New(site *httpx.Site, svc *imports.Service, cfg Config) *Handlers {
	return &Handlers{Site: site, svc: svc, cfg: cfg, jobs: newJobs()}
}

// Routes declares the routes of spreadsheet imports: upload, preview,
// confirm, history and templates. Staff of Disnaker upload; BPJS officers
// may follow what was imported.
func (s *Handlers) Routes() {
	s.Handle(http.MethodGet, "/imports", httpx.Staff, s.importList)
	s.Handle(http.MethodGet, "/imports/new", httpx.Editors, s.importNew)
	s.Handle(http.MethodPost, "/imports", httpx.Editors, s.importUpload)
	s.Handle(http.MethodGet, "/imports/{id}", httpx.Staff, s.importShow)
	s.Handle(http.MethodPost, "/imports/{id}/confirm", httpx.Editors, s.importConfirm)
	s.Handle(http.MethodGet, "/imports/templates/{file}", httpx.AnyRole, s.importTemplate)
	s.Handle(http.MethodPost, "/api/v1/imports/{kind}", httpx.APIEditors, s.apiImport)
}

// Stop cancels the imports running in the background and waits for them,
// at most until ctx ends; each rolls back and its batch says so.
func (s *Handlers) Stop(ctx context.Context) { s.jobs.stop(ctx) }

// CleanUploads removes uploads nobody confirmed within a day.
func (s *Handlers) CleanUploads() { s.cleanUploads() }
