package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/ingest"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// workerExport is /workers/export.csv and .xlsx: the filtered list in the
// layout of the workers template, one row per spell, so it imports again.
func (s *App) workerExport(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref registryRef) {
		f, _, _ := workerQuery(r, ref)
		s.exportTo(w, r, ingest.Workers, func(ex *ingest.Exporter) error {
			return s.db.EachWorkerSpell(r.Context(), httpx.User(r).Pemda, f, func(wk domain.Worker, e domain.Enrollment) error {
				return ex.Worker(wk, e, nikText(r, wk.NIK), ref.ingest())
			})
		})
	})
}
