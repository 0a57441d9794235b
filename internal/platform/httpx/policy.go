package httpx

import (
	"net/http"
	"slices"

	"github.com/cilegon/monev/internal/domain"
)

// Access is the rule of one route: who may call it and how they prove it.
type Access struct {
	Public bool          // no sign-in needed
	API    bool          // a bearer token instead of a browser session
	Roles  []domain.Role // who may call it when not public
	// Home routes are about the account itself (sign out, password): they
	// work in the user's home Pemda whatever Pemda was chosen.
	Home bool
}

// The role rules routes use. Every route has exactly one, declared next to
// the route in its feature's routes.
var (
	Public     = Access{Public: true}
	AnyRole    = Access{Roles: domain.Roles}
	Account    = Access{Roles: domain.Roles, Home: true}
	Editors    = Access{Roles: []domain.Role{domain.RoleAdmin, domain.RoleDisnaker}}
	Staff      = Access{Roles: []domain.Role{domain.RoleAdmin, domain.RoleDisnaker, domain.RoleBPJS}}
	Admins     = Access{Roles: []domain.Role{domain.RoleAdmin}}
	APIAnyRole = Access{API: true, Roles: domain.Roles}
	APIEditors = Access{API: true, Roles: []domain.Role{domain.RoleAdmin, domain.RoleDisnaker}}
	APIAdmins  = Access{API: true, Roles: []domain.Role{domain.RoleAdmin}}
	// Persons guards the records of persons (workers, claims): the roles
	// whose domain.Role.SeesPersons is true. Pimpinan reads aggregates.
	Persons    = Access{Roles: personRoles()}
	APIPersons = Access{API: true, Roles: personRoles()}
)

func personRoles() []domain.Role {
	return slices.DeleteFunc(slices.Clone(domain.Roles), func(r domain.Role) bool { return !r.SeesPersons() })
}

// Allows reports whether a role passes the rule.
func (a Access) Allows(r domain.Role) bool { return a.Public || slices.Contains(a.Roles, r) }

// Handle registers a route with its role rule.
func (s *Site) Handle(method, pattern string, a Access, h http.HandlerFunc) {
	s.policy[method+" "+pattern] = a
	s.router.Method(method, pattern, s.guard(a, h))
}

// guard enforces a role rule before the handler runs: anonymous browsers are
// sent to the sign-in page, API calls without a valid token get 401, and a
// signed-in user without the role gets 403.
func (s *Site) guard(a Access, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.Public {
			h(w, r)
			return
		}
		var u domain.User
		var ok bool
		if a.API {
			u, ok = s.tokenUser(w, r)
		} else {
			u, ok = s.sessionUser(w, r)
		}
		if !ok {
			return
		}
		if !a.Allows(u.Role) {
			s.forbidden(w, r, a.API)
			return
		}
		if u, ok = s.workIn(w, r, a, u); !ok {
			return
		}
		h(w, r.WithContext(WithUser(r.Context(), u)))
	})
}

// Can reports whether the user of r may call a route, for hiding links and
// buttons the user could not use anyway.
func (s *Site) Can(r *http.Request, method, pattern string) bool {
	a, ok := s.policy[method+" "+pattern]
	return ok && a.Allows(User(r).Role)
}

// forbidden answers a signed-in user who lacks the role for a route.
func (s *Site) forbidden(w http.ResponseWriter, r *http.Request, api bool) {
	if api {
		WriteJSONError(w, http.StatusForbidden, "your role may not use this endpoint")
		return
	}
	s.RenderError(w, r, http.StatusForbidden)
}
