package ui

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/web/components"
	"github.com/cilegon/monev/web/links"
)

// offered is how many candidates a worker's page offers for a freed quota.
const offered = 5

// refillFor is what a worker's page shows about quotas: whom they replaced
// or were replaced by, and, when their latest spell ended without a
// replacement, the next candidates of the same category and kelurahan.
func (s *Handlers) refillFor(r *http.Request, wk registry.Worker) (RefillProps, error) {
	pemda := httpx.User(r).Pemda
	p := RefillProps{Viewer: records.Viewer(s.Site, r, "/workers"), WorkerID: wk.ID}
	var err error
	if p.Replacements, err = s.svc.Replacements(r.Context(), pemda, wk.ID); err != nil {
		return p, err
	}
	if len(wk.Enrollments) == 0 {
		return p, nil
	}
	latest := wk.Enrollments[0]
	if latest.End == nil || latest.Status == domain.StatusActive {
		return p, nil
	}
	for _, rp := range p.Replacements {
		if rp.Freed.ID == wk.ID && rp.FreedEnd.Equal(*latest.End) {
			return p, nil // already refilled
		}
	}
	p.Freed = &latest
	p.Start = latest.End.AddDate(0, 0, 1).Format("2006-01-02")
	cs, err := s.svc.Candidates(r.Context(), pemda, wk.CategoryCode, wk.KelurahanCode)
	if len(cs) > offered {
		cs = cs[:offered]
	}
	p.Candidates = cs
	return p, err
}

// refill chooses a candidate for the quota an ended spell freed.
func (s *Handlers) refill(w http.ResponseWriter, r *http.Request) {
	s.withEnrollment(w, r, func(e registry.Enrollment, wk registry.Worker) {
		candidate, err := strconv.ParseInt(r.PostFormValue("candidate"), 10, 64)
		if err != nil {
			s.Fail(w, r, &domain.ValueError{Msg: "calon pengganti belum dipilih"})
			return
		}
		start, err := domain.ParseDate(r.PostFormValue("tanggal_mulai"))
		if err != nil {
			s.Fail(w, r, &domain.ValueError{Msg: "tanggal mulai pengganti: " + err.Error()})
			return
		}
		nw, err := s.svc.Refill(r.Context(), s.Actor(r), e.ID, candidate, start)
		var refused *domain.ConflictError
		if errors.As(err, &refused) {
			s.Fail(w, r, &domain.ValueError{Msg: refused.Fields.Error()})
			return
		}
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		s.Saved(w, r, nw.Name+" menggantikan "+wk.Name+" mulai "+domain.FormatDate(start)+".", links.Worker(nw.ID))
	})
}

// waitingList is the daftar tunggu: quota use per category and the
// candidates waiting, by category and kelurahan in the order offered.
func (s *Handlers) waitingList(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		pemda := httpx.User(r).Pemda
		cs, err := s.svc.Candidates(r.Context(), pemda, r.URL.Query().Get("category"), "")
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		use, err := s.svc.QuotaUse(r.Context(), pemda, s.Now().In(domain.WIB))
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		s.Render(w, r, http.StatusOK, "Daftar tunggu", "workers", WaitingPage(WaitingProps{
			Viewer: records.Viewer(s.Site, r, "/waiting-list/new"), Ref: ref, Candidates: cs, Use: use}))
	})
}

// candidateNew is the form that puts a person on the waiting list.
func (s *Handlers) candidateNew(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		values := map[string]string{"tanggal_usulan": s.Now().In(domain.WIB).Format("2006-01-02")}
		s.renderCandidateForm(w, r, http.StatusOK, ref, values, nil)
	})
}

// candidateCreate checks the form with the waiting list's own columns and
// saves the candidate.
func (s *Handlers) candidateCreate(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		values := records.FormValues(r, registry.WaitingList)
		c, problems := sheet.ParseForm(registry.WaitingList, ref.Reference, values)
		records.SaveForm(s.Site, w, r, problems, func() (string, string, error) {
			c, err := s.svc.AddCandidate(r.Context(), s.Actor(r), c)
			return c.Name + " masuk daftar tunggu.", "/waiting-list", err
		}, func(status int, errs domain.FieldErrors) {
			s.renderCandidateForm(w, r, status, ref, values, errs)
		})
	})
}

func (s *Handlers) renderCandidateForm(w http.ResponseWriter, r *http.Request, status int, ref records.Ref, values map[string]string, errs domain.FieldErrors) {
	p := components.RecordFormProps{Title: "Tambah calon daftar tunggu", Back: "/waiting-list", Action: "/waiting-list",
		Submit: "Simpan calon", Lead: "Calon ditawarkan saat kuota kategori yang sama di kelurahannya kosong: prioritas 1 lebih dulu, lalu tanggal usulan.",
		Problem: errs[""], Sections: []components.FormSection{{Title: "Calon", Fields: components.FormFields(registry.WaitingList, waitingColumns, values, errs, ref.Choices())}}}
	s.Render(w, r, status, p.Title, "workers", components.RecordForm(p))
}

// replacementList is who replaced whom, when.
func (s *Handlers) replacementList(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		rs, err := s.svc.Replacements(r.Context(), httpx.User(r).Pemda, 0)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		s.Render(w, r, http.StatusOK, "Pengganti", "workers", ReplacementsPage(ReplacementsProps{
			Viewer: records.Viewer(s.Site, r, "/workers"), Ref: ref, Replacements: rs}))
	})
}

// replacementExport is /replacements/export.csv and .xlsx.
func (s *Handlers) replacementExport(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		rs, err := s.svc.Replacements(r.Context(), httpx.User(r).Pemda, 0)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		records.Export(s.Site, s.audit, w, r, registry.Replacements, ref.Reference, func(ex *sheet.Exporter[registry.Replacement]) error {
			for i := range rs {
				if err := ex.Write(&rs[i]); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// waitingColumns are the fields of the waiting-list form, in its order.
var waitingColumns = []string{"nik", "nama", "kategori", "kelurahan", "prioritas", "sumber_prioritas", "tanggal_usulan"}

// quotaTarget is a category's target, a dash without one.
func quotaTarget(u registry.QuotaUse) string {
	if u.Target == 0 {
		return "–"
	}
	return domain.FormatInt(u.Target)
}

// quotaFree is how many places of the target are empty, a dash without a target.
func quotaFree(u registry.QuotaUse) string {
	if u.Target == 0 {
		return "–"
	}
	return domain.FormatInt(max(u.Target-u.Covered, 0))
}

// quota is the quota use per category for every role: counts only.
func (s *Handlers) quota(w http.ResponseWriter, r *http.Request) {
	s.withRef(w, r, func(ref records.Ref) {
		use, err := s.svc.QuotaUse(r.Context(), httpx.User(r).Pemda, s.Now().In(domain.WIB))
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		s.Render(w, r, http.StatusOK, "Kuota peserta", "workers", QuotaPage(ref, use, s.Can(r, http.MethodGet, "/waiting-list")))
	})
}
