package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/pages"
)

// contributionList is /contributions: filters, sort, totals and a page of payments.
func (s *App) contributionList(w http.ResponseWriter, r *http.Request) {
	f, fr, l := contributionQuery(r)
	items, totals, err := s.db.Contributions(r.Context(), httpx.User(r).Pemda, f, (l.Page-1)*l.PerPage, l.PerPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	l.Total = totals.Count
	s.Render(w, r, fr.status(), "Iuran", "contributions", pages.ContributionList(pages.ContributionListProps{
		Viewer: s.viewer(r), List: l, Items: items, Totals: totals, Chips: chips(l, fr), Notice: fr.notice(),
	}))
}
