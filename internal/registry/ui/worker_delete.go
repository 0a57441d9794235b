package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/web/links"
)

// workerDelete removes a worker registered by mistake, with their spells;
// the store refuses while the worker has claims.
func (s *Handlers) workerDelete(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(wk registry.Worker, _ records.Ref) {
		err := s.svc.DeleteWorker(r.Context(), s.Actor(r), wk.ID)
		records.Deleted(s.Site, w, r, err, "Peserta "+wk.Name+" dihapus.", "/workers", links.Worker(wk.ID))
	})
}
