package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
)

// contributionDelete removes a payment entered by mistake.
func (s *App) contributionDelete(w http.ResponseWriter, r *http.Request) {
	s.withContribution(w, r, func(c domain.Contribution) {
		err := s.db.DeleteContribution(r.Context(), s.Actor(r), c.ID)
		s.deleted(w, r, err, "Pembayaran iuran "+c.CoverageMonth.Label()+" dihapus.", "/contributions", idPath("/contributions", c.ID))
	})
}
