package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
)

// workerList is /workers: search, filters, sort and a page of workers.
func (s *Handlers) workerList(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		f, fr, l := workerQuery(r, ref)
		items, total, err := s.svc.Workers(r.Context(), httpx.User(r).Pemda, f, (l.Page-1)*l.PerPage, l.PerPage)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		l.Total = total
		s.Render(w, r, fr.Status(), "Peserta", "workers", WorkerList(WorkerListProps{
			Viewer: records.Viewer(s.Site, r, "/workers"), List: l, Items: items, Chips: records.Chips(l, fr), Notice: fr.Notice(),
			Categories: ref.CategoryOptions("Semua kategori"), Kecamatan: ref.KecamatanOptions("Semua kecamatan"),
			Kelurahan: ref.KelurahanGroups("Semua kelurahan"),
			Statuses:  records.Options("Semua status", domain.EnrollmentStatuses, domain.EnrollmentStatus.Label),
		}))
	})
}
