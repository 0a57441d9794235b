package server

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/ingest"
)

// workerExport is /workers/export.csv and .xlsx: the filtered list in the
// layout of the workers template, one row per spell, so it imports again.
func (s *Server) workerExport(w http.ResponseWriter, r *http.Request) {
	pemda := currentUser(r).Pemda
	ref, err := s.registryRef(r.Context(), pemda)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, fr := workerFilter(r, ref)
	l := listState(r, "/workers", fr, workerSorts, false)
	f.Sort, f.Desc = l.Sort, l.Desc
	s.exportTo(w, r, ingest.Workers, func(ex *ingest.Exporter) error {
		return s.db.EachWorkerSpell(r.Context(), pemda, f, func(wk domain.Worker, e domain.Enrollment) error {
			return ex.Worker(wk, e, nikText(r, wk.NIK), ref.ingest())
		})
	})
}
