// Package components holds the small templ building blocks that pages share:
// headline figures, the period picker, tables and pagination. Formatting is
// done by Go helpers here and in domain, never inline in templates.
package components

import (
	"net/url"
	"strconv"

	"github.com/cilegon/monev/internal/domain"
)

// PeriodPicker is the period and basis chooser at the top of figure pages.
// Its links and form carry the choice in the query (period, or from and to,
// and basis), the same parameters as the JSON API.
type PeriodPicker struct {
	Action  string        // the page's path
	Period  domain.Period // current choice
	Basis   domain.Basis
	Years   []int      // years with data, newest first
	Keep    url.Values // other query parameters to keep (filters)
	NoBasis bool       // hide the basis switch (views where it does not apply)
}

// Chip is one quick-choice link of the period picker.
type Chip struct {
	Label   string
	Href    string
	Current bool
}

// Href is the address of the page for another period, keeping the basis.
func (p PeriodPicker) Href(period domain.Period) string {
	q := url.Values{}
	for k, v := range p.Keep {
		q[k] = v
	}
	q.Set("period", period.String())
	if !p.NoBasis {
		q.Set("basis", string(p.Basis))
	}
	return p.Action + "?" + q.Encode()
}

// YearChips offers each year with data, and the current period's year.
func (p PeriodPicker) YearChips() []Chip {
	years := append([]int(nil), p.Years...)
	if y := p.Period.To.Year(); !containsInt(years, y) {
		years = append(years, y)
	}
	chips := make([]Chip, 0, len(years))
	for _, y := range sortedDesc(years) {
		yp := domain.YearPeriod(y)
		chips = append(chips, Chip{Label: strconv.Itoa(y), Href: p.Href(yp), Current: p.Period == yp})
	}
	return chips
}

// PartChips offers the semesters and quarters of the current period's year.
func (p PeriodPicker) PartChips() []Chip {
	y := p.Period.To.Year()
	var parts []domain.Period
	for s := 1; s <= 2; s++ {
		parts = append(parts, domain.SemesterPeriod(y, s))
	}
	for q := 1; q <= 4; q++ {
		parts = append(parts, domain.QuarterPeriod(y, q))
	}
	chips := make([]Chip, 0, len(parts))
	for _, part := range parts {
		label := part.Label()
		chips = append(chips, Chip{Label: label[:len(label)-5], Href: p.Href(part), Current: p.Period == part})
	}
	return chips
}

// KeepFields are the hidden inputs that carry other query parameters.
func (p PeriodPicker) KeepFields() [][2]string {
	var out [][2]string
	for k, vs := range p.Keep {
		for _, v := range vs {
			out = append(out, [2]string{k, v})
		}
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func sortedDesc(xs []int) []int {
	out := append([]int(nil), xs...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] > out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// SignClass is the CSS class of an amount: "neg" for a deficit, "" otherwise.
func SignClass(r domain.Rupiah) string {
	if r < 0 {
		return "neg"
	}
	return ""
}

// Int formats a count the Indonesian way: 3.012.
func Int(n int64) string { return domain.FormatInt(n) }

// Choice is one option of a Select.
type Choice struct {
	Value, Label string
}
