package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/web/components"
	"github.com/cilegon/monev/web/links"
)

// The import columns the worker forms ask for.
var (
	workerDetailColumns = []string{"nik", "nama", "kategori", "kelurahan", "tanggal_lahir", "jenis_kelamin", "no_kpj",
		"penghasilan", "no_hp", "alamat"}
	spellColumns = []string{"tanggal_mulai", "tanggal_selesai", "status"}
)

// workerNew is the form that registers a worker with a first spell.
func (s *Handlers) workerNew(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		values := map[string]string{"status": string(domain.StatusActive)}
		s.renderWorkerForm(w, r, http.StatusOK, ref, 0, values, nil)
	})
}

// workerCreate registers a worker, checked as an import row is.
func (s *Handlers) workerCreate(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		values := records.FormValues(r, registry.Workers)
		row, problems := sheet.ParseForm(registry.Workers, ref.Reference, values)
		row.Worker.Enrollments = []registry.Enrollment{row.Spell}
		records.SaveForm(s.Site, w, r, problems, func() (string, string, error) {
			wk, err := s.svc.CreateWorker(r.Context(), s.Actor(r), row.Worker)
			return "Peserta " + wk.Name + " ditambahkan.", links.Worker(wk.ID), err
		}, func(status int, errs domain.FieldErrors) {
			s.renderWorkerForm(w, r, status, ref, 0, values, errs)
		})
	})
}

// workerEdit is the form that corrects a worker's details.
func (s *Handlers) workerEdit(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(wk registry.Worker, ref records.Ref) {
		s.renderWorkerForm(w, r, http.StatusOK, ref, wk.ID, sheet.Values(registry.Workers, &registry.WorkerRow{Worker: wk}, workerDetailColumns...), nil)
	})
}

// workerUpdate saves a worker's corrected details.
func (s *Handlers) workerUpdate(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(old registry.Worker, ref records.Ref) {
		values := records.FormValues(r, registry.Workers)
		row, problems := sheet.ParseForm(registry.Workers, ref.Reference, values, workerDetailColumns...)
		wk := row.Worker
		wk.ID = old.ID
		records.SaveForm(s.Site, w, r, problems, func() (string, string, error) {
			_, err := s.svc.UpdateWorker(r.Context(), s.Actor(r), wk)
			return "Data peserta " + wk.Name + " disimpan.", links.Worker(wk.ID), err
		}, func(status int, errs domain.FieldErrors) {
			s.renderWorkerForm(w, r, status, ref, old.ID, values, errs)
		})
	})
}

// renderWorkerForm shows the worker form: a new worker (id 0) with a first
// spell, or a registered worker's details.
func (s *Handlers) renderWorkerForm(w http.ResponseWriter, r *http.Request, status int, ref records.Ref, id int64, values map[string]string, errs domain.FieldErrors) {
	ch := ref.Choices()
	p := components.RecordFormProps{Title: "Tambah peserta", Back: "/workers", Action: "/workers", Submit: "Simpan peserta",
		Lead: "Isian diperiksa dengan aturan yang sama dengan impor berkas peserta.", Problem: errs[""],
		Sections: []components.FormSection{{Title: "Data peserta", Fields: components.FormFields(registry.Workers, workerDetailColumns, values, errs, ch)}}}
	if id == 0 {
		p.Sections = append(p.Sections, components.FormSection{Title: "Kepesertaan pertama",
			Note:   "Tanggal selesai dikosongkan selama kepesertaan masih berjalan.",
			Fields: components.FormFields(registry.Workers, spellColumns, values, errs, ch)})
	} else {
		p.Title, p.Back, p.Action, p.Submit = "Ubah data peserta", links.Worker(id), links.Worker(id), "Simpan perubahan"
		p.Lead = "Kategori dan kelurahan yang baru ikut tercatat pada kepesertaan dan klaim peserta ini."
	}
	s.Render(w, r, status, p.Title, "workers", components.RecordForm(p))
}
