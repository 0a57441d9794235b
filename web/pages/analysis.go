package pages

import (
	"net/url"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/web/components"
)

// analysisTabs are the four evaluation views, one question of a monev meeting each.
var analysisTabs = []struct{ Key, Label, Href string }{
	{"balance", "Iuran & Klaim", "/analysis/balance"},
	{"reconciliation", "Rekonsiliasi Tagihan", "/analysis/reconciliation"},
	{"budget", "Anggaran", "/analysis/budget"},
	{"coverage", "Cakupan", "/analysis/coverage"},
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

// rupiahOrDash formats an amount, or "–" when it is not known.
func rupiahOrDash(r domain.Rupiah, known bool) string {
	if !known {
		return "\u2013"
	}
	return r.String()
}

// perRupiah formats a ratio as money per rupiah, "Rp 1,64", or "–".
func perRupiah(r domain.Ratio) string {
	if !r.Valid() {
		return "\u2013"
	}
	return "Rp " + r.Per(2)
}

// signedRupiah formats a difference with an explicit plus sign for increases.
func signedRupiah(r domain.Rupiah) string {
	if r > 0 {
		return "+" + r.String()
	}
	return r.String()
}

// signedInt formats a count difference with an explicit sign.
func signedInt(n int64) string {
	if n > 0 {
		return "+" + domain.FormatInt(n)
	}
	return domain.FormatInt(n)
}

// dateOf formats the last day of a period, "31 Desember 2024".
func dateOf(t time.Time) string { return domain.FormatDate(t) }

// seriesLabel names a sub-period on a chart axis: "Jan" within one year,
// "Jan 2024" across years, "TW I", "Semester I" or "2024".
func seriesLabel(p domain.Period, acrossYears bool) string {
	year := ""
	if acrossYears {
		year = " " + p.From.Label()[len(p.From.Label())-4:]
	}
	switch p.Kind {
	case domain.PeriodMonth:
		if acrossYears {
			return p.From.ShortLabel()
		}
		return p.From.ShortLabel()[:3]
	case domain.PeriodQuarter:
		l := p.Label() // "Triwulan III 2024"
		return "TW " + l[len("Triwulan "):len(l)-5] + year
	case domain.PeriodSemester:
		l := p.Label()
		return l[:len(l)-5] + year
	case domain.PeriodYear:
		return p.From.Label()[len(p.From.Label())-4:]
	}
	return p.Label()
}

// seriesLabels names every sub-period of a series.
func seriesLabels(ps []domain.Period) []string {
	across := len(ps) > 0 && ps[0].From.Year() != ps[len(ps)-1].To.Year()
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = seriesLabel(p, across)
	}
	return out
}
