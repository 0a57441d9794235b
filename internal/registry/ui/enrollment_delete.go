package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/web/links"
)

// enrollmentDelete removes a spell entered by mistake; a worker's only spell stays.
func (s *Handlers) enrollmentDelete(w http.ResponseWriter, r *http.Request) {
	s.withEnrollment(w, r, func(e registry.Enrollment, wk registry.Worker) {
		_, err := s.svc.DeleteEnrollment(r.Context(), s.Actor(r), e.ID)
		records.Deleted(s.Site, w, r, err, "Kepesertaan dihapus.", links.Worker(wk.ID), links.Worker(wk.ID))
	})
}
