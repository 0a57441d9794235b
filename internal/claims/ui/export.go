package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// claimExport is /claims/export.csv and .xlsx: the filtered list in the
// layout of the claims template.
func (s *Handlers) claimExport(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		f, _, _ := claimQuery(r, ref)
		records.Export(s.Site, s.audit, w, r, claims.Claims, ref.Reference, func(ex *sheet.Exporter[claims.Claim]) error {
			return s.svc.EachClaim(r.Context(), httpx.User(r).Pemda, f, func(c claims.Claim) error {
				return ex.Write(&c)
			})
		})
	})
}
