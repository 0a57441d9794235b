package ui

import (
	"net/http"
	"net/url"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/settings"
	"github.com/cilegon/monev/web/components"
)

// rollupView is what /analysis/rollup and its export show.
type rollupView struct {
	head   AnalysisHead
	rollup analysis.Rollup
	sort   string
	desc   bool
	status int
}

// loadRollup reads the figures of every Pemda of the user's scope for the
// period and basis the address asks for, sorted by sort= and dir=.
func (s *Handlers) loadRollup(r *http.Request) (rollupView, error) {
	sel, status, err := s.pageSelection(r)
	if err != nil {
		return rollupView{}, err
	}
	head := headOf(r, "rollup", "Antar-Pemda", sel, false, "sort", "dir")
	u := httpx.User(r)
	scope := u.Scope
	if len(scope) == 0 {
		scope = []string{u.Pemda}
	}
	ru, err := s.svc.Rollup(r.Context(), scope, sel.Period, sel.Basis)
	v := rollupView{head: head, rollup: ru, sort: r.URL.Query().Get("sort"), desc: r.URL.Query().Get("dir") == "desc", status: status}
	v.rollup.Sort(v.sort, v.desc)
	return v, err
}

// analysisRollup is the roll-up: each Pemda of the user's scope side by side.
func (s *Handlers) analysisRollup(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadRollup(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, v.status, "Antar-Pemda", "analysis", AnalysisRollup(RollupProps{Head: v.head, Rollup: v.rollup,
		Sort: v.sort, Desc: v.desc}))
}

// analysisRollupExport writes the roll-up's table as CSV or XLSX.
func (s *Handlers) analysisRollupExport(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadRollup(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.exportTable(w, r, v.status, rollupExport(v.rollup))
}

// rollupExport is the roll-up as a table, a row per Pemda and the total.
func rollupExport(ru analysis.Rollup) table {
	t := table{
		File:  fileStem("antar-pemda", ru.Period, ru.Basis),
		Title: "Antar-Pemda " + ru.Period.Label() + " " + ru.Basis.Label(),
		Header: []string{"kode_pemda", "pemda", "iuran", "klaim", "iuran_dibayar", "klaim_dibayar", "kasus_klaim", "saldo",
			"rasio_klaim_persen", "peserta_aktif", "sasaran", "cakupan_persen", "tunggakan"},
	}
	row := func(code string, x analysis.RollupRow) []any {
		b := x.Balance
		var target any = ""
		if x.HasTarget {
			target = x.Target
		}
		return []any{code, x.Name, b.Contributions, b.Claims, b.ContributionsPaid, b.ClaimsPaid, b.ClaimsCount, b.Saldo(),
			pct(b.ClaimRatio()), b.ActiveWorkers, target, pct(x.Coverage()), x.Arrears}
	}
	for _, x := range ru.Rows {
		t.Rows = append(t.Rows, row(settings.DottedCode(x.Pemda), x))
	}
	t.Rows = append(t.Rows, row("", ru.Total))
	return t
}

// RollupProps is the roll-up page.
type RollupProps struct {
	Head   AnalysisHead
	Rollup analysis.Rollup
	Sort   string
	Desc   bool
}

// SortHref is the address of the roll-up sorted by a column: descending
// first, ascending when it is already sorted so.
func (p RollupProps) SortHref(col string) string {
	q := url.Values{}
	for k, v := range p.Head.Query {
		q[k] = v
	}
	q.Set("sort", col)
	q.Set("dir", "desc")
	if p.Sort == col && p.Desc {
		q.Set("dir", "asc")
	}
	return "/analysis/rollup?" + q.Encode()
}

// AriaSort is a column header's aria-sort.
func (p RollupProps) AriaSort(col string) string {
	switch {
	case p.Sort != col:
		return ""
	case p.Desc:
		return "descending"
	}
	return "ascending"
}

// DrillHref opens a Pemda's own dashboard for the same period and basis.
func (p RollupProps) DrillHref(code string) string {
	q := url.Values{"period": {p.Rollup.Period.String()}, "basis": {string(p.Rollup.Basis)}, "pemda": {code}}
	return "/?" + q.Encode()
}

// OpenDataHref is a Pemda's open data for the period, in csv or json.
func (p RollupProps) OpenDataHref(code, format string) string {
	q := url.Values{"period": {p.Rollup.Period.String()}, "pemda": {code}}
	return "/analysis/open-data." + format + "?" + q.Encode()
}

// Chart is iuran against klaim per Pemda, each bar leading to its Pemda.
func (p RollupProps) Chart() components.BarChart {
	ru := p.Rollup
	c := components.BarChart{ID: "antar-pemda", Title: "Iuran dan klaim per Pemda · " + ru.Period.Label() + " · " + ru.Basis.Label(),
		Summary: "Iuran " + ru.Total.Balance.Contributions.String() + " dan klaim " + ru.Total.Balance.Claims.String() +
			" dari " + domain.FormatInt(int64(len(ru.Rows))) + " Pemda.",
		Caption: ru.Basis.Explain(), Unit: components.UnitRupiah,
		Series: []components.Series{{Name: "Iuran"}, {Name: "Klaim"}}, Hrefs: make([][]string, 2)}
	for _, r := range ru.Rows {
		c.Labels = append(c.Labels, r.Name)
		c.Series[0].Values = append(c.Series[0].Values, int64(r.Balance.Contributions))
		c.Series[1].Values = append(c.Series[1].Values, int64(r.Balance.Claims))
		c.Hrefs[0] = append(c.Hrefs[0], p.DrillHref(r.Pemda))
		c.Hrefs[1] = append(c.Hrefs[1], p.DrillHref(r.Pemda))
	}
	return c
}
