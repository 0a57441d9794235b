package httpx

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
	sessEpoch  = "epoch"
	sessFlash  = "flash"
)

type userKey struct{}

// User is the signed-in user of a request that passed its role rule; the
// zero User on public routes.
func User(r *http.Request) domain.User { return UserOf(r.Context()) }

// UserOf is the signed-in user a context carries (see WithUser), for
// templates, which have the context but not the request.
func UserOf(ctx context.Context) domain.User {
	u, _ := ctx.Value(userKey{}).(domain.User)
	return u
}

// WithUser returns ctx carrying u as the signed-in user, and their name for
// the request log line; the guard calls it, and so does printing, which
// renders pages outside a request.
func WithUser(ctx context.Context, u domain.User) context.Context {
	if p, ok := ctx.Value(userNameKey{}).(*string); ok {
		*p = u.Username
	}
	return context.WithValue(ctx, userKey{}, u)
}

// Actor is who makes a change in this request, for the audit log.
func (s *Site) Actor(r *http.Request) domain.Actor {
	return domain.ActorFor(User(r), s.ClientIP(r), RequestID(r.Context()))
}

// SignIn starts a new session (a new id) for u.
func (s *Site) SignIn(ctx context.Context, u domain.User) error {
	if err := s.Sessions.RenewToken(ctx); err != nil {
		return err
	}
	s.Sessions.Put(ctx, sessUserID, u.ID)
	s.Sessions.Put(ctx, sessPemda, u.Pemda)
	s.Sessions.Put(ctx, sessEpoch, u.SessionEpoch)
	return nil
}

// SignedIn reports whether the request's session belongs to a user.
func (s *Site) SignedIn(r *http.Request) bool {
	return s.Sessions.GetInt64(r.Context(), sessUserID) != 0
}

// sessionUser finds the user of the browser session. Without one it sends
// the browser to the sign-in page and reports false.
func (s *Site) sessionUser(w http.ResponseWriter, r *http.Request) (domain.User, bool) {
	id := s.Sessions.GetInt64(r.Context(), sessUserID)
	pemda := s.Sessions.GetString(r.Context(), sessPemda)
	if id != 0 {
		u, err := s.users.User(r.Context(), pemda, id)
		switch {
		case err == nil && u.Active && s.Sessions.GetInt64(r.Context(), sessEpoch) == u.SessionEpoch:
			return u, true
		case err != nil && !errors.Is(err, domain.ErrNotFound):
			s.Fail(w, r, err)
			return domain.User{}, false
		}
		// The user was removed or deactivated, or their password changed
		// since this session signed in: end the session.
		_ = s.Sessions.Destroy(r.Context())
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.RenderError(w, r, http.StatusUnauthorized)
		return domain.User{}, false
	}
	next := r.URL.RequestURI()
	http.Redirect(w, r, "/login?next="+url.QueryEscape(next), http.StatusSeeOther)
	return domain.User{}, false
}

// tokenUser finds the user of the request's bearer token, or answers 401.
func (s *Site) tokenUser(w http.ResponseWriter, r *http.Request) (domain.User, bool) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="monev"`)
		WriteJSONError(w, http.StatusUnauthorized, "missing bearer token")
		return domain.User{}, false
	}
	u, err := s.users.UserByAPIToken(r.Context(), strings.TrimSpace(token))
	if errors.Is(err, domain.ErrNotFound) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="monev", error="invalid_token"`)
		WriteJSONError(w, http.StatusUnauthorized, "invalid or revoked bearer token")
		return domain.User{}, false
	}
	if err != nil {
		s.FailJSON(w, r, err)
		return domain.User{}, false
	}
	return u, true
}

// Flash stores a message for the next page the user sees; kind is "ok",
// "error" or "info".
func (s *Site) Flash(r *http.Request, kind, msg string) {
	s.Sessions.Put(r.Context(), sessFlash, kind+"|"+msg)
}

// Saved ends a successful POST: a flash message and a 303 redirect.
func (s *Site) Saved(w http.ResponseWriter, r *http.Request, msg, to string) {
	s.Flash(r, "ok", msg)
	http.Redirect(w, r, to, http.StatusSeeOther)
}
