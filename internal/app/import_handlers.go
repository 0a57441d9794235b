package app

import (
	"errors"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/ingest"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/postgres"
	"github.com/cilegon/monev/web/components"
	"github.com/cilegon/monev/web/pages"
)

// problemsPerPage is how many problems of a file one page lists.
const problemsPerPage = 100

// importNew is the upload form, with the columns of the chosen kind.
func (s *App) importNew(w http.ResponseWriter, r *http.Request) {
	kind, err := ingest.ParseKind(r.URL.Query().Get("kind"))
	if err != nil {
		kind = ingest.Workers
	}
	s.Render(w, r, http.StatusOK, "Impor data", "imports", pages.ImportNew(importNewProps(kind, "")))
}

func importNewProps(kind ingest.Kind, errMsg string) pages.ImportNewProps {
	return pages.ImportNewProps{Kind: string(kind), KindLabel: kind.Label(), Kinds: kindOptions(), Columns: ingest.Columns(kind), Error: errMsg}
}

func kindOptions() []components.Choice {
	var opts []components.Choice
	for _, k := range ingest.Kinds {
		opts = append(opts, components.Choice{Value: string(k), Label: k.Label()})
	}
	return opts
}

// importUpload receives a file, records it and starts checking it; the
// browser goes on to the batch's page, which shows progress, then the
// preview.
func (s *App) importUpload(w http.ResponseWriter, r *http.Request) {
	up, err := s.receiveUpload(w, r, "")
	var bad errUpload
	if errors.As(err, &bad) {
		kind := up.kind
		if kind == "" {
			kind = ingest.Workers
		}
		s.Render(w, r, http.StatusUnprocessableEntity, "Impor data", "imports", pages.ImportNew(importNewProps(kind, bad.msg)))
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	up.dry = true
	batch, err := s.startCheck(r, up)
	if err != nil {
		os.Remove(up.path)
		s.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/imports/"+strconv.FormatInt(batch, 10), http.StatusSeeOther)
}

// importShow is one batch: progress while it runs, then its counts and every
// problem, paged, and the confirm button when the file can be imported.
func (s *App) importShow(w http.ResponseWriter, r *http.Request) {
	b, ok := s.batchOf(w, r)
	if !ok {
		return
	}
	page := httpx.PageNumber(r)
	problems, err := s.db.ImportProblems(r.Context(), httpx.User(r).Pemda, b.ID, (page-1)*problemsPerPage, problemsPerPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Impor "+b.FileName, "imports", pages.ImportShow(pages.ImportShowProps{
		Batch: b, KindLabel: kindLabel(b.Kind), Problems: problems, Page: page, PerPage: problemsPerPage,
		CanConfirm: s.Can(r, http.MethodPost, "/imports/{id}/confirm") && b.Status == "checked" &&
			b.ErrorCount == 0 && b.New+b.Updated > 0 && b.UploadToken != "",
	}))
}

// importConfirm imports a checked upload.
func (s *App) importConfirm(w http.ResponseWriter, r *http.Request) {
	b, ok := s.batchOf(w, r)
	if !ok {
		return
	}
	path := s.uploadPath(b.UploadToken)
	if _, statErr := os.Stat(path); b.Status != "checked" || b.ErrorCount > 0 || b.UploadToken == "" || statErr != nil {
		s.Flash(r, "error", "Berkas ini tidak dapat diimpor lagi; unggah ulang berkasnya.")
		http.Redirect(w, r, "/imports/"+r.PathValue("id"), http.StatusSeeOther)
		return
	}
	// Mark the batch before the job starts, so the page shows progress at once.
	b.Status, b.Rows = "importing", 0
	if err := s.db.SetImportStatus(r.Context(), httpx.User(r).Pemda, b); err != nil {
		s.Fail(w, r, err)
		return
	}
	kind, _ := ingest.ParseKind(b.Kind)
	s.runImport(s.Actor(r), upload{kind: kind, name: b.FileName, path: path, token: b.UploadToken}, b.ID)
	http.Redirect(w, r, "/imports/"+r.PathValue("id"), http.StatusSeeOther)
}

// batchOf finds the import batch named in the path, or answers 404.
func (s *App) batchOf(w http.ResponseWriter, r *http.Request) (postgres.ImportBatch, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.RenderError(w, r, http.StatusNotFound)
		return postgres.ImportBatch{}, false
	}
	if err := s.db.MarkStaleImports(r.Context(), httpx.User(r).Pemda); err != nil {
		s.Fail(w, r, err)
		return postgres.ImportBatch{}, false
	}
	b, err := s.db.ImportBatchByID(r.Context(), httpx.User(r).Pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return b, false
	}
	return b, true
}

// importList is the history of imports.
func (s *App) importList(w http.ResponseWriter, r *http.Request) {
	u := httpx.User(r)
	page := httpx.PageNumber(r)
	const perPage = 50
	if err := s.db.MarkStaleImports(r.Context(), u.Pemda); err != nil {
		s.Fail(w, r, err)
		return
	}
	batches, total, err := s.db.ImportBatches(r.Context(), u.Pemda, (page-1)*perPage, perPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Riwayat impor", "imports", pages.ImportList(pages.ImportListProps{
		Batches: batches, Total: total, Page: page, PerPage: perPage, CanUpload: s.Can(r, http.MethodGet, "/imports/new"),
	}))
}

// importTemplate serves the template of a kind: /imports/templates/peserta.xlsx.
func (s *App) importTemplate(w http.ResponseWriter, r *http.Request) {
	name, format, ok := strings.Cut(r.PathValue("file"), ".")
	kind, err := ingest.ParseKind(name)
	if !ok || err != nil || (format != "csv" && format != "xlsx") {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	httpx.SetDownload(w, "templat-"+strings.ToLower(kind.Label())+"."+format, format)
	if err := ingest.WriteTemplate(w, kind, format); err != nil {
		s.Log.Error("write template", "err", err)
	}
}

func kindLabel(kind string) string {
	k, _ := ingest.ParseKind(kind)
	return k.Label()
}

// startCheck records an upload as a batch and starts checking it.
func (s *App) startCheck(r *http.Request, up upload) (int64, error) {
	b, err := s.importer.Prepare(r.Context(), s.Actor(r), up.request(0))
	if err != nil {
		return 0, err
	}
	s.runImport(s.Actor(r), up, b.ID)
	return b.ID, nil
}
