package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/postgres"
	"github.com/cilegon/monev/web/pages"
)

// workerShow is /workers/{id}: details, spells, claims and history.
func (s *App) workerShow(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(wk domain.Worker, ref registryRef) {
		claims, totals, err := s.db.Claims(r.Context(), httpx.User(r).Pemda, postgres.ClaimFilter{WorkerID: wk.ID, Desc: true}, 0, 500)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		history, err := s.historyOf(r, ref, "worker", wk.ID)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		kel := ref.kelurahanOf(wk.KelurahanCode)
		p := pages.WorkerShowProps{Viewer: s.viewer(r), Worker: wk, CategoryName: ref.categoryName(wk.CategoryCode),
			KelurahanName: kel.Name, KecamatanName: ref.kecamatanName(kel.KecamatanCode), ActiveToday: wk.ActiveOn(s.Now().In(domain.WIB)),
			Claims: claims, ClaimTotals: totals, History: history}
		if len(wk.Enrollments) > 0 {
			p.Latest = &wk.Enrollments[0]
		}
		s.Render(w, r, http.StatusOK, wk.Name, "workers", pages.WorkerShow(p))
	})
}
