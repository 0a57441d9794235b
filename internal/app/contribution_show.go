package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/pages"
)

// contributionShow is /contributions/{id}: one payment and its history.
func (s *App) contributionShow(w http.ResponseWriter, r *http.Request) {
	s.withContribution(w, r, func(c domain.Contribution) {
		s.withRef(w, r, func(ref registryRef) {
			history, err := s.historyOf(r, ref, "contribution", c.ID)
			if err != nil {
				s.Fail(w, r, err)
				return
			}
			s.Render(w, r, http.StatusOK, "Iuran "+c.CoverageMonth.Label(), "contributions", pages.ContributionShow(pages.ContributionShowProps{
				Viewer: s.viewer(r), Contribution: c, History: history,
			}))
		})
	})
}

// withContribution runs fn with the payment named by {id}.
func (s *App) withContribution(w http.ResponseWriter, r *http.Request, fn func(domain.Contribution)) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	c, err := s.db.Contribution(r.Context(), httpx.User(r).Pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	fn(c)
}
