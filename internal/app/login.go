package app

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/password"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/pages"
)

// Sign-in throttling: after this many failures for one username or one
// address within the window, further attempts are refused until it passes.
const (
	maxLoginFailures = 5
	loginWindow      = 15 * time.Minute
)

// dummyHash keeps the time of a sign-in with an unknown username close to
// that of a wrong password.
var dummyHash, _ = password.Hash("monev-dummy-password")

func (s *App) loginForm(w http.ResponseWriter, r *http.Request) {
	if s.SignedIn(r) {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.renderLogin(w, r, http.StatusOK, pages.LoginProps{Next: r.URL.Query().Get("next")})
}

func (s *App) login(w http.ResponseWriter, r *http.Request) {
	username := strings.ToLower(strings.TrimSpace(r.PostFormValue("username")))
	pw := r.PostFormValue("password")
	props := pages.LoginProps{Username: username, Next: r.PostFormValue("next")}
	keys := []string{"user:" + username, "ip:" + s.ClientIP(r)}

	failures, err := s.db.LoginFailures(r.Context(), s.Now().Add(-loginWindow), keys...)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if failures >= maxLoginFailures {
		props.Error = "Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit, lalu coba lagi."
		s.renderLogin(w, r, http.StatusTooManyRequests, props)
		return
	}

	u, hash, err := s.db.UserByUsername(r.Context(), username)
	if errors.Is(err, domain.ErrNotFound) {
		hash = dummyHash
	} else if err != nil {
		s.Fail(w, r, err)
		return
	}
	if perr := password.Verify(pw, hash); perr != nil || err != nil || !u.Active {
		if rerr := s.db.RecordLoginFailure(r.Context(), keys...); rerr != nil {
			s.Fail(w, r, rerr)
			return
		}
		s.auditLogin(r, u, username, "login_failed", "Gagal masuk")
		props.Error = "Nama pengguna atau kata sandi salah."
		s.renderLogin(w, r, http.StatusUnauthorized, props)
		return
	}

	if err := s.SignIn(r.Context(), u); err != nil {
		s.Fail(w, r, err)
		return
	}
	_ = s.db.ClearLoginFailures(r.Context(), keys[0])
	s.auditLogin(r, u, username, "login", "Masuk")
	http.Redirect(w, r, safeNext(props.Next), http.StatusSeeOther)
}

func (s *App) logout(w http.ResponseWriter, r *http.Request) {
	u := httpx.User(r)
	if err := s.Sessions.Destroy(r.Context()); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.auditLogin(r, u, u.Username, "logout", "Keluar")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// auditLogin records a sign-in event; an unknown username is recorded under
// the default Pemda.
func (s *App) auditLogin(r *http.Request, u domain.User, username, action, summary string) {
	a := domain.ActorFor(u, s.ClientIP(r), httpx.RequestID(r.Context()))
	a.Username = username
	if a.Pemda == "" {
		a.Pemda = domain.DefaultPemda
	}
	if err := s.audit.Record(r.Context(), a, action, "session", u.ID, summary); err != nil {
		s.Log.Error("audit sign-in", "err", err, "request_id", httpx.RequestID(r.Context()))
	}
}

func (s *App) renderLogin(w http.ResponseWriter, r *http.Request, status int, p pages.LoginProps) {
	p.PemdaName = "Kota Cilegon"
	p.Demo = s.cfg.DemoLogins
	s.RenderBare(w, r, status, "Masuk", pages.Login(p))
}
