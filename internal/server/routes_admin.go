package server

import "net/http"

// adminRoutes declares the routes of administration (users, API tokens,
// the audit log; admins only) and of each user's own account.
func (s *Server) adminRoutes() {
	s.handle(http.MethodGet, "/admin/users", admins, s.userList)
	s.handle(http.MethodPost, "/admin/users", admins, s.userCreate)
	s.handle(http.MethodGet, "/admin/users/{id}", admins, s.userEdit)
	s.handle(http.MethodPost, "/admin/users/{id}", admins, s.userUpdate)
	s.handle(http.MethodPost, "/admin/users/{id}/password", admins, s.userResetPassword)
	s.handle(http.MethodGet, "/admin/tokens", admins, s.tokenList)
	s.handle(http.MethodPost, "/admin/tokens", admins, s.tokenCreate)
	s.handle(http.MethodPost, "/admin/tokens/{id}/revoke", admins, s.tokenRevoke)
	s.handle(http.MethodGet, "/admin/audit", admins, s.auditList)
	s.handle(http.MethodGet, "/admin/audit/export.{format}", admins, s.auditExport)
	s.handle(http.MethodGet, "/account/password", anyRole, s.passwordForm)
	s.handle(http.MethodPost, "/account/password", anyRole, s.passwordChange)
}
