package app

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/ingest"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/components"
	"github.com/cilegon/monev/web/pages"
)

// What the registry handlers (worker_*.go, enrollment_*.go,
// contribution_*.go, claim_*.go) share.

// registryPerPage is how many rows a registry list shows on a page.
const registryPerPage = 50

// historyLimit is how many changes a record's page shows.
const historyLimit = 200

// registryRef is the reference data registry pages name things by and offer
// in filters and forms.
type registryRef struct {
	categories []domain.Category
	kecamatan  []domain.Kecamatan
	kelurahan  []domain.Kelurahan
}

func (s *App) registryRef(ctx context.Context, pemda string) (registryRef, error) {
	var ref registryRef
	var err error
	if ref.categories, err = s.settings.Categories(ctx, pemda); err != nil {
		return ref, err
	}
	if ref.kecamatan, err = s.settings.Kecamatans(ctx, pemda); err != nil {
		return ref, err
	}
	ref.kelurahan, err = s.settings.Kelurahans(ctx, pemda)
	return ref, err
}

// ingest is the reference the import parser resolves names and codes with.
func (ref registryRef) ingest() ingest.Reference {
	return ingest.Reference{Categories: ref.categories, Kelurahan: ref.kelurahan}
}

func (ref registryRef) categoryName(code string) string {
	for _, c := range ref.categories {
		if c.Code == code {
			return c.Name
		}
	}
	return code
}

func (ref registryRef) kelurahanOf(code string) domain.Kelurahan {
	for _, k := range ref.kelurahan {
		if k.Code == code {
			return k
		}
	}
	return domain.Kelurahan{Code: code, Name: code}
}

func (ref registryRef) kecamatanName(code string) string {
	for _, k := range ref.kecamatan {
		if k.Code == code {
			return k.Name
		}
	}
	return code
}

// categoryOptions are the categories for a select whose empty choice is first.
func (ref registryRef) categoryOptions(first string) []components.Choice {
	opts := []components.Choice{{Value: "", Label: first}}
	for _, c := range ref.categories {
		opts = append(opts, components.Choice{Value: c.Code, Label: c.Name})
	}
	return opts
}

func (ref registryRef) kecamatanOptions(first string) []components.Choice {
	opts := []components.Choice{{Value: "", Label: first}}
	for _, k := range ref.kecamatan {
		opts = append(opts, components.Choice{Value: k.Code, Label: k.Name})
	}
	return opts
}

// kelurahanGroups are the kelurahan grouped by kecamatan.
func (ref registryRef) kelurahanGroups(first string) []components.OptionGroup {
	groups := []components.OptionGroup{}
	if first != "" {
		groups = append(groups, components.OptionGroup{Options: []components.Choice{{Value: "", Label: first}}})
	}
	for _, kc := range ref.kecamatan {
		g := components.OptionGroup{Label: "Kecamatan " + kc.Name}
		for _, k := range ref.kelurahan {
			if k.KecamatanCode == kc.Code {
				g.Options = append(g.Options, components.Choice{Value: k.Code, Label: k.Name})
			}
		}
		groups = append(groups, g)
	}
	return groups
}

// choices are the data-driven options of the record forms.
func (ref registryRef) choices() components.Choices {
	return components.Choices{Categories: ref.categoryOptions("")[1:], Kelurahan: ref.kelurahanGroups("")}
}

// viewer is what the registry pages need to know about the user.
func (s *App) viewer(r *http.Request) pages.Viewer {
	return pages.Viewer{FullNIK: httpx.User(r).Role.SeesFullNIK(), CanEdit: s.Can(r, http.MethodPost, "/workers")}
}

// nikText is a NIK as the user of r may see it, in full or masked.
func nikText(r *http.Request, n domain.NIK) string {
	if httpx.User(r).Role.SeesFullNIK() {
		return string(n)
	}
	return n.Masked()
}

// listState reads the sort and page of a list; sort must be one of sorts
// (the first is the default, descending when defDesc).
func listState(r *http.Request, path string, fr *filterReader, sorts []string, defDesc bool) components.ListState {
	q := r.URL.Query()
	l := components.ListState{Path: path, Query: fr.kept, Sort: q.Get("sort"), Page: httpx.PageNumber(r), PerPage: registryPerPage,
		DefaultSort: sorts[0], DefaultDesc: defDesc}
	if !slices.Contains(sorts, l.Sort) {
		l.Sort, l.Desc = sorts[0], defDesc
	}
	switch q.Get("dir") {
	case "desc":
		l.Desc = true
	case "asc":
		l.Desc = false
	}
	return l
}

// chips are the active filters of a list, each with the link that removes it.
func chips(l components.ListState, fr *filterReader) []components.FilterChip {
	out := make([]components.FilterChip, len(fr.chips))
	for i, c := range fr.chips {
		out[i] = components.FilterChip{Label: c.label, Remove: l.Without(c.key)}
	}
	return out
}

// idParam reads the {id} of the path, answering 404 when it is not a number.
func (s *App) idParam(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.RenderError(w, r, http.StatusNotFound)
		return 0, false
	}
	return id, true
}

// formValues reads the posted fields of a record form: the import columns
// of kind, as typed.
func formValues(r *http.Request, kind ingest.Kind) map[string]string {
	_ = r.ParseForm() // a malformed body leaves the fields empty, and the form says so
	v := map[string]string{}
	for _, c := range ingest.Columns(kind) {
		if x, ok := r.PostForm[c.Name]; ok && len(x) > 0 {
			v[c.Name] = strings.TrimSpace(x[0])
		}
	}
	return v
}

// refusal splits a store error into the messages a form shows (by field)
// and any other error, which is a failure.
func refusal(err error) (domain.FieldErrors, error) {
	var c *domain.ConflictError
	if errors.As(err, &c) {
		return c.Fields, nil
	}
	return nil, err
}

// saveForm ends a form POST: problems found while parsing go back to the
// form, as do the store's refusals; otherwise store has saved, and the
// browser goes on with a flash message.
func (s *App) saveForm(w http.ResponseWriter, r *http.Request, problems []ingest.RowError,
	store func() (msg, to string, err error), again func(status int, errs domain.FieldErrors)) {
	errs := ingest.FieldErrors(problems)
	if len(problems) == 0 {
		msg, to, err := store()
		fields, err := refusal(err)
		switch {
		case err != nil:
			s.Fail(w, r, err)
			return
		case fields == nil:
			s.Saved(w, r, msg, to)
			return
		}
		errs = fields
	}
	again(http.StatusUnprocessableEntity, errs)
}

// historyOf is the history of a record in words.
func (s *App) historyOf(r *http.Request, ref registryRef, entity string, id int64) ([]components.HistoryItem, error) {
	entries, err := s.db.History(r.Context(), httpx.User(r).Pemda, entity, id, historyLimit)
	return historyItems(entries, ref, httpx.User(r).Role.SeesFullNIK()), err
}

// saved ends a successful POST: a flash message and a redirect.
func (s *App) saved(w http.ResponseWriter, r *http.Request, msg, to string) {
	s.Flash(r, "ok", msg)
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// deleted ends a delete: a flash message and a redirect, or, when the store
// refuses, the reason and a redirect back.
func (s *App) deleted(w http.ResponseWriter, r *http.Request, err error, msg, to, back string) {
	fields, err := refusal(err)
	switch {
	case err != nil:
		s.Fail(w, r, err)
	case fields != nil:
		for _, msg := range fields {
			s.Flash(r, "error", msg)
		}
		http.Redirect(w, r, back, http.StatusSeeOther)
	default:
		s.Saved(w, r, msg, to)
	}
}

// exportTo writes a list as a file in the layout of its import template,
// streaming the rows each gives, and records the export in the audit log.
func (s *App) exportTo(w http.ResponseWriter, r *http.Request, kind ingest.Kind, each func(*ingest.Exporter) error) {
	format := r.PathValue("format")
	if format != "csv" && format != "xlsx" {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	summary := "Ekspor " + strings.ToLower(kind.Label()) + " (" + format + ")"
	if r.URL.RawQuery != "" {
		summary += " dengan filter " + r.URL.RawQuery
	}
	if !httpx.User(r).Role.SeesFullNIK() {
		summary += "; NIK disamarkan"
	}
	if err := s.audit.Record(r.Context(), s.Actor(r), "export", string(kind), "", summary); err != nil {
		s.Fail(w, r, err)
		return
	}
	httpx.SetDownload(w, strings.ToLower(kind.Label())+"-"+s.Now().In(domain.WIB).Format("2006-01-02")+"."+format, format)
	ex, err := ingest.NewExporter(w, kind, format)
	if err == nil {
		err = each(ex)
		if cerr := ex.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		// The headers are out; all that is left is to log and cut the file short.
		s.Log.Error("export", "kind", kind, "err", err, "request_id", httpx.RequestID(r.Context()))
	}
}

// workerPath is the address of a worker's page.
func workerPath(id int64) string { return "/workers/" + strconv.FormatInt(id, 10) }

// withRef runs fn with the reference data, failing when it cannot be read.
func (s *App) withRef(w http.ResponseWriter, r *http.Request, fn func(registryRef)) {
	ref, err := s.registryRef(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	fn(ref)
}

// withWorker runs fn with the worker named by {id} and the reference data,
// answering 404 for an unknown worker.
func (s *App) withWorker(w http.ResponseWriter, r *http.Request, fn func(domain.Worker, registryRef)) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	wk, err := s.db.Worker(r.Context(), httpx.User(r).Pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.withRef(w, r, func(ref registryRef) { fn(wk, ref) })
}

// enrollmentPath is the address of a spell.
func enrollmentPath(id int64) string { return "/enrollments/" + strconv.FormatInt(id, 10) }

// idPath is the address of a record under base, "/claims/12".
func idPath(base string, id int64) string { return base + "/" + strconv.FormatInt(id, 10) }
