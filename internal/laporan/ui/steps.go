package ui

import (
	"errors"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// reportStep takes a workflow step (submit, review, return, approve) and
// goes back to the report. A report that is not ready to submit, or a
// return without a reason, goes back with the problems as a message.
func (s *Handlers) reportStep(step laporan.Step) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rep, ok := s.loadReport(w, r)
		if !ok {
			return
		}
		note := strings.TrimSpace(r.PostFormValue("note"))
		if step == laporan.StepReturn && note == "" {
			s.Flash(r, "error", "Tuliskan apa yang perlu diperbaiki sebelum mengembalikan laporan.")
			http.Redirect(w, r, reportPath(rep.ID), http.StatusSeeOther)
			return
		}
		to, err := s.svc.Step(r.Context(), s.reportChange(r, note), rep.ID, step)
		var fe domain.FieldErrors
		switch {
		case errors.As(err, &fe):
			s.Flash(r, "error", "Laporan belum dapat diajukan: "+joinMessages(fe)+".")
			http.Redirect(w, r, reportPath(rep.ID)+"/edit", http.StatusSeeOther)
		case errors.Is(err, laporan.ErrStepNotAllowed):
			s.RenderError(w, r, http.StatusForbidden)
		case errors.Is(err, domain.ErrConflict):
			s.Flash(r, "error", "Langkah ini tidak dapat dilakukan: laporan berstatus "+rep.Status.Label()+".")
			http.Redirect(w, r, reportPath(rep.ID), http.StatusSeeOther)
		case err != nil:
			s.Fail(w, r, err)
		default:
			s.Saved(w, r, step.Past()+". Status laporan: "+to.Label()+".", reportPath(rep.ID))
		}
	}
}

// joinMessages lists the messages of field errors, ordered by field.
func joinMessages(fe domain.FieldErrors) string {
	keys := slices.Sorted(maps.Keys(fe))
	msgs := make([]string, len(keys))
	for i, k := range keys {
		msgs[i] = fe[k]
	}
	return strings.Join(msgs, "; ")
}

// reportDelete removes a draft.
func (s *Handlers) reportDelete(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	if err := s.svc.Delete(r.Context(), s.Actor(r), rep.ID); err != nil {
		if errors.Is(err, domain.ErrConflict) {
			s.Flash(r, "error", "Hanya draf yang dapat dihapus.")
			http.Redirect(w, r, reportPath(rep.ID), http.StatusSeeOther)
			return
		}
		s.Fail(w, r, err)
		return
	}
	s.Saved(w, r, "Draf laporan dihapus.", "/reports")
}

// reportComment opens a review thread on a section.
func (s *Handlers) reportComment(w http.ResponseWriter, r *http.Request) {
	s.addComment(w, r, 0)
}

// reportReply answers a review thread.
func (s *Handlers) reportReply(w http.ResponseWriter, r *http.Request) {
	parent, err := strconv.ParseInt(r.PathValue("comment"), 10, 64)
	if err != nil || parent <= 0 {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	s.addComment(w, r, parent)
}

// addComment stores a comment (parent 0) or a reply and returns to its thread.
func (s *Handlers) addComment(w http.ResponseWriter, r *http.Request, parent int64) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	body := strings.TrimSpace(r.PostFormValue("body"))
	if body == "" {
		s.Flash(r, "error", "Komentar masih kosong.")
		http.Redirect(w, r, reportPath(rep.ID), http.StatusSeeOther)
		return
	}
	u := httpx.User(r)
	c := laporan.Comment{ReportID: rep.ID, Section: r.PostFormValue("section"), ParentID: parent,
		Author: u.DisplayName(), Body: body}
	id, err := s.svc.AddComment(r.Context(), s.reportChange(r, ""), c)
	var ve *domain.ValueError
	switch {
	case errors.As(err, &ve):
		s.Flash(r, "error", ve.Msg)
	case errors.Is(err, domain.ErrConflict):
		s.Flash(r, "error", "Komentar tidak dapat ditambahkan pada laporan berstatus "+rep.Status.Label()+".")
	case err != nil:
		s.Fail(w, r, err)
		return
	default:
		s.Flash(r, "ok", "Komentar disimpan.")
		if parent != 0 {
			id = parent
		}
		http.Redirect(w, r, reportPath(rep.ID)+"#komentar-"+strconv.FormatInt(id, 10), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, reportPath(rep.ID), http.StatusSeeOther)
}

// reportResolve marks a review thread as settled.
func (s *Handlers) reportResolve(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("comment"), 10, 64)
	if err != nil || id <= 0 {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	if err := s.svc.ResolveComment(r.Context(), s.Actor(r), rep.ID, id); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Komentar ditandai selesai.")
	http.Redirect(w, r, reportPath(rep.ID)+"#komentar-"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}
