package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/ingest"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/components"
)

// enrollmentNew is the form that adds a spell to the worker named by {id}.
func (s *App) enrollmentNew(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(wk domain.Worker, _ registryRef) {
		values := map[string]string{"status": string(domain.StatusActive)}
		s.renderEnrollmentForm(w, r, http.StatusOK, wk, 0, values, nil)
	})
}

// enrollmentCreate adds a spell, checked as an import row is.
func (s *App) enrollmentCreate(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(wk domain.Worker, _ registryRef) {
		values := formValues(r, ingest.Workers)
		e, problems := ingest.ParseEnrollment(values)
		s.saveForm(w, r, problems, func() (string, string, error) {
			_, err := s.db.CreateEnrollment(r.Context(), s.Actor(r), wk.ID, e)
			return "Kepesertaan mulai " + domain.FormatDate(e.Start) + " ditambahkan.", workerPath(wk.ID), err
		}, func(status int, errs domain.FieldErrors) {
			s.renderEnrollmentForm(w, r, status, wk, 0, values, errs)
		})
	})
}

// enrollmentEdit is the form that corrects a spell.
func (s *App) enrollmentEdit(w http.ResponseWriter, r *http.Request) {
	s.withEnrollment(w, r, func(e domain.Enrollment, wk domain.Worker) {
		s.renderEnrollmentForm(w, r, http.StatusOK, wk, e.ID, ingest.EnrollmentValues(e), nil)
	})
}

// enrollmentUpdate saves a corrected spell.
func (s *App) enrollmentUpdate(w http.ResponseWriter, r *http.Request) {
	s.withEnrollment(w, r, func(old domain.Enrollment, wk domain.Worker) {
		values := formValues(r, ingest.Workers)
		s.saveEnrollment(w, r, old, wk, values, func(status int, errs domain.FieldErrors) {
			s.renderEnrollmentForm(w, r, status, wk, old.ID, values, errs)
		})
	})
}

// saveEnrollment checks a spell typed into a form and saves it over old; a
// refusal goes back to the form through again.
func (s *App) saveEnrollment(w http.ResponseWriter, r *http.Request, old domain.Enrollment, wk domain.Worker,
	values map[string]string, again func(int, domain.FieldErrors)) {
	e, problems := ingest.ParseEnrollment(values)
	e.ID = old.ID
	s.saveForm(w, r, problems, func() (string, string, error) {
		_, err := s.db.UpdateEnrollment(r.Context(), s.Actor(r), e)
		return "Kepesertaan mulai " + domain.FormatDate(e.Start) + " disimpan.", workerPath(wk.ID), err
	}, again)
}

// renderEnrollmentForm shows the form of a new spell (id 0) or a stored one.
func (s *App) renderEnrollmentForm(w http.ResponseWriter, r *http.Request, status int, wk domain.Worker, id int64, values map[string]string, errs domain.FieldErrors) {
	p := components.RecordFormProps{Title: "Tambah kepesertaan", Lead: wk.Name + " · " + nikText(r, wk.NIK),
		Back: workerPath(wk.ID), Action: workerPath(wk.ID) + "/enrollments", Submit: "Simpan kepesertaan", Problem: errs[""],
		Sections: []components.FormSection{{
			Note:   "Satu peserta tidak boleh punya dua kepesertaan yang bertumpang tindih. Kosongkan tanggal selesai selama kepesertaan berjalan.",
			Fields: components.FormFields(ingest.Workers, spellColumns, values, errs, components.Choices{})}}}
	if id != 0 {
		p.Title, p.Action, p.Submit = "Ubah kepesertaan", enrollmentPath(id), "Simpan perubahan"
	}
	s.Render(w, r, status, p.Title, "workers", components.RecordForm(p))
}

// withEnrollment runs fn with the spell named by {id} and its worker.
func (s *App) withEnrollment(w http.ResponseWriter, r *http.Request, fn func(domain.Enrollment, domain.Worker)) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	pemda := httpx.User(r).Pemda
	e, workerID, err := s.db.Enrollment(r.Context(), pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	wk, err := s.db.Worker(r.Context(), pemda, workerID)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	fn(e, wk)
}
