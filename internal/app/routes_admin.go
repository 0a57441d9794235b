package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
)

// adminRoutes declares the routes of administration (users, API tokens,
// the audit log; admins only) and of each user's own account.
func (s *App) adminRoutes() {
	s.Handle(http.MethodGet, "/admin/users", httpx.Admins, s.userList)
	s.Handle(http.MethodPost, "/admin/users", httpx.Admins, s.userCreate)
	s.Handle(http.MethodGet, "/admin/users/{id}", httpx.Admins, s.userEdit)
	s.Handle(http.MethodPost, "/admin/users/{id}", httpx.Admins, s.userUpdate)
	s.Handle(http.MethodPost, "/admin/users/{id}/password", httpx.Admins, s.userResetPassword)
	s.Handle(http.MethodGet, "/admin/tokens", httpx.Admins, s.tokenList)
	s.Handle(http.MethodPost, "/admin/tokens", httpx.Admins, s.tokenCreate)
	s.Handle(http.MethodPost, "/admin/tokens/{id}/revoke", httpx.Admins, s.tokenRevoke)
	s.Handle(http.MethodGet, "/admin/audit", httpx.Admins, s.auditList)
	s.Handle(http.MethodGet, "/admin/audit/export.{format}", httpx.Admins, s.auditExport)
	s.Handle(http.MethodGet, "/account/password", httpx.AnyRole, s.passwordForm)
	s.Handle(http.MethodPost, "/account/password", httpx.AnyRole, s.passwordChange)
}
