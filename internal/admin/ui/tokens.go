package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// tokenList lists the API tokens with their last use.
func (s *Handlers) tokenList(w http.ResponseWriter, r *http.Request) {
	s.renderTokens(w, r, http.StatusOK, "", "")
}

func (s *Handlers) renderTokens(w http.ResponseWriter, r *http.Request, status int, created, errMsg string) {
	pemda := httpx.User(r).Pemda
	tokens, err := s.auth.Tokens(r.Context(), pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	users, err := s.auth.Users(r.Context(), pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, status, "Token API", "admin", AdminTokens(AdminTokensProps{
		Tokens: tokens, Users: users, Created: created, Error: errMsg}))
}

// tokenCreate makes a token for a user and shows it once.
func (s *Handlers) tokenCreate(w http.ResponseWriter, r *http.Request) {
	username := strings.TrimSpace(r.PostFormValue("username"))
	u, err := s.auth.UserByUsername(r.Context(), username)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && (u.Pemda != httpx.User(r).Pemda || !u.Active)) {
		s.renderTokens(w, r, http.StatusUnprocessableEntity, "", "Pilih pengguna aktif untuk token ini.")
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	token, err := s.auth.CreateToken(r.Context(), s.Actor(r), u, strings.TrimSpace(r.PostFormValue("name")))
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.renderTokens(w, r, http.StatusOK, token, "")
}

// tokenRevoke stops a token from working.
func (s *Handlers) tokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	if err := s.auth.RevokeToken(r.Context(), s.Actor(r), httpx.User(r).Pemda, id); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Token dicabut; aplikasi yang memakainya tidak dapat lagi mengakses API.")
	http.Redirect(w, r, "/admin/tokens", http.StatusSeeOther)
}
