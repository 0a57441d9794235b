package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
)

// workerDelete removes a worker registered by mistake, with their spells;
// the store refuses while the worker has claims.
func (s *App) workerDelete(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(wk domain.Worker, _ registryRef) {
		err := s.db.DeleteWorker(r.Context(), s.Actor(r), wk.ID)
		s.deleted(w, r, err, "Peserta "+wk.Name+" dihapus.", "/workers", workerPath(wk.ID))
	})
}
