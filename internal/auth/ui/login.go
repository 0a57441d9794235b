package ui

import (
	"errors"
	"net/http"
	"strings"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/platform/httpx"
)

func (s *Handlers) loginForm(w http.ResponseWriter, r *http.Request) {
	if s.SignedIn(r) {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.renderLogin(w, r, http.StatusOK, LoginProps{Next: r.URL.Query().Get("next")})
}

func (s *Handlers) login(w http.ResponseWriter, r *http.Request) {
	username := strings.ToLower(strings.TrimSpace(r.PostFormValue("username")))
	props := LoginProps{Username: username, Next: r.PostFormValue("next")}
	u, err := s.svc.SignIn(r.Context(), s.Actor(r), username, r.PostFormValue("password"))
	switch {
	case errors.Is(err, auth.ErrThrottled):
		props.Error = "Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit, lalu coba lagi."
		s.renderLogin(w, r, http.StatusTooManyRequests, props)
		return
	case errors.Is(err, auth.ErrBadCredentials):
		props.Error = "Nama pengguna atau kata sandi salah."
		s.renderLogin(w, r, http.StatusUnauthorized, props)
		return
	case err != nil:
		s.Fail(w, r, err)
		return
	}
	if err := s.SignIn(r.Context(), u); err != nil {
		s.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, safeNext(props.Next), http.StatusSeeOther)
}

func (s *Handlers) logout(w http.ResponseWriter, r *http.Request) {
	u := httpx.User(r)
	if err := s.Sessions.Destroy(r.Context()); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.svc.SignedOut(r.Context(), s.Actor(r), u)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (s *Handlers) renderLogin(w http.ResponseWriter, r *http.Request, status int, p LoginProps) {
	p.PemdaName = "Kota Cilegon"
	p.Demo = s.Demo
	s.RenderBare(w, r, status, "Masuk", Login(p))
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
