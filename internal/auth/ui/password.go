package ui

import (
	"errors"
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// passwordForm lets a user change their own password.
func (s *Handlers) passwordForm(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusOK, "Ganti kata sandi", "", PasswordPage(PasswordProps{}))
}

// passwordChange checks the current password and sets the new one.
func (s *Handlers) passwordChange(w http.ResponseWriter, r *http.Request) {
	u, err := s.svc.ChangePassword(r.Context(), s.Actor(r), httpx.User(r),
		r.PostFormValue("current"), r.PostFormValue("password"), r.PostFormValue("confirm"))
	var errs domain.FieldErrors
	if errors.As(err, &errs) {
		s.Render(w, r, http.StatusUnprocessableEntity, "Ganti kata sandi", "", PasswordPage(PasswordProps{Errors: errs}))
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	// Every other session has ended; this one goes on under a new id and
	// the new epoch, as at sign-in.
	if err := s.SignIn(r.Context(), u); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Kata sandi Anda sudah diganti.")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
