package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/postgres"
)

// claimDelete removes a claim entered by mistake.
func (s *App) claimDelete(w http.ResponseWriter, r *http.Request) {
	s.withClaim(w, r, func(c postgres.ClaimListItem) {
		err := s.db.DeleteClaim(r.Context(), s.Actor(r), c.ID)
		s.deleted(w, r, err, "Klaim "+c.Type.ShortName()+" "+c.WorkerName+" dihapus.", "/claims", idPath("/claims", c.ID))
	})
}
