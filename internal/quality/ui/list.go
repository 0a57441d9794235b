package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
)

// qualityShown is how many findings of each check the data-quality page lists.
const qualityShown = 5

// list is the data-quality page: every check with its count and its
// first findings.
func (s *Handlers) list(w http.ResponseWriter, r *http.Request) {
	u := httpx.User(r)
	results, err := s.svc.Summary(r.Context(), u.Pemda, qualityShown)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Kualitas data", "quality", Summary(SummaryProps{
		Results: results, FullNIK: u.Role.SeesFullNIK(),
	}))
}
