// Package ui holds the pages of the registry: the list of workers with its
// filters and exports, a worker's page with spells, claims and history, and
// the forms that add and correct workers and spells. It reaches the data
// through registry.Service and never imports pgx.
package ui

import (
	"net/http"
	"strconv"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/internal/settings"
	"github.com/cilegon/monev/web/components"
)

// Handlers serve the registry's pages.
type Handlers struct {
	*httpx.Site
	svc      *registry.Service
	claims   *claims.Service
	settings *settings.Service
	audit    *audit.Log
	api      *registry.API
}

// New returns the handlers of the registry's pages and API; a worker's page
// lists their claims from cl, and exports are recorded in log.
func New(site *httpx.Site, svc *registry.Service, cl *claims.Service, set *settings.Service, log *audit.Log) *Handlers {
	return &Handlers{Site: site, svc: svc, claims: cl, settings: set, audit: log, api: registry.NewAPI(site, svc, set, cl)}
}

// Routes declares the routes of workers and their spells: lists, details,
// forms and exports. Everyone reads (pimpinan with NIKs masked); Disnaker
// staff and admins add, correct and delete.
func (s *Handlers) Routes() {
	s.Handle(http.MethodGet, "/workers", httpx.Persons, s.workerList)
	s.Handle(http.MethodGet, "/workers/export.{format}", httpx.Persons, s.workerExport)
	s.Handle(http.MethodGet, "/workers/new", httpx.Editors, s.workerNew)
	s.Handle(http.MethodPost, "/workers", httpx.Editors, s.workerCreate)
	s.Handle(http.MethodGet, "/workers/{id}", httpx.Persons, s.workerShow)
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
	s.Handle(http.MethodPost, "/enrollments/{id}/refill", httpx.Editors, s.refill)

	// The waiting list and the replacements name persons; pimpinan reads
	// their counts on /quota.
	s.Handle(http.MethodGet, "/waiting-list", httpx.Persons, s.waitingList)
	s.Handle(http.MethodGet, "/waiting-list/new", httpx.Editors, s.candidateNew)
	s.Handle(http.MethodPost, "/waiting-list", httpx.Editors, s.candidateCreate)
	s.Handle(http.MethodGet, "/replacements", httpx.Persons, s.replacementList)
	s.Handle(http.MethodGet, "/replacements/export.{format}", httpx.Persons, s.replacementExport)
	s.Handle(http.MethodGet, "/quota", httpx.AnyRole, s.quota)

	s.Handle(http.MethodGet, "/api/v1/workers/{nik}", httpx.APIPersons, s.api.Worker)
}

// withRef runs fn with the reference data, failing when it cannot be read.
func (s *Handlers) withRef(w http.ResponseWriter, r *http.Request, fn func(records.Ref)) {
	records.WithRef(s.Site, s.settings, w, r, fn)
}

// withWorker runs fn with the worker named by {id} and the reference data,
// answering 404 for an unknown worker.
func (s *Handlers) withWorker(w http.ResponseWriter, r *http.Request, fn func(registry.Worker, records.Ref)) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	wk, err := s.svc.Worker(r.Context(), httpx.User(r).Pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.withRef(w, r, func(ref records.Ref) { fn(wk, ref) })
}

// enrollmentPath is the address of a spell.
func enrollmentPath(id int64) string { return "/enrollments/" + strconv.FormatInt(id, 10) }

// history is the history of a worker (with their spells) or a spell in words.
func (s *Handlers) history(r *http.Request, ref records.Ref, entity string, id int64) ([]components.HistoryItem, error) {
	entries, err := s.svc.History(r.Context(), httpx.User(r).Pemda, entity, id, records.HistoryLimit)
	return workerHistory.Items(entries, ref, httpx.User(r).Role.SeesFullNIK()), err
}

// workerHistory says how workers and spells read in their history.
var workerHistory = records.History{
	Fields: map[string][]records.Field{
		"worker": {{Key: "nik", Label: "NIK"}, {Key: "name", Label: "Nama"}, {Key: "birth_date", Label: "Tanggal lahir"}, {Key: "sex", Label: "Jenis kelamin"},
			{Key: "category_code", Label: "Kategori"}, {Key: "kelurahan_code", Label: "Kelurahan"}, {Key: "kpj", Label: "No. KPJ"}, {Key: "income", Label: "Penghasilan"},
			{Key: "address", Label: "Alamat"}, {Key: "phone", Label: "No. HP"}},
		"enrollment": {{Key: "start_date", Label: "Tanggal mulai"}, {Key: "end_date", Label: "Tanggal selesai"}, {Key: "status", Label: "Status"}},
	},
	Subject: func(e audit.Entry) string {
		if e.Entity != "enrollment" {
			return "Data peserta"
		}
		start := e.NewValues["start_date"]
		if start == nil {
			start = e.OldValues["start_date"]
		}
		return "Kepesertaan mulai " + audit.Day(start)
	},
	Value: func(entity, key string, v any) string {
		if s, ok := v.(string); ok && key == "status" {
			return domain.EnrollmentStatus(s).Label()
		}
		return ""
	},
}

// workerSorts are the sorts of the workers list; the first is the default.
var workerSorts = []string{"name", "nik", "category", "kelurahan", "kecamatan"}

// workerQuery reads what a worker list or export asks for: the filter with
// its sort, the filters' reader and the list's state.
func workerQuery(r *http.Request, ref records.Ref) (registry.WorkerFilter, *records.Filters, components.ListState) {
	fr := records.NewFilters(r)
	f := registry.WorkerFilter{
		Text:          fr.Text("q", "Cari"),
		NIKInFullOnly: !httpx.User(r).Role.SeesFullNIK(),
		Category:      fr.OneOf("category", "Kategori", ref.CategoryLabels()),
		Kecamatan:     fr.OneOf("kecamatan", "Kecamatan", ref.KecamatanLabels()),
		Kelurahan:     fr.OneOf("kelurahan", "Kelurahan", ref.KelurahanLabels()),
		Status: domain.EnrollmentStatus(fr.OneOf("status", "Status terakhir",
			records.Labels(domain.EnrollmentStatuses, domain.EnrollmentStatus.Label))),
		ActiveOn: fr.Day("active_on", "Aktif pada"),
	}
	l := records.List(r, "/workers", fr, workerSorts, false)
	f.Sort, f.Desc = l.Sort, l.Desc
	return f, fr, l
}
