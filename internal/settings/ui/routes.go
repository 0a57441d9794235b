// Package ui holds the settings pages of a Pemda, for administrators:
// contribution rates and benefit rules (effective-dated), worker categories,
// the letterhead and its logo, the default report texts, the due-date rule,
// and links to the UCJ figures and the signatories where they are edited.
// It reaches the data through settings.Service and auth.Service, never pgx.
package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/settings"
)

// Handlers serve the settings pages.
type Handlers struct {
	*httpx.Site
	settings *settings.Service
	auth     *auth.Service
}

// New returns the handlers of the settings pages.
func New(site *httpx.Site, set *settings.Service, accounts *auth.Service) *Handlers {
	return &Handlers{Site: site, settings: set, auth: accounts}
}

// Routes declares the settings routes: the pages admins only, the read
// API for every role.
func (s *Handlers) Routes() {
	s.Handle(http.MethodGet, "/settings", httpx.Admins, s.index)
	s.Handle(http.MethodGet, "/settings/rates", httpx.Admins, s.rates)
	s.Handle(http.MethodPost, "/settings/rates", httpx.Admins, s.rateSave)
	s.Handle(http.MethodPost, "/settings/rates/{from}/delete", httpx.Admins, s.rateDelete)
	s.Handle(http.MethodGet, "/settings/benefits", httpx.Admins, s.benefits)
	s.Handle(http.MethodPost, "/settings/benefits", httpx.Admins, s.benefitSave)
	s.Handle(http.MethodPost, "/settings/benefits/{type}/{from}/delete", httpx.Admins, s.benefitDelete)
	s.Handle(http.MethodGet, "/settings/categories", httpx.Admins, s.categories)
	s.Handle(http.MethodPost, "/settings/categories", httpx.Admins, s.categorySave)
	s.Handle(http.MethodGet, "/settings/letterhead", httpx.Admins, s.letterhead)
	s.Handle(http.MethodPost, "/settings/letterhead", httpx.Admins, s.letterheadSave)
	s.Handle(http.MethodPost, "/settings/logo", httpx.Admins, s.logoSave)
	s.Handle(http.MethodPost, "/settings/logo/delete", httpx.Admins, s.logoDelete)
	s.Handle(http.MethodGet, "/settings/texts", httpx.Admins, s.texts)
	s.Handle(http.MethodPost, "/settings/texts", httpx.Admins, s.textsSave)
	s.Handle(http.MethodGet, "/settings/due-date", httpx.Admins, s.dueDate)
	s.Handle(http.MethodPost, "/settings/due-date", httpx.Admins, s.dueDateSave)
	api := settings.NewAPI(s.Site, s.settings)
	s.Handle(http.MethodGet, "/api/v1/settings/rates", httpx.APIAnyRole, api.Rates)
	s.Handle(http.MethodGet, "/api/v1/settings/benefits", httpx.APIAnyRole, api.Benefits)
}
