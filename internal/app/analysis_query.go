package app

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/components"
	"github.com/cilegon/monev/web/pages"
)

// pageSelection reads the period and basis of a figure page. A malformed
// address keeps the page usable: it shows the default period with a notice
// and answers 400.
func (s *App) pageSelection(r *http.Request) (selection, int, error) {
	u := httpx.User(r)
	sel, err := s.selectPeriod(r.Context(), u.Pemda, r.URL.Query(), true)
	var bad *domain.ValueError
	if errors.As(err, &bad) {
		sel, err = s.selectPeriod(r.Context(), u.Pemda, nil, true)
		sel.Notice = "Periode tidak valid: " + bad.Msg
		return sel, http.StatusBadRequest, err
	}
	return sel, http.StatusOK, err
}

// analysisHead is the top of an analysis page for a selection; noBasis
// hides the basis switch on views where the basis does not apply.
func analysisHead(r *http.Request, tab, title string, sel selection, noBasis bool, keep ...string) pages.AnalysisHead {
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
	return pages.AnalysisHead{
		Tab: tab, Title: title, Scope: scope, Notice: sel.Notice, Query: q,
		Picker: components.PeriodPicker{Action: "/analysis/" + tab, Period: sel.Period, Basis: sel.Basis, Years: sel.Years,
			Keep: kept, NoBasis: noBasis},
	}
}

// granularity reads by=; a malformed value falls back to months with a notice.
func granularity(r *http.Request, sel *selection, status *int) domain.Granularity {
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
