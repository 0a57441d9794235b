package app

import (
	"io/fs"
	"net/http"

	adminui "github.com/cilegon/monev/internal/admin/ui"
	analysisui "github.com/cilegon/monev/internal/analysis/ui"
	authui "github.com/cilegon/monev/internal/auth/ui"
	claimsui "github.com/cilegon/monev/internal/claims/ui"
	contributionsui "github.com/cilegon/monev/internal/contributions/ui"
	laporanui "github.com/cilegon/monev/internal/laporan/ui"
	notifyui "github.com/cilegon/monev/internal/notify/ui"
	"github.com/cilegon/monev/internal/platform/httpx"
	qualityui "github.com/cilegon/monev/internal/quality/ui"
	registryui "github.com/cilegon/monev/internal/registry/ui"
	"github.com/cilegon/monev/web"
)

// routes declares every route with its role rule. The policy test walks the
// router, so a route added here without a rule cannot go unnoticed.
func (s *App) routes() {
	static, _ := fs.Sub(web.Static, "static")
	s.Handle(http.MethodGet, "/static/*", httpx.Public, http.StripPrefix("/static/", http.FileServerFS(static)).ServeHTTP)
	s.Handle(http.MethodGet, "/healthz", httpx.Public, s.healthz)
	s.Handle(http.MethodGet, "/readyz", httpx.Public, s.readyz)
	s.Handle(http.MethodGet, "/metrics", httpx.APIAdmins, s.Metrics.Handler().ServeHTTP)
	authui.New(s.Site, s.auth, s.cfg.DemoLogins).Routes()

	// Each feature declares its routes, with their role rules, in its ui/routes.go.
	registryui.New(s.Site, s.registry, s.claims, s.settings, s.audit).Routes()
	contributionsui.New(s.Site, s.contributions, s.settings, s.audit, s.printer).Routes()
	claimsui.New(s.Site, s.claims, s.settings, s.audit).Routes()
	s.uploads.Routes()
	qualityui.New(s.Site, s.quality).Routes()
	analysisui.New(s.Site, s.analysis, s.settings, s.audit).Routes()
	laporanui.New(s.Site, s.laporan, s.analysis, s.settings, s.audit, s.docs).Routes()
	adminui.New(s.Site, s.auth, s.audit).Routes()
	notifyui.New(s.Site, s.notify).Routes()
}
