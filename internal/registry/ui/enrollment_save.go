package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/web/components"
	"github.com/cilegon/monev/web/links"
)

// enrollmentNew is the form that adds a spell to the worker named by {id}.
func (s *Handlers) enrollmentNew(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(wk registry.Worker, _ records.Ref) {
		values := map[string]string{"status": string(domain.StatusActive)}
		s.renderEnrollmentForm(w, r, http.StatusOK, wk, 0, values, nil)
	})
}

// enrollmentCreate adds a spell, checked as an import row is.
func (s *Handlers) enrollmentCreate(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(wk registry.Worker, _ records.Ref) {
		values := records.FormValues(r, registry.Workers)
		row, problems := sheet.ParseForm(registry.Workers, domain.Reference{}, values, spellColumns...)
		e := row.Spell
		records.SaveForm(s.Site, w, r, problems, func() (string, string, error) {
			_, err := s.svc.CreateEnrollment(r.Context(), s.Actor(r), wk.ID, e)
			return "Kepesertaan mulai " + domain.FormatDate(e.Start) + " ditambahkan.", links.Worker(wk.ID), err
		}, func(status int, errs domain.FieldErrors) {
			s.renderEnrollmentForm(w, r, status, wk, 0, values, errs)
		})
	})
}

// enrollmentEdit is the form that corrects a spell.
func (s *Handlers) enrollmentEdit(w http.ResponseWriter, r *http.Request) {
	s.withEnrollment(w, r, func(e registry.Enrollment, wk registry.Worker) {
		s.renderEnrollmentForm(w, r, http.StatusOK, wk, e.ID, sheet.Values(registry.Workers, &registry.WorkerRow{Spell: e}, spellColumns...), nil)
	})
}

// enrollmentUpdate saves a corrected spell.
func (s *Handlers) enrollmentUpdate(w http.ResponseWriter, r *http.Request) {
	s.withEnrollment(w, r, func(old registry.Enrollment, wk registry.Worker) {
		values := records.FormValues(r, registry.Workers)
		s.saveEnrollment(w, r, old, wk, values, func(status int, errs domain.FieldErrors) {
			s.renderEnrollmentForm(w, r, status, wk, old.ID, values, errs)
		})
	})
}

// saveEnrollment checks a spell typed into a form and saves it over old; a
// refusal goes back to the form through again.
func (s *Handlers) saveEnrollment(w http.ResponseWriter, r *http.Request, old registry.Enrollment, wk registry.Worker,
	values map[string]string, again func(int, domain.FieldErrors)) {
	row, problems := sheet.ParseForm(registry.Workers, domain.Reference{}, values, spellColumns...)
	e := row.Spell
	e.ID = old.ID
	records.SaveForm(s.Site, w, r, problems, func() (string, string, error) {
		_, err := s.svc.UpdateEnrollment(r.Context(), s.Actor(r), e)
		return "Kepesertaan mulai " + domain.FormatDate(e.Start) + " disimpan.", links.Worker(wk.ID), err
	}, again)
}

// renderEnrollmentForm shows the form of a new spell (id 0) or a stored one.
func (s *Handlers) renderEnrollmentForm(w http.ResponseWriter, r *http.Request, status int, wk registry.Worker, id int64, values map[string]string, errs domain.FieldErrors) {
	p := components.RecordFormProps{Title: "Tambah kepesertaan", Lead: wk.Name + " · " + records.NIK(r, wk.NIK),
		Back: links.Worker(wk.ID), Action: links.Worker(wk.ID) + "/enrollments", Submit: "Simpan kepesertaan", Problem: errs[""],
		Sections: []components.FormSection{{
			Note:   "Satu peserta tidak boleh punya dua kepesertaan yang bertumpang tindih. Kosongkan tanggal selesai selama kepesertaan berjalan.",
			Fields: components.FormFields(registry.Workers, spellColumns, values, errs, components.Choices{})}}}
	if id != 0 {
		p.Title, p.Action, p.Submit = "Ubah kepesertaan", enrollmentPath(id), "Simpan perubahan"
	}
	s.Render(w, r, status, p.Title, "workers", components.RecordForm(p))
}

// withEnrollment runs fn with the spell named by {id} and its worker.
func (s *Handlers) withEnrollment(w http.ResponseWriter, r *http.Request, fn func(registry.Enrollment, registry.Worker)) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	pemda := httpx.User(r).Pemda
	e, workerID, err := s.svc.Enrollment(r.Context(), pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	wk, err := s.svc.Worker(r.Context(), pemda, workerID)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	fn(e, wk)
}
