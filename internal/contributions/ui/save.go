package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/web/components"
	"github.com/cilegon/monev/web/links"
)

// contributionColumns are the import columns the payment form asks for.
var contributionColumns = []string{"periode", "dibayar", "tanggal_bayar", "no_sp2d", "jumlah_peserta", "tagihan", "keterangan"}

// contributionNew is the form that records a payment.
func (s *Handlers) contributionNew(w http.ResponseWriter, r *http.Request) {
	s.renderContributionForm(w, r, http.StatusOK, 0, map[string]string{}, nil)
}

// contributionCreate records a payment, checked as an import row is.
func (s *Handlers) contributionCreate(w http.ResponseWriter, r *http.Request) {
	s.saveContribution(w, r, 0)
}

// contributionEdit is the form that corrects a payment.
func (s *Handlers) contributionEdit(w http.ResponseWriter, r *http.Request) {
	s.withContribution(w, r, func(c contributions.Contribution) {
		s.renderContributionForm(w, r, http.StatusOK, c.ID, sheet.Values(contributions.Contributions, &c), nil)
	})
}

// contributionUpdate saves a corrected payment.
func (s *Handlers) contributionUpdate(w http.ResponseWriter, r *http.Request) {
	s.withContribution(w, r, func(c contributions.Contribution) { s.saveContribution(w, r, c.ID) })
}

// saveContribution checks the posted payment and creates it (id 0) or
// saves it over the stored one.
func (s *Handlers) saveContribution(w http.ResponseWriter, r *http.Request, id int64) {
	values := records.FormValues(r, contributions.Contributions)
	c, problems := sheet.ParseForm(contributions.Contributions, domain.Reference{}, values)
	records.SaveForm(s.Site, w, r, problems, func() (string, string, error) {
		var err error
		if c.ID = id; id == 0 {
			c, err = s.svc.CreateContribution(r.Context(), s.Actor(r), c)
		} else {
			c, err = s.svc.UpdateContribution(r.Context(), s.Actor(r), c)
		}
		return "Pembayaran iuran " + c.CoverageMonth.Label() + " disimpan.", links.ID("/contributions", c.ID, ""), err
	}, func(status int, errs domain.FieldErrors) {
		s.renderContributionForm(w, r, status, id, values, errs)
	})
}

func (s *Handlers) renderContributionForm(w http.ResponseWriter, r *http.Request, status int, id int64, values map[string]string, errs domain.FieldErrors) {
	p := components.RecordFormProps{Title: "Tambah pembayaran iuran", Back: "/contributions", Action: "/contributions",
		Lead:   "Satu baris per SP2D dan bulan kepesertaan, diperiksa dengan aturan yang sama dengan impor berkas iuran.",
		Submit: "Simpan pembayaran", Problem: errs[""],
		Sections: []components.FormSection{{Fields: components.FormFields(contributions.Contributions, contributionColumns, values, errs, components.Choices{})}}}
	if id != 0 {
		p.Title, p.Back, p.Action, p.Submit = "Ubah pembayaran iuran", links.ID("/contributions", id, ""), links.ID("/contributions", id, ""), "Simpan perubahan"
	}
	s.Render(w, r, status, p.Title, "contributions", components.RecordForm(p))
}
