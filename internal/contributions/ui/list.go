package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
)

// contributionList is /contributions: filters, sort, totals and a page of payments.
func (s *Handlers) contributionList(w http.ResponseWriter, r *http.Request) {
	f, fr, l := contributionQuery(r)
	items, totals, err := s.svc.Contributions(r.Context(), httpx.User(r).Pemda, f, (l.Page-1)*l.PerPage, l.PerPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	l.Total = totals.Count
	s.Render(w, r, fr.Status(), "Iuran", "contributions", ContributionList(ContributionListProps{
		Viewer: records.Viewer(s.Site, r, "/workers"), List: l, Items: items, Totals: totals, Chips: records.Chips(l, fr), Notice: fr.Notice(),
	}))
}
