package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/pages"
)

// claimList is /claims: search, filters, sort, totals and a page of claims.
func (s *App) claimList(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref registryRef) {
		f, fr, l := claimQuery(r, ref)
		items, totals, err := s.db.Claims(r.Context(), httpx.User(r).Pemda, f, (l.Page-1)*l.PerPage, l.PerPage)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		l.Total = totals.Count
		s.Render(w, r, fr.status(), "Klaim", "claims", pages.ClaimList(pages.ClaimListProps{
			Viewer: s.viewer(r), List: l, Items: items, Totals: totals, Chips: chips(l, fr), Notice: fr.notice(),
			Types:      optionsOf("Semua jenis", domain.ClaimTypes, domain.ClaimType.ShortName),
			Statuses:   optionsOf("Semua status", domain.ClaimStatuses, domain.ClaimStatus.Label),
			Categories: ref.categoryOptions("Semua kategori"), Kecamatan: ref.kecamatanOptions("Semua kecamatan"),
			Kelurahan: ref.kelurahanGroups("Semua kelurahan"),
		}))
	})
}
