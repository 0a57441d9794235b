package server

import (
	"net/http"
	"slices"

	"github.com/cilegon/monev/internal/domain"
)

// access is the rule of one route: who may call it and how they prove it.
type access struct {
	public bool          // no sign-in needed
	api    bool          // a bearer token instead of a browser session
	roles  []domain.Role // who may call it when not public
}

// The role rules routes use. Every route has exactly one, declared next to
// the route in routes.go.
var (
	public     = access{public: true}
	anyRole    = access{roles: domain.Roles}
	editors    = access{roles: []domain.Role{domain.RoleAdmin, domain.RoleDisnaker}}
	staff      = access{roles: []domain.Role{domain.RoleAdmin, domain.RoleDisnaker, domain.RoleBPJS}}
	admins     = access{roles: []domain.Role{domain.RoleAdmin}}
	apiAnyRole = access{api: true, roles: domain.Roles}
	apiEditors = access{api: true, roles: []domain.Role{domain.RoleAdmin, domain.RoleDisnaker}}
	apiAdmins  = access{api: true, roles: []domain.Role{domain.RoleAdmin}}
)

// allows reports whether a role passes the rule.
func (a access) allows(r domain.Role) bool { return a.public || slices.Contains(a.roles, r) }

// handle registers a route with its role rule.
func (s *Server) handle(method, pattern string, a access, h http.HandlerFunc) {
	s.policy[method+" "+pattern] = a
	s.router.Method(method, pattern, s.guard(a, h))
}

// guard enforces a role rule before the handler runs: anonymous browsers are
// sent to the sign-in page, API calls without a valid token get 401, and a
// signed-in user without the role gets 403.
func (s *Server) guard(a access, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.public {
			h(w, r)
			return
		}
		var u domain.User
		var ok bool
		if a.api {
			u, ok = s.tokenUser(w, r)
		} else {
			u, ok = s.sessionUser(w, r)
		}
		if !ok {
			return
		}
		if !a.allows(u.Role) {
			s.forbidden(w, r, a.api)
			return
		}
		h(w, r.WithContext(withUser(r.Context(), u)))
	})
}

// can reports whether the user of r may call a route, for hiding links and
// buttons the user could not use anyway.
func (s *Server) can(r *http.Request, method, pattern string) bool {
	a, ok := s.policy[method+" "+pattern]
	return ok && a.allows(currentUser(r).Role)
}
