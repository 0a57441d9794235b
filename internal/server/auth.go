package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/cilegon/monev/internal/domain"
)

// Session keys.
const (
	sessUserID = "user_id"
	sessPemda  = "pemda"
	sessFlash  = "flash"
)

// withUser puts the signed-in user into the request context, and their name
// into the request log line.
func withUser(ctx context.Context, u domain.User) context.Context {
	if p, ok := ctx.Value(userNameKey{}).(*string); ok {
		*p = u.Username
	}
	return context.WithValue(ctx, userKey{}, u)
}

// sessionUser finds the user of the browser session. Without one it sends
// the browser to the sign-in page and reports false.
func (s *Server) sessionUser(w http.ResponseWriter, r *http.Request) (domain.User, bool) {
	id := s.sessions.GetInt64(r.Context(), sessUserID)
	pemda := s.sessions.GetString(r.Context(), sessPemda)
	if id != 0 {
		u, err := s.db.User(r.Context(), pemda, id)
		switch {
		case err == nil && u.Active:
			return u, true
		case err != nil && !errors.Is(err, domain.ErrNotFound):
			s.fail(w, r, err)
			return domain.User{}, false
		}
		// The user was removed or deactivated: end the session.
		_ = s.sessions.Destroy(r.Context())
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.renderError(w, r, http.StatusUnauthorized)
		return domain.User{}, false
	}
	next := r.URL.RequestURI()
	http.Redirect(w, r, "/login?next="+url.QueryEscape(next), http.StatusSeeOther)
	return domain.User{}, false
}

// tokenUser finds the user of the request's bearer token, or answers 401.
func (s *Server) tokenUser(w http.ResponseWriter, r *http.Request) (domain.User, bool) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="monev"`)
		writeJSONError(w, http.StatusUnauthorized, "missing bearer token")
		return domain.User{}, false
	}
	u, err := s.db.UserByAPIToken(r.Context(), strings.TrimSpace(token))
	if errors.Is(err, domain.ErrNotFound) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="monev", error="invalid_token"`)
		writeJSONError(w, http.StatusUnauthorized, "invalid or revoked bearer token")
		return domain.User{}, false
	}
	if err != nil {
		s.failJSON(w, r, err)
		return domain.User{}, false
	}
	return u, true
}

// forbidden answers a signed-in user who lacks the role for a route.
func (s *Server) forbidden(w http.ResponseWriter, r *http.Request, api bool) {
	if api {
		writeJSONError(w, http.StatusForbidden, "your role may not use this endpoint")
		return
	}
	s.renderError(w, r, http.StatusForbidden)
}

// flash stores a message for the next page the user sees.
func (s *Server) flash(r *http.Request, kind, msg string) {
	s.sessions.Put(r.Context(), sessFlash, kind+"|"+msg)
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
