package records

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/components"
)

// Filters reads a list's filters from the query. It keeps the valid ones
// (for links and exports), names each for the list of active filters, and
// collects what it could not use; a filter that cannot be used is left out
// rather than failing the page.
type Filters struct {
	q       url.Values
	kept    url.Values
	chips   []chip
	bad     []string
	maskNIK bool // the reader may not see NIKs: a NIK searched for is shown masked
}

type chip struct{ label, key string }

// NewFilters reads the filters of r.
func NewFilters(r *http.Request) *Filters {
	return &Filters{q: r.URL.Query(), kept: url.Values{}, maskNIK: !httpx.User(r).Role.SeesFullNIK()}
}

// keep records a usable filter and its label.
func (fr *Filters) keep(key, value, label string) {
	fr.kept.Set(key, value)
	fr.chips = append(fr.chips, chip{label: label, key: key})
}

// Text reads a free-text filter, the search.
func (fr *Filters) Text(key, what string) string {
	v := strings.TrimSpace(fr.q.Get(key))
	if v == "" {
		return ""
	}
	label := v
	if nik, err := domain.ParseNIK(v); err == nil && fr.maskNIK {
		label = nik.Masked()
	}
	fr.keep(key, v, what+": "+label)
	return v
}

// OneOf reads a filter whose value must be one of labels' keys.
func (fr *Filters) OneOf(key, what string, labels map[string]string) string {
	v := strings.TrimSpace(fr.q.Get(key))
	if v == "" {
		return ""
	}
	label, ok := labels[v]
	if !ok {
		fr.bad = append(fr.bad, strings.ToLower(what)+" tidak dikenal: "+v)
		return ""
	}
	fr.keep(key, v, what+": "+label)
	return v
}

// Day reads a date filter, 2024-07-17 (or as people type dates).
func (fr *Filters) Day(key, what string) time.Time {
	v := strings.TrimSpace(fr.q.Get(key))
	if v == "" {
		return time.Time{}
	}
	t, err := domain.ParseDate(v)
	if err != nil {
		fr.bad = append(fr.bad, strings.ToLower(what)+": "+err.Error())
		return time.Time{}
	}
	fr.keep(key, t.Format("2006-01-02"), what+": "+domain.FormatDate(t))
	return t
}

// Month reads a month filter, 2024-07.
func (fr *Filters) Month(key, what string) domain.Month {
	v := strings.TrimSpace(fr.q.Get(key))
	if v == "" {
		return 0
	}
	m, err := domain.ParseMonth(v)
	if err != nil {
		fr.bad = append(fr.bad, strings.ToLower(what)+": "+err.Error())
		return 0
	}
	fr.keep(key, m.String(), what+": "+m.Label())
	return m
}

// Notice says which filters were left out, "" when all were used.
func (fr *Filters) Notice() string {
	if len(fr.bad) == 0 {
		return ""
	}
	return "Filter berikut tidak dipakai: " + strings.Join(fr.bad, "; ") + "."
}

// Status is the status of a list page: 400 when a filter could not be used.
func (fr *Filters) Status() int {
	if len(fr.bad) > 0 {
		return http.StatusBadRequest
	}
	return http.StatusOK
}

// List reads the sort and page of a list at path; sort must be one of sorts
// (the first is the default, descending when defDesc).
func List(r *http.Request, path string, fr *Filters, sorts []string, defDesc bool) components.ListState {
	q := r.URL.Query()
	l := components.ListState{Path: path, Query: fr.kept, Sort: q.Get("sort"), Page: httpx.PageNumber(r), PerPage: PerPage,
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

// Chips are the active filters of a list, each with the link that removes it.
func Chips(l components.ListState, fr *Filters) []components.FilterChip {
	out := make([]components.FilterChip, len(fr.chips))
	for i, c := range fr.chips {
		out[i] = components.FilterChip{Label: c.label, Remove: l.Without(c.key)}
	}
	return out
}
