package app

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"

	adminui "github.com/cilegon/monev/internal/admin/ui"
	analysisui "github.com/cilegon/monev/internal/analysis/ui"
	authui "github.com/cilegon/monev/internal/auth/ui"
	claimsui "github.com/cilegon/monev/internal/claims/ui"
	contributionsui "github.com/cilegon/monev/internal/contributions/ui"
	laporanui "github.com/cilegon/monev/internal/laporan/ui"
	notifyui "github.com/cilegon/monev/internal/notify/ui"
	panduanui "github.com/cilegon/monev/internal/panduan/ui"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/wilayah"
	qualityui "github.com/cilegon/monev/internal/quality/ui"
	registryui "github.com/cilegon/monev/internal/registry/ui"
	settingsui "github.com/cilegon/monev/internal/settings/ui"
	"github.com/cilegon/monev/web"
)

// installation names who runs this monev, for the sign-in page: the one
// Pemda's name, or how many Pemda use it.
func (s *App) installation(ctx context.Context) string {
	list, err := s.settings.Pemdas(ctx)
	switch {
	case err != nil || len(list) == 0:
		return "Pemerintah Daerah"
	case len(list) == 1:
		return list[0].Name
	}
	return fmt.Sprintf("%d Pemerintah Daerah", len(list))
}

// routes declares every route with its role rule. The policy test walks the
// router, so a route added here without a rule cannot go unnoticed.
func (s *App) routes() {
	static, _ := fs.Sub(web.Static, "static")
	s.Handle(http.MethodGet, "/static/*", httpx.Public, http.StripPrefix("/static/", http.FileServerFS(static)).ServeHTTP)
	s.Handle(http.MethodGet, "/healthz", httpx.Public, s.healthz)
	s.Handle(http.MethodGet, "/tentang", httpx.Public, func(w http.ResponseWriter, r *http.Request) {
		s.RenderBare(w, r, http.StatusOK, "Tentang", web.About(wilayah.Credit))
	})
	s.Handle(http.MethodGet, "/readyz", httpx.Public, s.readyz)
	s.Handle(http.MethodGet, "/metrics", httpx.APIAdmins, s.Metrics.Handler().ServeHTTP)
	login := authui.New(s.Site, s.auth, s.cfg.DemoLogins)
	login.Installation = s.installation
	login.Routes()

	// Each feature declares its routes, with their role rules, in its ui/routes.go.
	registryui.New(s.Site, s.registry, s.claims, s.settings, s.audit).Routes()
	contributionsui.New(s.Site, s.contributions, s.settings, s.audit, s.printer).Routes()
	claimsui.New(s.Site, s.claims, s.settings, s.audit).Routes()
	s.uploads.Routes()
	qualityui.New(s.Site, s.quality, s.audit).Routes()
	dashboard := analysisui.New(s.Site, s.analysis, s.settings, s.audit)
	dashboard.Notices = laporanui.OverdueNotices(s.laporan)
	dashboard.Routes()
	laporanui.New(s.Site, s.laporan, s.analysis, s.settings, s.audit, s.docs).Routes()
	adminui.New(s.Site, s.auth, s.audit).Routes()
	settingsui.New(s.Site, s.settings, s.auth).Routes()
	panduanui.New(s.Site).Routes()
	notifyui.New(s.Site, s.notify).Routes()
}
