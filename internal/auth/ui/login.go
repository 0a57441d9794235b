package ui

import (
	"errors"
	"mime"
	"net/http"
	"strings"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/platform/httpx"
)

func (s *Handlers) loginForm(w http.ResponseWriter, r *http.Request) {
	if s.SignedIn(r) {
		http.Redirect(w, r, httpx.SafeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.renderLogin(w, r, http.StatusOK, LoginProps{Next: r.URL.Query().Get("next")})
}

// maxLoginForm is the largest sign-in form accepted: a username, a password
// and the page to return to fit many times over.
const maxLoginForm = 8 << 10

func (s *Handlers) login(w http.ResponseWriter, r *http.Request) {
	// Only the small urlencoded form of the sign-in page: never a multipart
	// body, whose parts would be read whole before the password is checked.
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/x-www-form-urlencoded" {
		s.renderLogin(w, r, http.StatusUnsupportedMediaType, LoginProps{Error: "Formulir masuk tidak dikenali. Muat ulang halaman lalu coba lagi."})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxLoginForm)
	if err := r.ParseForm(); err != nil {
		s.renderLogin(w, r, http.StatusRequestEntityTooLarge, LoginProps{Error: "Formulir masuk terlalu besar."})
		return
	}
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
	http.Redirect(w, r, httpx.SafeNext(props.Next), http.StatusSeeOther)
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
	p.PemdaName = s.Installation(r.Context())
	p.Demo = s.Demo
	s.RenderBare(w, r, status, "Masuk", Login(p))
}
