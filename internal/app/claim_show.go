package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/postgres"
	"github.com/cilegon/monev/web/pages"
)

// claimShow is /claims/{id}: one claim and its history.
func (s *App) claimShow(w http.ResponseWriter, r *http.Request) {
	s.withClaim(w, r, func(c postgres.ClaimListItem) {
		s.withRef(w, r, func(ref registryRef) {
			history, err := s.historyOf(r, ref, "claim", c.ID)
			if err != nil {
				s.Fail(w, r, err)
				return
			}
			s.Render(w, r, http.StatusOK, "Klaim "+c.WorkerName, "claims", pages.ClaimShow(pages.ClaimShowProps{
				Viewer: s.viewer(r), Claim: c, History: history,
			}))
		})
	})
}

// withClaim runs fn with the claim named by {id}.
func (s *App) withClaim(w http.ResponseWriter, r *http.Request, fn func(postgres.ClaimListItem)) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	c, err := s.db.Claim(r.Context(), httpx.User(r).Pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	fn(c)
}
