package server

import (
	"net/http"

	"github.com/cilegon/monev/internal/postgres"
	"github.com/cilegon/monev/web/pages"
)

// workerShow is /workers/{id}: details, spells, claims and history.
func (s *Server) workerShow(w http.ResponseWriter, r *http.Request) {
	id, ok := s.idParam(w, r)
	if !ok {
		return
	}
	pemda := currentUser(r).Pemda
	wk, err := s.db.Worker(r.Context(), pemda, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ref, err := s.registryRef(r.Context(), pemda)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	claims, totals, err := s.db.Claims(r.Context(), pemda, postgres.ClaimFilter{WorkerID: id, Desc: true}, 0, 500)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	entries, err := s.db.History(r.Context(), pemda, "worker", id, historyLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	kel := ref.kelurahanOf(wk.KelurahanCode)
	p := pages.WorkerShowProps{Viewer: s.viewer(r), Worker: wk, CategoryName: ref.categoryName(wk.CategoryCode),
		KelurahanName: kel.Name, KecamatanName: ref.kecamatanName(kel.KecamatanCode), ActiveToday: wk.ActiveOn(s.now().In(wib)),
		Claims: claims, ClaimTotals: totals, History: historyItems(entries, ref, currentUser(r).Role.SeesFullNIK())}
	if len(wk.Enrollments) > 0 {
		p.Latest = &wk.Enrollments[0]
	}
	s.render(w, r, http.StatusOK, wk.Name, "workers", pages.WorkerShow(p))
}
