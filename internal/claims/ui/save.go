package ui

import (
	"net/http"
	"strconv"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/web/components"
	"github.com/cilegon/monev/web/links"
)

// claimColumns are the import columns the claim form asks for.
var claimColumns = []string{"nik", "jenis_klaim", "status", "nominal", "tanggal_kejadian", "tanggal_pengajuan",
	"tanggal_bayar", "no_klaim", "ahli_waris", "keterangan"}

// claimNew is the form that records a claim; ?worker={id} fills in the worker's NIK.
func (s *Handlers) claimNew(w http.ResponseWriter, r *http.Request) {
	values := map[string]string{"status": string(domain.ClaimPaid)}
	if id, err := strconv.ParseInt(r.URL.Query().Get("worker"), 10, 64); err == nil {
		if nik, err := s.svc.WorkerNIK(r.Context(), httpx.User(r).Pemda, id); err == nil {
			values["nik"] = string(nik)
		}
	}
	s.renderClaimForm(w, r, http.StatusOK, 0, values, nil)
}

// claimCreate records a claim, checked as an import row is.
func (s *Handlers) claimCreate(w http.ResponseWriter, r *http.Request) {
	s.saveClaim(w, r, 0)
}

// claimEdit is the form that corrects a claim.
func (s *Handlers) claimEdit(w http.ResponseWriter, r *http.Request) {
	s.withClaim(w, r, func(c claims.ClaimListItem) {
		s.renderClaimForm(w, r, http.StatusOK, c.ID, sheet.Values(claims.Claims, &c.Claim), nil)
	})
}

// claimUpdate saves a corrected claim.
func (s *Handlers) claimUpdate(w http.ResponseWriter, r *http.Request) {
	s.withClaim(w, r, func(c claims.ClaimListItem) { s.saveClaim(w, r, c.ID) })
}

// saveClaim checks the posted claim and creates it (id 0) or saves it over
// the stored one; the NIK must be a registered worker's.
func (s *Handlers) saveClaim(w http.ResponseWriter, r *http.Request, id int64) {
	values := records.FormValues(r, claims.Claims)
	c, problems := sheet.ParseForm(claims.Claims, domain.Reference{}, values)
	records.SaveForm(s.Site, w, r, problems, func() (string, string, error) {
		var err error
		if c.ID = id; id == 0 {
			c, err = s.svc.CreateClaim(r.Context(), s.Actor(r), c)
		} else {
			c, err = s.svc.UpdateClaim(r.Context(), s.Actor(r), c)
		}
		return "Klaim " + c.Type.ShortName() + " disimpan.", links.ID("/claims", c.ID, ""), err
	}, func(status int, errs domain.FieldErrors) {
		s.renderClaimForm(w, r, status, id, values, errs)
	})
}

func (s *Handlers) renderClaimForm(w http.ResponseWriter, r *http.Request, status int, id int64, values map[string]string, errs domain.FieldErrors) {
	p := components.RecordFormProps{Title: "Tambah klaim", Back: "/claims", Action: "/claims", Submit: "Simpan klaim",
		Lead:     "Peserta harus sudah terdaftar. Isian diperiksa dengan aturan yang sama dengan impor berkas klaim.",
		Problem:  errs[""],
		Sections: []components.FormSection{{Fields: components.FormFields(claims.Claims, claimColumns, values, errs, components.Choices{})}}}
	if id != 0 {
		p.Title, p.Back, p.Action, p.Submit = "Ubah klaim", links.ID("/claims", id, ""), links.ID("/claims", id, ""), "Simpan perubahan"
	}
	s.Render(w, r, status, p.Title, "claims", components.RecordForm(p))
}
