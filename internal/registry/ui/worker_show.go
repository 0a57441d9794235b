package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/registry"
)

// workerShow is /workers/{id}: details, spells, claims and history.
func (s *Handlers) workerShow(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(wk registry.Worker, ref records.Ref) {
		if err := s.svc.Viewed(r.Context(), s.Actor(r), wk, "halaman"); err != nil {
			s.Fail(w, r, err)
			return
		}
		claims, totals, err := s.claims.Claims(r.Context(), httpx.User(r).Pemda, claims.ClaimFilter{WorkerID: wk.ID, Desc: true}, 0, 500)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		history, err := s.history(r, ref, "worker", wk.ID)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		kel := ref.KelurahanOf(wk.KelurahanCode)
		p := WorkerShowProps{Viewer: records.Viewer(s.Site, r, "/workers"), Worker: wk, CategoryName: ref.CategoryName(wk.CategoryCode),
			KelurahanName: kel.Name, KecamatanName: ref.KecamatanName(kel.KecamatanCode), ActiveToday: wk.ActiveOn(s.Now().In(domain.WIB)),
			Claims: claims, ClaimTotals: totals, History: history}
		if len(wk.Enrollments) > 0 {
			p.Latest = &wk.Enrollments[0]
		}
		if p.Refill, err = s.refillFor(r, wk); err != nil {
			s.Fail(w, r, err)
			return
		}
		s.Render(w, r, http.StatusOK, wk.Name, "workers", WorkerShow(p))
	})
}
