package app

import (
	"errors"
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/password"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/pages"
)

// passwordForm lets a user change their own password.
func (s *App) passwordForm(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusOK, "Ganti kata sandi", "", pages.AccountPassword(pages.AccountPasswordProps{}))
}

// passwordChange checks the current password and sets the new one.
func (s *App) passwordChange(w http.ResponseWriter, r *http.Request) {
	u := httpx.User(r)
	errs := domain.FieldErrors{}
	_, hash, err := s.db.UserByUsername(r.Context(), u.Username)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if err := password.Verify(r.PostFormValue("current"), hash); errors.Is(err, password.ErrMismatch) {
		errs.Add("current", "Kata sandi saat ini salah.")
	} else if err != nil {
		s.Fail(w, r, err)
		return
	}
	checkNewPassword(errs, r.PostFormValue("password"), r.PostFormValue("confirm"), u.Username)
	if errs.Err() != nil {
		s.Render(w, r, http.StatusUnprocessableEntity, "Ganti kata sandi", "", pages.AccountPassword(pages.AccountPasswordProps{Errors: errs}))
		return
	}
	if err := s.setPassword(r, u, r.PostFormValue("password")); err != nil {
		s.Fail(w, r, err)
		return
	}
	// A new session id, as at sign-in.
	if err := s.Sessions.RenewToken(r.Context()); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Kata sandi Anda sudah diganti.")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
