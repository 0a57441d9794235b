package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
)

// enrollmentDelete removes a spell entered by mistake; a worker's only spell stays.
func (s *App) enrollmentDelete(w http.ResponseWriter, r *http.Request) {
	s.withEnrollment(w, r, func(e domain.Enrollment, wk domain.Worker) {
		_, err := s.db.DeleteEnrollment(r.Context(), s.Actor(r), e.ID)
		s.deleted(w, r, err, "Kepesertaan dihapus.", workerPath(wk.ID), workerPath(wk.ID))
	})
}
