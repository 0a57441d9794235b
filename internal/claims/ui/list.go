package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/web/components"
)

// claimList is /claims: search, filters, sort, totals and a page of claims.
func (s *Handlers) claimList(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		f, fr, l := claimQuery(r, ref)
		items, totals, err := s.svc.Claims(r.Context(), httpx.User(r).Pemda, f, (l.Page-1)*l.PerPage, l.PerPage)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		l.Total = totals.Count
		s.Render(w, r, fr.Status(), "Klaim", "claims", ClaimList(ClaimListProps{
			Viewer: records.Viewer(s.Site, r, "/workers"), List: l, Items: items, Totals: totals, Chips: records.Chips(l, fr), Notice: fr.Notice(),
			Types: records.Options("Semua jenis", domain.ClaimTypes, domain.ClaimType.ShortName),
			Statuses: append(records.Options("Semua status", domain.ClaimStatuses, domain.ClaimStatus.Label),
				components.Choice{Value: string(claims.NotRejected), Label: notRejectedLabel}),
			Categories: ref.CategoryOptions("Semua kategori"), Kecamatan: ref.KecamatanOptions("Semua kecamatan"),
			Kelurahan: ref.KelurahanGroups("Semua kelurahan"),
		}))
	})
}
