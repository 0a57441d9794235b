// Package ui holds the notification pages: the inbox, the preferences and
// the administrator's SMTP settings. It reaches the data through
// notify.Service and never imports pgx.
package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/notify"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// Handlers serve the notification pages.
type Handlers struct {
	*httpx.Site
	svc *notify.Service
}

// New returns the handlers of the notification pages.
func New(site *httpx.Site, svc *notify.Service) *Handlers { return &Handlers{Site: site, svc: svc} }

// Routes declares the notification routes. Everyone has an inbox and
// preferences of their own; only an administrator sets up the mail server.
func (s *Handlers) Routes() {
	s.Handle(http.MethodGet, "/notifications", httpx.AnyRole, s.inbox)
	s.Handle(http.MethodPost, "/notifications/{id}/read", httpx.AnyRole, s.read)
	s.Handle(http.MethodPost, "/notifications/read-all", httpx.AnyRole, s.readAll)
	s.Handle(http.MethodGet, "/notifications/preferences", httpx.AnyRole, s.prefsForm)
	s.Handle(http.MethodPost, "/notifications/preferences", httpx.AnyRole, s.prefsSave)
	s.Handle(http.MethodGet, "/admin/smtp", httpx.Admins, s.smtpForm)
	s.Handle(http.MethodPost, "/admin/smtp", httpx.Admins, s.smtpSave)
	s.Handle(http.MethodPost, "/admin/smtp/test", httpx.Admins, s.smtpTest)
}
