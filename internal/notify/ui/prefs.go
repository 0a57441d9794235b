package ui

import (
	"errors"
	"net/http"
	"slices"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/notify"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/notice"
)

// prefsForm shows the user's e-mail address and the kinds mailed.
func (s *Handlers) prefsForm(w http.ResponseWriter, r *http.Request) {
	p, err := s.svc.Prefs(r.Context(), httpx.User(r))
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.renderPrefs(w, r, http.StatusOK, p, nil)
}

// prefsSave stores the user's preferences: a checked kind is mailed.
func (s *Handlers) prefsSave(w http.ResponseWriter, r *http.Request) {
	p := notify.Prefs{Email: r.PostFormValue("email")}
	on := r.PostForm["mail"]
	for _, k := range notice.Kinds {
		if !slices.Contains(on, string(k)) {
			p.EmailOff = append(p.EmailOff, k)
		}
	}
	err := s.svc.SetPrefs(r.Context(), s.Actor(r), p)
	var errs domain.FieldErrors
	if errors.As(err, &errs) {
		s.renderPrefs(w, r, http.StatusUnprocessableEntity, p, errs)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Preferensi notifikasi disimpan.")
	http.Redirect(w, r, "/notifications/preferences", http.StatusSeeOther)
}

func (s *Handlers) renderPrefs(w http.ResponseWriter, r *http.Request, status int, p notify.Prefs, errs domain.FieldErrors) {
	s.Render(w, r, status, "Preferensi notifikasi", "", PrefsPage(PrefsProps{Prefs: p, Errors: errs,
		Admin: s.Can(r, http.MethodGet, "/admin/smtp")}))
}

// prefOn reports whether the kind's box is checked: mailed unless turned off.
func prefOn(p notify.Prefs, k notice.Kind) bool { return !slices.Contains(p.EmailOff, k) }
