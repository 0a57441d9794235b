// Package ui holds the administration pages: users, API tokens and the
// audit log, for admins only. It reaches accounts through auth.Service and
// the log through platform/audit, and never imports pgx.
package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// Handlers serve the administration pages.
type Handlers struct {
	*httpx.Site
	auth  *auth.Service
	audit *audit.Log
}

// New returns the handlers of the administration pages.
func New(site *httpx.Site, accounts *auth.Service, log *audit.Log) *Handlers {
	return &Handlers{Site: site, auth: accounts, audit: log}
}

// Routes declares the routes of administration: users, API tokens and the
// audit log, admins only.
func (s *Handlers) Routes() {
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
}
