package ui

import (
	"net/url"

	"github.com/cilegon/monev/web/components"
)

// analysisTabs are the evaluation views, one question of a monev meeting each.
var analysisTabs = []struct{ Key, Label, Href string }{
	{"balance", "Iuran & Klaim", "/analysis/balance"},
	{"budget", "Anggaran", "/analysis/budget"},
	{"coverage", "Cakupan", "/analysis/coverage"},
	{"rollup", "Antar-Pemda", "/analysis/rollup"},
}

// AnalysisHead is what every analysis page shows above its figures: the
// tabs, the title with its period (and basis), the export links and the
// period picker.
type AnalysisHead struct {
	Tab    string // key of the current view
	Title  string
	Scope  string // says period and basis, e.g. "Tahun 2024 · basis kas"
	Picker components.PeriodPicker
	Notice string
	// Query is the address's choice (period, basis, ...), kept by the tabs and the exports.
	Query url.Values
}

// TabHref links another view with the same period.
func (h AnalysisHead) TabHref(path string) string {
	q := url.Values{}
	for _, k := range []string{"period", "from", "to", "basis"} {
		if v := h.Query.Get(k); v != "" {
			q.Set(k, v)
		}
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// ExportHref links the export of one of the view's tables in format "csv" or "xlsx".
func (h AnalysisHead) ExportHref(table, format string) string {
	q := url.Values{}
	for k, v := range h.Query {
		q[k] = v
	}
	q.Del("revision")
	if table != "" {
		q.Set("table", table)
	}
	path := ""
	for _, t := range analysisTabs {
		if t.Key == h.Tab {
			path = t.Href
		}
	}
	return path + "." + format + "?" + q.Encode()
}

// Choice keeps the other choices of the address and sets one, for switches
// such as the granularity of a series.
func (h AnalysisHead) Choice(path, key, value string) string {
	q := url.Values{}
	for k, v := range h.Query {
		q[k] = v
	}
	q.Set(key, value)
	return path + "?" + q.Encode()
}
