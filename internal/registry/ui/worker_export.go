package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/internal/registry"
)

// workerExport is /workers/export.csv and .xlsx: the filtered list in the
// layout of the workers template, one row per spell, so it imports again.
func (s *Handlers) workerExport(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		f, _, _ := workerQuery(r, ref)
		records.Export(s.Site, s.audit, w, r, registry.Workers, ref.Reference, func(ex *sheet.Exporter[registry.WorkerRow]) error {
			return s.svc.EachWorkerSpell(r.Context(), httpx.User(r).Pemda, f, func(wk registry.Worker, e registry.Enrollment) error {
				return ex.Write(&registry.WorkerRow{Worker: wk, Spell: e})
			})
		})
	})
}
