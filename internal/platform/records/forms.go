package records

import (
	"errors"
	"net/http"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// FormValues reads the posted fields of a record form: the columns of kind,
// as typed.
func FormValues(r *http.Request, kind sheet.Schema) map[string]string {
	_ = r.ParseForm() // a malformed body leaves the fields empty, and the form says so
	v := map[string]string{}
	for _, c := range kind.Specs() {
		if x, ok := r.PostForm[c.Name]; ok && len(x) > 0 {
			v[c.Name] = strings.TrimSpace(x[0])
		}
	}
	return v
}

// refusal splits a service error into the messages a form shows (by field)
// and any other error, which is a failure.
func refusal(err error) (domain.FieldErrors, error) {
	var c *domain.ConflictError
	if errors.As(err, &c) {
		return c.Fields, nil
	}
	return nil, err
}

// SaveForm ends a form POST: problems found while parsing go back to the
// form (again), as do the service's refusals; otherwise save has saved, and
// the browser goes on with a flash message.
func SaveForm(site *httpx.Site, w http.ResponseWriter, r *http.Request, problems []sheet.RowError,
	save func() (msg, to string, err error), again func(status int, errs domain.FieldErrors)) {
	errs := sheet.FieldErrors(problems)
	if len(problems) == 0 {
		msg, to, err := save()
		fields, err := refusal(err)
		switch {
		case err != nil:
			site.Fail(w, r, err)
			return
		case fields == nil:
			site.Saved(w, r, msg, to)
			return
		}
		errs = fields
	}
	again(http.StatusUnprocessableEntity, errs)
}

// Deleted ends a delete: a flash message and a redirect, or, when the
// service refuses, the reason and a redirect back.
func Deleted(site *httpx.Site, w http.ResponseWriter, r *http.Request, err error, msg, to, back string) {
	fields, err := refusal(err)
	switch {
	case err != nil:
		site.Fail(w, r, err)
	case fields != nil:
		for _, msg := range fields {
			site.Flash(r, "error", msg)
		}
		http.Redirect(w, r, back, http.StatusSeeOther)
	default:
		site.Saved(w, r, msg, to)
	}
}

// Export writes a list as a file in the layout of its import template
// ({format} of the path: csv or xlsx), streaming the records each gives,
// and records the export in log.
func Export[R any](site *httpx.Site, log *audit.Log, w http.ResponseWriter, r *http.Request, t *sheet.Table[R], ref domain.Reference,
	each func(*sheet.Exporter[R]) error) {
	format := r.PathValue("format")
	if format != "csv" && format != "xlsx" {
		site.RenderError(w, r, http.StatusNotFound)
		return
	}
	fullNIK := httpx.User(r).Role.SeesFullNIK()
	summary := "Ekspor " + strings.ToLower(t.Label) + " (" + format + ")"
	if r.URL.RawQuery != "" {
		summary += " dengan filter " + r.URL.RawQuery
	}
	if !fullNIK {
		summary += "; NIK disamarkan"
	}
	if err := log.Record(r.Context(), site.Actor(r), "export", t.Kind, "", summary); err != nil {
		site.Fail(w, r, err)
		return
	}
	httpx.SetDownload(w, strings.ToLower(t.Label)+"-"+site.Now().In(domain.WIB).Format("2006-01-02")+"."+format, format)
	ex, err := sheet.NewExporter(w, t, format, sheet.View{FullNIK: fullNIK, Ref: ref})
	if err == nil {
		err = each(ex)
		if cerr := ex.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		site.AbortStream(r, log, t.Kind, summary, err)
	}
}
