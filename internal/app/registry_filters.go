package app

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/postgres"
	"github.com/cilegon/monev/web/components"
)

// filterReader reads a list's filters from the query. It keeps the valid
// ones (for links and exports), names each for the list of active filters,
// and collects what it could not use; a filter that cannot be used is left
// out rather than failing the page.
type filterReader struct {
	q       url.Values
	kept    url.Values
	chips   []filterChip
	bad     []string
	maskNIK bool // the reader may not see NIKs: a NIK searched for is shown masked
}

type filterChip struct{ label, key string }

func newFilterReader(r *http.Request) *filterReader {
	return &filterReader{q: r.URL.Query(), kept: url.Values{}, maskNIK: !httpx.User(r).Role.SeesFullNIK()}
}

// keep records a usable filter and its label.
func (fr *filterReader) keep(key, value, label string) {
	fr.kept.Set(key, value)
	fr.chips = append(fr.chips, filterChip{label: label, key: key})
}

// text reads a free-text filter, the search.
func (fr *filterReader) text(key, what string) string {
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

// oneOf reads a filter whose value must be one of labels' keys.
func (fr *filterReader) oneOf(key, what string, labels map[string]string) string {
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

// day reads a date filter, 2024-07-17 (or as people type dates).
func (fr *filterReader) day(key, what string) time.Time {
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

// month reads a month filter, 2024-07.
func (fr *filterReader) month(key, what string) domain.Month {
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

// notice says which filters were left out, "" when all were used.
func (fr *filterReader) notice() string {
	if len(fr.bad) == 0 {
		return ""
	}
	return "Filter berikut tidak dipakai: " + strings.Join(fr.bad, "; ") + "."
}

// status is the status of a list page: 400 when a filter could not be used.
func (fr *filterReader) status() int {
	if len(fr.bad) > 0 {
		return http.StatusBadRequest
	}
	return http.StatusOK
}

func (ref registryRef) categoryLabels() map[string]string {
	m := map[string]string{}
	for _, c := range ref.categories {
		m[c.Code] = c.Name
	}
	return m
}

func (ref registryRef) kecamatanLabels() map[string]string {
	m := map[string]string{}
	for _, k := range ref.kecamatan {
		m[k.Code] = k.Name
	}
	return m
}

func (ref registryRef) kelurahanLabels() map[string]string {
	m := map[string]string{}
	for _, k := range ref.kelurahan {
		m[k.Code] = k.Name
	}
	return m
}

// labelsOf maps the string values of a list of codes to their labels.
func labelsOf[T ~string](values []T, label func(T) string) map[string]string {
	m := map[string]string{}
	for _, v := range values {
		m[string(v)] = label(v)
	}
	return m
}

// The sorts of each list; the first is the default.
var (
	workerSorts       = []string{"name", "nik", "category", "kelurahan", "kecamatan"}
	contributionSorts = []string{"month", "paid_on", "paid", "billed", "sp2d"}
	claimSorts        = []string{"incident", "paid_on", "amount", "name", "type", "status", "no"}
)

// workerQuery reads what a worker list or export asks for: the filter with
// its sort, the filters' reader and the list's state.
func workerQuery(r *http.Request, ref registryRef) (postgres.WorkerFilter, *filterReader, components.ListState) {
	f, fr := workerFilter(r, ref)
	l := listState(r, "/workers", fr, workerSorts, false)
	f.Sort, f.Desc = l.Sort, l.Desc
	return f, fr, l
}

// contributionQuery is workerQuery for payments.
func contributionQuery(r *http.Request) (postgres.ContributionFilter, *filterReader, components.ListState) {
	f, fr := contributionFilter(r)
	l := listState(r, "/contributions", fr, contributionSorts, true)
	f.Sort, f.Desc = l.Sort, l.Desc
	return f, fr, l
}

// claimQuery is workerQuery for claims.
func claimQuery(r *http.Request, ref registryRef) (postgres.ClaimFilter, *filterReader, components.ListState) {
	f, fr := claimFilter(r, ref)
	l := listState(r, "/claims", fr, claimSorts, true)
	f.Sort, f.Desc = l.Sort, l.Desc
	return f, fr, l
}

// workerFilter reads /workers?q=&category=&kelurahan=&kecamatan=&status=&active_on=.
func workerFilter(r *http.Request, ref registryRef) (postgres.WorkerFilter, *filterReader) {
	fr := newFilterReader(r)
	f := postgres.WorkerFilter{
		Text:          fr.text("q", "Cari"),
		NIKInFullOnly: !httpx.User(r).Role.SeesFullNIK(),
		Category:      fr.oneOf("category", "Kategori", ref.categoryLabels()),
		Kecamatan:     fr.oneOf("kecamatan", "Kecamatan", ref.kecamatanLabels()),
		Kelurahan:     fr.oneOf("kelurahan", "Kelurahan", ref.kelurahanLabels()),
		Status: domain.EnrollmentStatus(fr.oneOf("status", "Status terakhir",
			labelsOf(domain.EnrollmentStatuses, domain.EnrollmentStatus.Label))),
		ActiveOn: fr.day("active_on", "Aktif pada"),
	}
	return f, fr
}

// contributionFilter reads /contributions?q=&from=&to=&paid_from=&paid_to=.
func contributionFilter(r *http.Request) (postgres.ContributionFilter, *filterReader) {
	fr := newFilterReader(r)
	f := postgres.ContributionFilter{
		Text:     fr.text("q", "Cari"),
		From:     fr.month("from", "Bulan iuran dari"),
		To:       fr.month("to", "Bulan iuran sampai"),
		PaidFrom: fr.day("paid_from", "Dibayar dari"),
		PaidTo:   fr.day("paid_to", "Dibayar sampai"),
	}
	return f, fr
}

// claimFilter reads /claims?q=&type=&status=&category=&kecamatan=&kelurahan=
// &incident_from=&incident_to=&paid_from=&paid_to=.
func claimFilter(r *http.Request, ref registryRef) (postgres.ClaimFilter, *filterReader) {
	fr := newFilterReader(r)
	f := postgres.ClaimFilter{
		Text:          fr.text("q", "Cari"),
		NIKInFullOnly: !httpx.User(r).Role.SeesFullNIK(),
		Type:          domain.ClaimType(fr.oneOf("type", "Jenis", labelsOf(domain.ClaimTypes, domain.ClaimType.ShortName))),
		Status:        domain.ClaimStatus(fr.oneOf("status", "Status", labelsOf(domain.ClaimStatuses, domain.ClaimStatus.Label))),
		Category:      fr.oneOf("category", "Kategori", ref.categoryLabels()),
		Kecamatan:     fr.oneOf("kecamatan", "Kecamatan", ref.kecamatanLabels()),
		Kelurahan:     fr.oneOf("kelurahan", "Kelurahan", ref.kelurahanLabels()),
		IncidentFrom:  fr.day("incident_from", "Kejadian dari"),
		IncidentTo:    fr.day("incident_to", "Kejadian sampai"),
		PaidFrom:      fr.day("paid_from", "Dibayar dari"),
		PaidTo:        fr.day("paid_to", "Dibayar sampai"),
	}
	return f, fr
}

// optionsOf are the choices of a filter select over a list of codes, "all" first.
func optionsOf[T ~string](all string, values []T, label func(T) string) []components.Choice {
	opts := []components.Choice{{Value: "", Label: all}}
	for _, v := range values {
		opts = append(opts, components.Choice{Value: string(v), Label: label(v)})
	}
	return opts
}
