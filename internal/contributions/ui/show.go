package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
)

// contributionShow is /contributions/{id}: one payment and its history.
func (s *Handlers) contributionShow(w http.ResponseWriter, r *http.Request) {
	s.withContribution(w, r, func(c contributions.Contribution) {
		s.withRef(w, r, func(ref records.Ref) {
			history, err := s.history(r, ref, "contribution", c.ID)
			if err != nil {
				s.Fail(w, r, err)
				return
			}
			s.Render(w, r, http.StatusOK, "Iuran "+c.CoverageMonth.Label(), "contributions", ContributionShow(ContributionShowProps{
				Viewer: records.Viewer(s.Site, r, "/workers"), Contribution: c, History: history,
			}))
		})
	})
}

// withContribution runs fn with the payment named by {id}.
func (s *Handlers) withContribution(w http.ResponseWriter, r *http.Request, fn func(contributions.Contribution)) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	c, err := s.svc.Contribution(r.Context(), httpx.User(r).Pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	fn(c)
}
