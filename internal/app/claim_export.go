package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/ingest"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// claimExport is /claims/export.csv and .xlsx: the filtered list in the
// layout of the claims template.
func (s *App) claimExport(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref registryRef) {
		f, _, _ := claimQuery(r, ref)
		s.exportTo(w, r, ingest.Claims, func(ex *ingest.Exporter) error {
			return s.db.EachClaim(r.Context(), httpx.User(r).Pemda, f, func(c domain.Claim) error {
				return ex.Claim(c, nikText(r, c.NIK))
			})
		})
	})
}
