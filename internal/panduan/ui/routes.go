// Package ui holds the Panduan: a short guide in Bahasa Indonesia for each
// role (admin, disnaker, bpjs, pimpinan) to the monthly cycle (tagihan
// masuk, bayar, rekonsiliasi, rapat), the monev meeting's report and the
// follow-up items. It is text and links only: it imports no feature and
// never pgx.
package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// Handlers serve the Panduan.
type Handlers struct{ *httpx.Site }

// New returns the handlers of the Panduan.
func New(site *httpx.Site) *Handlers { return &Handlers{Site: site} }

// Routes declares the Panduan's routes: every signed-in user reads every
// role's guide, starting from their own.
func (s *Handlers) Routes() {
	s.Handle(http.MethodGet, "/panduan", httpx.AnyRole, s.own)
	s.Handle(http.MethodGet, "/panduan/{role}", httpx.AnyRole, s.guide)
}

// own sends the user to the guide of their role.
func (s *Handlers) own(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/panduan/"+string(httpx.User(r).Role), http.StatusSeeOther)
}

// guide is one role's guide, with links to the others.
func (s *Handlers) guide(w http.ResponseWriter, r *http.Request) {
	role, err := domain.ParseRole(r.PathValue("role"))
	if err != nil || string(role) != r.PathValue("role") {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	s.Render(w, r, http.StatusOK, "Panduan "+role.Label(), "panduan", GuidePage(GuideProps{
		Guide: guideOf(role), Roles: domain.Roles, Own: httpx.User(r).Role}))
}
