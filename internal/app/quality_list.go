package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/pages"
)

// qualityShown is how many findings of each check the data-quality page lists.
const qualityShown = 5

// qualityList is the data-quality page: every check with its count and its
// first findings.
func (s *App) qualityList(w http.ResponseWriter, r *http.Request) {
	u := httpx.User(r)
	results, err := s.db.QualitySummary(r.Context(), u.Pemda, qualityShown)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Kualitas data", "quality", pages.Quality(pages.QualityProps{
		Results: results, FullNIK: u.Role.SeesFullNIK(),
	}))
}
