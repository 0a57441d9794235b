// Package ui holds the pages of signing in and out and of changing one's
// own password: handlers, templ components. It reaches accounts through
// auth.Service and never imports pgx.
package ui

import (
	"context"
	"net/http"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// Handlers serve the sign-in and account pages.
type Handlers struct {
	*httpx.Site
	svc *auth.Service
	// Demo lists the demo accounts on the sign-in page of a development
	// server; empty elsewhere.
	Demo []DemoLogin
	// Installation names who runs this monev on the sign-in page, before
	// anyone's Pemda is known: the Pemda's name, or a count of them.
	Installation func(ctx context.Context) string
}

// New returns the handlers of the sign-in and account pages.
func New(site *httpx.Site, svc *auth.Service, demo []DemoLogin) *Handlers {
	return &Handlers{Site: site, svc: svc, Demo: demo, Installation: func(context.Context) string { return "" }}
}

// Routes declares the routes of signing in and out, and of each user's own
// account.
func (s *Handlers) Routes() {
	s.Handle(http.MethodGet, "/login", httpx.Public, s.loginForm)
	s.Handle(http.MethodPost, "/login", httpx.Public, s.login)
	s.Handle(http.MethodPost, "/logout", httpx.Account, s.logout)
	s.Handle(http.MethodGet, "/account/password", httpx.Account, s.passwordForm)
	s.Handle(http.MethodPost, "/account/password", httpx.Account, s.passwordChange)
}
