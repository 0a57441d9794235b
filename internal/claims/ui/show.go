package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
)

// claimShow is /claims/{id}: one claim and its history.
func (s *Handlers) claimShow(w http.ResponseWriter, r *http.Request) {
	s.withClaim(w, r, func(c claims.ClaimListItem) {
		if err := s.svc.Viewed(r.Context(), s.Actor(r), c.ID, c.WorkerName); err != nil {
			s.Fail(w, r, err)
			return
		}
		s.withRef(w, r, func(ref records.Ref) {
			history, err := s.history(r, ref, "claim", c.ID)
			if err != nil {
				s.Fail(w, r, err)
				return
			}
			s.Render(w, r, http.StatusOK, "Klaim "+c.WorkerName, "claims", ClaimShow(ClaimShowProps{
				Viewer: records.Viewer(s.Site, r, "/workers"), Claim: c, History: history,
			}))
		})
	})
}

// withClaim runs fn with the claim named by {id}.
func (s *Handlers) withClaim(w http.ResponseWriter, r *http.Request, fn func(claims.ClaimListItem)) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	c, err := s.svc.Claim(r.Context(), httpx.User(r).Pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	fn(c)
}
