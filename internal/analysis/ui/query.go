package ui

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/components"
)

// pageSelection reads the period and basis of a figure page. A malformed
// address keeps the page usable: it shows the default period with a notice
// and answers 400.
func (s *Handlers) pageSelection(r *http.Request) (analysis.Selection, int, error) {
	u := httpx.User(r)
	sel, err := s.svc.Select(r.Context(), u.Pemda, r.URL.Query(), true, s.Now())
	var bad *domain.ValueError
	if errors.As(err, &bad) {
		sel, err = s.svc.Select(r.Context(), u.Pemda, nil, true, s.Now())
		sel.Notice = "Periode tidak valid: " + bad.Msg
		return sel, http.StatusBadRequest, err
	}
	return sel, http.StatusOK, err
}

// headOf is the top of an analysis page for a analysis.Selection; noBasis
// hides the basis switch on views where the basis does not apply.
func headOf(r *http.Request, tab, title string, sel analysis.Selection, noBasis bool, keep ...string) AnalysisHead {
	scope := sel.Period.Label()
	if !noBasis {
		scope += " · " + sel.Basis.Label()
	}
	q := url.Values{"period": {sel.Period.String()}}
	if !noBasis {
		q.Set("basis", string(sel.Basis))
	}
	kept := url.Values{}
	for _, k := range keep {
		if v := r.URL.Query().Get(k); v != "" {
			q.Set(k, v)
			kept.Set(k, v)
		}
	}
	return AnalysisHead{
		Tab: tab, Title: title, Scope: scope, Notice: sel.Notice, Query: q,
		Picker: components.PeriodPicker{Action: "/analysis/" + tab, Period: sel.Period, Basis: sel.Basis, Years: sel.Years,
			Keep: kept, NoBasis: noBasis},
	}
}

// granularity reads by=; a malformed value falls back to months with a notice.
func granularity(r *http.Request, sel *analysis.Selection, status *int) domain.Granularity {
	by, err := domain.ParseGranularity(r.URL.Query().Get("by"))
	if err != nil {
		sel.Notice, *status = joinNotice(sel.Notice, err.Error()), http.StatusBadRequest
		return domain.ByMonth
	}
	return by
}

// joinNotice adds a sentence to a notice.
func joinNotice(notice, more string) string {
	if notice == "" {
		return more
	}
	return notice + " " + more
}
