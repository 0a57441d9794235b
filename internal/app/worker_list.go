package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/pages"
)

// workerList is /workers: search, filters, sort and a page of workers.
func (s *App) workerList(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref registryRef) {
		f, fr, l := workerQuery(r, ref)
		items, total, err := s.db.Workers(r.Context(), httpx.User(r).Pemda, f, (l.Page-1)*l.PerPage, l.PerPage)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		l.Total = total
		s.Render(w, r, fr.status(), "Peserta", "workers", pages.WorkerList(pages.WorkerListProps{
			Viewer: s.viewer(r), List: l, Items: items, Chips: chips(l, fr), Notice: fr.notice(),
			Categories: ref.categoryOptions("Semua kategori"), Kecamatan: ref.kecamatanOptions("Semua kecamatan"),
			Kelurahan: ref.kelurahanGroups("Semua kelurahan"),
			Statuses:  optionsOf("Semua status", domain.EnrollmentStatuses, domain.EnrollmentStatus.Label),
		}))
	})
}
