package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/ingest"
	"github.com/cilegon/monev/web/components"
)

// The import columns the worker forms ask for.
var (
	workerDetailColumns = []string{"nik", "nama", "kategori", "kelurahan", "tanggal_lahir", "jenis_kelamin", "no_kpj",
		"penghasilan", "no_hp", "alamat"}
	spellColumns = []string{"tanggal_mulai", "tanggal_selesai", "status"}
)

// workerNew is the form that registers a worker with a first spell.
func (s *App) workerNew(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref registryRef) {
		values := map[string]string{"status": string(domain.StatusActive)}
		s.renderWorkerForm(w, r, http.StatusOK, ref, 0, values, nil)
	})
}

// workerCreate registers a worker, checked as an import row is.
func (s *App) workerCreate(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref registryRef) {
		values := formValues(r, ingest.Workers)
		row, problems := ingest.ParseWorker(ref.ingest(), values)
		s.saveForm(w, r, problems, func() (string, string, error) {
			wk, err := s.db.CreateWorker(r.Context(), s.Actor(r), row.Worker)
			return "Peserta " + wk.Name + " ditambahkan.", workerPath(wk.ID), err
		}, func(status int, errs domain.FieldErrors) {
			s.renderWorkerForm(w, r, status, ref, 0, values, errs)
		})
	})
}

// workerEdit is the form that corrects a worker's details.
func (s *App) workerEdit(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(wk domain.Worker, ref registryRef) {
		s.renderWorkerForm(w, r, http.StatusOK, ref, wk.ID, ingest.WorkerValues(wk, nil), nil)
	})
}

// workerUpdate saves a worker's corrected details.
func (s *App) workerUpdate(w http.ResponseWriter, r *http.Request) {
	s.withWorker(w, r, func(old domain.Worker, ref registryRef) {
		values := formValues(r, ingest.Workers)
		wk, problems := ingest.ParseWorkerDetails(ref.ingest(), values)
		wk.ID = old.ID
		s.saveForm(w, r, problems, func() (string, string, error) {
			_, err := s.db.UpdateWorker(r.Context(), s.Actor(r), wk)
			return "Data peserta " + wk.Name + " disimpan.", workerPath(wk.ID), err
		}, func(status int, errs domain.FieldErrors) {
			s.renderWorkerForm(w, r, status, ref, old.ID, values, errs)
		})
	})
}

// renderWorkerForm shows the worker form: a new worker (id 0) with a first
// spell, or a registered worker's details.
func (s *App) renderWorkerForm(w http.ResponseWriter, r *http.Request, status int, ref registryRef, id int64, values map[string]string, errs domain.FieldErrors) {
	ch := ref.choices()
	p := components.RecordFormProps{Title: "Tambah peserta", Back: "/workers", Action: "/workers", Submit: "Simpan peserta",
		Lead: "Isian diperiksa dengan aturan yang sama dengan impor berkas peserta.", Problem: errs[""],
		Sections: []components.FormSection{{Title: "Data peserta", Fields: components.FormFields(ingest.Workers, workerDetailColumns, values, errs, ch)}}}
	if id == 0 {
		p.Sections = append(p.Sections, components.FormSection{Title: "Kepesertaan pertama",
			Note:   "Tanggal selesai dikosongkan selama kepesertaan masih berjalan.",
			Fields: components.FormFields(ingest.Workers, spellColumns, values, errs, ch)})
	} else {
		p.Title, p.Back, p.Action, p.Submit = "Ubah data peserta", workerPath(id), workerPath(id), "Simpan perubahan"
		p.Lead = "Kategori dan kelurahan yang baru ikut tercatat pada kepesertaan dan klaim peserta ini."
	}
	s.Render(w, r, status, p.Title, "workers", components.RecordForm(p))
}
