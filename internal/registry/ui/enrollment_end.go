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

// enrollmentEndForm asks when and why a running spell ends.
func (s *Handlers) enrollmentEndForm(w http.ResponseWriter, r *http.Request) {
	s.withEnrollment(w, r, func(e registry.Enrollment, wk registry.Worker) {
		values := sheet.Values(registry.Workers, &registry.WorkerRow{Spell: e}, spellColumns...)
		values["status"] = string(domain.StatusInactive)
		if values["tanggal_selesai"] == "" {
			values["tanggal_selesai"] = s.Now().In(domain.WIB).Format("2006-01-02")
		}
		s.renderEndForm(w, r, http.StatusOK, e, wk, values, nil)
	})
}

// enrollmentEnd ends a spell: its end date and status, its start kept.
func (s *Handlers) enrollmentEnd(w http.ResponseWriter, r *http.Request) {
	s.withEnrollment(w, r, func(old registry.Enrollment, wk registry.Worker) {
		values := records.FormValues(r, registry.Workers)
		values["tanggal_mulai"] = sheet.Values(registry.Workers, &registry.WorkerRow{Spell: old}, "tanggal_mulai")["tanggal_mulai"]
		if values["tanggal_selesai"] == "" {
			s.renderEndForm(w, r, http.StatusUnprocessableEntity, old, wk, values,
				domain.FieldErrors{"tanggal_selesai": "tanggal selesai belum diisi; hari itu masih dijamin"})
			return
		}
		s.saveEnrollment(w, r, old, wk, values, func(status int, errs domain.FieldErrors) {
			s.renderEndForm(w, r, status, old, wk, values, errs)
		})
	})
}

func (s *Handlers) renderEndForm(w http.ResponseWriter, r *http.Request, status int, e registry.Enrollment, wk registry.Worker, values map[string]string, errs domain.FieldErrors) {
	fields := components.FormFields(registry.Workers, []string{"tanggal_selesai", "status"}, values, errs, components.Choices{})
	fields[0].Required = true
	s.Render(w, r, status, "Akhiri kepesertaan", "workers", components.RecordForm(components.RecordFormProps{
		Title: "Akhiri kepesertaan", Lead: wk.Name + " · kepesertaan mulai " + domain.FormatDate(e.Start),
		Back: links.Worker(wk.ID), Action: enrollmentPath(e.ID) + "/end", Submit: "Akhiri kepesertaan", Problem: errs[""],
		Sections: []components.FormSection{{
			Note:   "Pilih nonaktif bila peserta berhenti atau iurannya tidak dibayar, meninggal bila peserta wafat. Kuotanya dapat dialihkan ke pekerja lain.",
			Fields: fields}},
	}))
}
