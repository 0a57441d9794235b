package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/web/links"
)

// claimDelete removes a claim entered by mistake.
func (s *Handlers) claimDelete(w http.ResponseWriter, r *http.Request) {
	s.withClaim(w, r, func(c claims.ClaimListItem) {
		err := s.svc.DeleteClaim(r.Context(), s.Actor(r), c.ID)
		records.Deleted(s.Site, w, r, err, "Klaim "+c.Type.ShortName()+" "+c.WorkerName+" dihapus.", "/claims", links.ID("/claims", c.ID, ""))
	})
}
