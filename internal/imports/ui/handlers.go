package ui

import (
	"errors"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/imports"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/web/components"
)

// problemsPerPage is how many problems of a file one page lists.
const problemsPerPage = 100

// importNew is the upload form, with the columns of the chosen kind.
func (s *Handlers) importNew(w http.ResponseWriter, r *http.Request) {
	kind, err := s.svc.Kind(r.URL.Query().Get("kind"))
	if err != nil {
		kind = s.svc.Kinds()[0]
	}
	s.Render(w, r, http.StatusOK, "Impor data", "imports", ImportNew(s.newProps(kind, "")))
}

// newProps is the upload form for a kind, with a problem to show.
func (s *Handlers) newProps(kind sheet.Kind, errMsg string) ImportNewProps {
	return ImportNewProps{Kind: kind.Name(), KindLabel: kind.Title(), Kinds: s.kindOptions(), Columns: kind.Specs(), Error: errMsg}
}

// kindOptions are the kinds of file for the form's select.
func (s *Handlers) kindOptions() []components.Choice {
	var opts []components.Choice
	for _, k := range s.svc.Kinds() {
		opts = append(opts, components.Choice{Value: k.Name(), Label: k.Title()})
	}
	return opts
}

// importUpload receives a file, records it and starts checking it; the
// browser goes on to the batch's page, which shows progress, then the
// preview.
func (s *Handlers) importUpload(w http.ResponseWriter, r *http.Request) {
	up, err := s.receiveUpload(w, r, sheet.Kind{})
	var bad errUpload
	if errors.As(err, &bad) {
		kind := up.kind
		if kind.Schema == nil {
			kind = s.svc.Kinds()[0]
		}
		s.Render(w, r, http.StatusUnprocessableEntity, "Impor data", "imports", ImportNew(s.newProps(kind, bad.msg)))
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
func (s *Handlers) importShow(w http.ResponseWriter, r *http.Request) {
	b, ok := s.batchOf(w, r)
	if !ok {
		return
	}
	page := httpx.PageNumber(r)
	problems, err := s.svc.Problems(r.Context(), httpx.User(r).Pemda, b.ID, (page-1)*problemsPerPage, problemsPerPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Impor "+b.FileName, "imports", ImportShow(ImportShowProps{
		Batch: b, KindLabel: s.kindLabel(b.Kind), Problems: problems, Page: page, PerPage: problemsPerPage,
		CanConfirm: s.Can(r, http.MethodPost, "/imports/{id}/confirm") && b.Status == "checked" &&
			b.ErrorCount == 0 && b.New+b.Updated > 0 && b.UploadToken != "",
	}))
}

// importConfirm imports a checked upload, once: the service moves the
// batch from checked to queued atomically, so a double click starts one job.
func (s *Handlers) importConfirm(w http.ResponseWriter, r *http.Request) {
	b, ok := s.batchOf(w, r)
	if !ok {
		return
	}
	path := s.uploadPath(b.UploadToken)
	if _, statErr := os.Stat(path); b.UploadToken == "" || statErr != nil {
		s.Flash(r, "error", "Berkas ini tidak dapat diimpor lagi; unggah ulang berkasnya.")
		http.Redirect(w, r, "/imports/"+r.PathValue("id"), http.StatusSeeOther)
		return
	}
	b, err := s.svc.Confirm(r.Context(), httpx.User(r).Pemda, b.ID)
	if errors.Is(err, domain.ErrConflict) {
		s.Flash(r, "error", "Berkas ini sudah dikonfirmasi atau tidak dapat diimpor lagi.")
		http.Redirect(w, r, "/imports/"+r.PathValue("id"), http.StatusSeeOther)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	kind, _ := s.svc.Kind(b.Kind)
	s.runImport(s.Actor(r), upload{kind: kind, name: b.FileName, path: path, token: b.UploadToken}, b.ID)
	http.Redirect(w, r, "/imports/"+r.PathValue("id"), http.StatusSeeOther)
}

// batchOf finds the import batch named in the path, or answers 404.
func (s *Handlers) batchOf(w http.ResponseWriter, r *http.Request) (imports.Batch, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.RenderError(w, r, http.StatusNotFound)
		return imports.Batch{}, false
	}
	b, err := s.svc.Batch(r.Context(), httpx.User(r).Pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return b, false
	}
	return b, true
}

// importList is the history of imports.
func (s *Handlers) importList(w http.ResponseWriter, r *http.Request) {
	u := httpx.User(r)
	page := httpx.PageNumber(r)
	const perPage = 50
	batches, total, err := s.svc.Batches(r.Context(), u.Pemda, (page-1)*perPage, perPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Riwayat impor", "imports", ImportList(ImportListProps{
		Batches: batches, Total: total, Page: page, PerPage: perPage, CanUpload: s.Can(r, http.MethodGet, "/imports/new"),
		KindLabels: s.kindLabels(),
	}))
}

// importTemplate serves the template of a kind: /imports/templates/peserta.xlsx.
func (s *Handlers) importTemplate(w http.ResponseWriter, r *http.Request) {
	name, format, ok := strings.Cut(r.PathValue("file"), ".")
	kind, err := s.svc.Kind(name)
	if !ok || err != nil || (format != "csv" && format != "xlsx") {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	httpx.SetDownload(w, "templat-"+kind.File()+"."+format, format)
	if err := sheet.WriteTemplate(w, kind, format); err != nil {
		s.Log.Error("write template", "err", err)
	}
}

// kindLabels maps every kind's code to its Indonesian name.
func (s *Handlers) kindLabels() map[string]string {
	m := map[string]string{}
	for _, k := range s.svc.Kinds() {
		m[k.Name()] = k.Title()
	}
	return m
}

// kindLabel is the Indonesian name of a kind, or its code when unknown.
func (s *Handlers) kindLabel(kind string) string {
	k, err := s.svc.Kind(kind)
	if err != nil {
		return kind
	}
	return k.Title()
}

// startCheck records an upload as a batch and starts checking it.
func (s *Handlers) startCheck(r *http.Request, up upload) (int64, error) {
	b, err := s.svc.Prepare(r.Context(), s.Actor(r), up.request(0))
	if err != nil {
		return 0, err
	}
	s.runImport(s.Actor(r), up, b.ID)
	return b.ID, nil
}
