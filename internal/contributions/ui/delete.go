package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/web/links"
)

// contributionDelete removes a payment entered by mistake.
func (s *Handlers) contributionDelete(w http.ResponseWriter, r *http.Request) {
	s.withContribution(w, r, func(c contributions.Contribution) {
		err := s.svc.DeleteContribution(r.Context(), s.Actor(r), c.ID)
		records.Deleted(s.Site, w, r, err, "Pembayaran iuran "+c.CoverageMonth.Label()+" dihapus.", "/contributions", links.ID("/contributions", c.ID, ""))
	})
}
