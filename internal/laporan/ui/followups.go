package ui

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/web/components"
)

// today is the day on Cilegon's clock.
func (s *Handlers) today() time.Time { return domain.Date(s.Now().In(domain.WIB).Date()) }

// followUpQuery reads the list's filters: status=open|done|all, owner=, overdue=1.
// A filter that cannot be used is named in problems and left out.
func followUpQuery(r *http.Request) (f laporan.FollowUpFilter, problems []string) {
	q := r.URL.Query()
	var err error
	if f.Scope, err = laporan.ParseFollowUpScope(q.Get("status")); err != nil {
		problems = append(problems, err.Error())
	}
	if o := q.Get("owner"); o != "" {
		if f.Owner, err = laporan.ParseOwnerKind(o); err != nil {
			problems = append(problems, err.Error())
		}
	}
	f.Overdue = q.Get("overdue") == "1"
	return f, problems
}

// followUpList is the Tindak lanjut page: the follow-up items of the
// meetings by owner and due date, open ones unless asked otherwise.
func (s *Handlers) followUpList(w http.ResponseWriter, r *http.Request) {
	f, problems := followUpQuery(r)
	today := s.today()
	items, err := s.svc.FollowUps(r.Context(), httpx.User(r), f, today)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Tindak lanjut", "followups", FollowUpList(FollowUpListProps{
		Filter: f, Problems: problems, Items: items, Today: today, Query: r.URL.RawQuery}))
}

// followUpExport writes the list as filtered as CSV or XLSX and records the export.
func (s *Handlers) followUpExport(w http.ResponseWriter, r *http.Request) {
	f, _ := followUpQuery(r)
	today := s.today()
	items, err := s.svc.FollowUps(r.Context(), httpx.User(r), f, today)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	t := records.Table{File: "tindak-lanjut-" + today.Format(time.DateOnly), Title: "Tindak lanjut",
		Header: []string{"No", "Kegiatan", "Penanggung jawab", "Batas waktu", "Status", "Lewat batas waktu", "Laporan"}}
	for i, it := range items {
		var due any
		if !it.Due.IsZero() {
			due = it.Due
		}
		late := "tidak"
		if it.Overdue(today) {
			late = "ya"
		}
		t.Rows = append(t.Rows, []any{i + 1, it.Action, it.OwnerLabel(), due, it.Status.Label(), late, it.ReportTitle})
	}
	records.ExportTable(s.Site, s.audit, w, r, http.StatusOK, "followup", t)
}

// followUpShow is one item: what, who, by when, its history with evidence,
// and the form that changes its status for those who may.
func (s *Handlers) followUpShow(w http.ResponseWriter, r *http.Request) {
	s.renderFollowUp(w, r, http.StatusOK, FollowUpForm{}, nil)
}

func (s *Handlers) renderFollowUp(w http.ResponseWriter, r *http.Request, status int, form FollowUpForm, errs domain.FieldErrors) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	item, notes, err := s.svc.FollowUp(r.Context(), httpx.User(r), id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	today := s.today()
	if form.Status == "" {
		form = FollowUpForm{Status: string(item.Status), On: today.Format(time.DateOnly)}
	}
	s.Render(w, r, status, "Tindak lanjut", "followups", FollowUpPage(FollowUpPageProps{
		Item: item, Notes: notes, Today: today, Form: form, Errors: errs,
		CanUpdate: s.Can(r, http.MethodPost, "/followups/{id}") && laporan.CanUpdateFollowUp(s.Actor(r), item.FollowUp)}))
}

// followUpUpdate records a status change or a note with its evidence: a
// link, or a PDF, PNG or JPEG of at most 5 MB.
func (s *Handlers) followUpUpdate(w http.ResponseWriter, r *http.Request) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	form, change, errs := s.parseFollowUpForm(w, r)
	if errs == nil {
		err := s.svc.UpdateFollowUp(r.Context(), s.reportChange(r, ""), id, change, s.today())
		var fe domain.FieldErrors
		switch {
		case errors.As(err, &fe):
			errs = fe
		case err != nil:
			s.Fail(w, r, err)
			return
		default:
			s.Saved(w, r, "Status tindak lanjut disimpan: "+change.Status.Label()+".", "/followups/"+strconv.FormatInt(id, 10))
			return
		}
	}
	s.renderFollowUp(w, r, http.StatusUnprocessableEntity, form, errs)
}

// parseFollowUpForm reads the multipart form; a body beyond the evidence
// limit is refused before it is read whole.
func (s *Handlers) parseFollowUpForm(w http.ResponseWriter, r *http.Request) (FollowUpForm, laporan.StatusChange, domain.FieldErrors) {
	errs := domain.FieldErrors{}
	r.Body = http.MaxBytesReader(w, r.Body, laporan.MaxEvidenceBytes+64<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			errs.Add("evidence", "berkas bukti lebih besar dari 5 MB; perkecil atau pindai ulang dengan resolusi lebih rendah")
			return FollowUpForm{}, laporan.StatusChange{}, errs
		} else if !errors.Is(err, http.ErrNotMultipart) {
			errs.Add("evidence", "berkas bukti tidak terbaca; coba unggah lagi")
		}
		_ = r.ParseForm()
	}
	v := func(k string) string { return r.FormValue(k) }
	form := FollowUpForm{Status: v("status"), On: v("on"), Note: v("note"), Link: v("link")}
	var c laporan.StatusChange
	var err error
	if c.Status, err = laporan.ParseFollowUpStatus(form.Status); err != nil {
		errs.Add("status", "pilih status tindak lanjut")
	}
	if c.On, err = domain.ParseDate(form.On); err != nil {
		errs.Add("on", err.Error())
	}
	c.Note, c.Link = form.Note, form.Link
	if r.MultipartForm != nil {
		if fh := r.MultipartForm.File["file"]; len(fh) > 0 && fh[0].Size > 0 {
			f, err := fh[0].Open()
			if err == nil {
				data, rerr := io.ReadAll(io.LimitReader(f, laporan.MaxEvidenceBytes+1))
				_ = f.Close()
				err = rerr
				c.File = &laporan.Evidence{Name: fh[0].Filename, Data: data}
			}
			if err != nil {
				errs.Add("evidence", "berkas bukti tidak terbaca; coba unggah lagi")
			}
		}
	}
	if len(errs) > 0 {
		return form, c, errs
	}
	return form, c, nil
}

// followUpEvidence serves an uploaded evidence file as a download, never
// rendered in the page's origin.
func (s *Handlers) followUpEvidence(w http.ResponseWriter, r *http.Request) {
	note, err := strconv.ParseInt(r.PathValue("note"), 10, 64)
	if err != nil || note <= 0 {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	e, err := s.svc.Evidence(r.Context(), httpx.User(r), s.Actor(r), note)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", e.Type)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Disposition", `attachment; filename="`+safeFileName(e.Name)+`"`)
	w.Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Header().Set("Content-Length", strconv.Itoa(len(e.Data)))
	_, _ = w.Write(e.Data)
}

// safeFileName keeps the letters, digits, dots, dashes and underscores of
// an uploaded file's name, for a Content-Disposition header.
func safeFileName(name string) string {
	out := make([]rune, 0, len(name))
	for _, c := range name {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-', c == '_':
			out = append(out, c)
		case c == ' ':
			out = append(out, '_')
		}
	}
	if len(out) == 0 {
		return "bukti"
	}
	return string(out)
}

// OverdueNotices gives the dashboard's notice of the follow-up items
// overdue on day today that concern user u (laporan.Service.OverdueFor):
// how many, the oldest, and a link to the list of them.
func OverdueNotices(svc *laporan.Service) func(ctx context.Context, u domain.User, today time.Time) ([]components.Notice, error) {
	return func(ctx context.Context, u domain.User, today time.Time) ([]components.Notice, error) {
		items, err := svc.OverdueFor(ctx, u, today)
		if err != nil || len(items) == 0 {
			return nil, err
		}
		oldest := items[0]
		for _, it := range items {
			if it.Due.Before(oldest.Due) {
				oldest = it
			}
		}
		href := "/followups?overdue=1"
		if u.Role == domain.RoleBPJS {
			href += "&owner=bpjs"
		}
		return []components.Notice{{
			Text:     domain.FormatInt(int64(len(items))) + " tindak lanjut rapat monev lewat batas waktu.",
			Detail:   "Yang terlama: “" + oldest.Action + "”, batas " + domain.FormatDate(oldest.Due) + ".",
			LinkText: "Lihat tindak lanjut", Href: href,
		}}, nil
	}
}
