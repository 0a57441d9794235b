package server

import (
	"io/fs"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/cilegon/monev/web"
)

// routes declares every route with its role rule. The policy test walks the
// router, so a route added here without a rule cannot go unnoticed.
func (s *Server) routes() {
	r := chi.NewRouter()
	s.router = r
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusForbidden)
	}))
	r.Use(withRequestID, s.logRequests, s.securityHeaders, csrf.Handler, s.sessions.LoadAndSave)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { s.renderError(w, r, http.StatusNotFound) })
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusMethodNotAllowed)
	})

	static, _ := fs.Sub(web.Static, "static")
	s.handle(http.MethodGet, "/static/*", public, http.StripPrefix("/static/", http.FileServerFS(static)).ServeHTTP)
	s.handle(http.MethodGet, "/healthz", public, s.healthz)
	s.handle(http.MethodGet, "/readyz", public, s.readyz)
	s.handle(http.MethodGet, "/metrics", apiAdmins, s.metrics.handler().ServeHTTP)
	s.handle(http.MethodGet, "/login", public, s.loginForm)
	s.handle(http.MethodPost, "/login", public, s.login)
	s.handle(http.MethodPost, "/logout", anyRole, s.logout)

	s.handle(http.MethodGet, "/", anyRole, s.dashboard)
	s.handle(http.MethodGet, "/api/v1/balance", apiAnyRole, s.apiBalance)

	// Each area declares its routes in its own routes_*.go file.
	s.registryRoutes()
	s.importRoutes()
	s.qualityRoutes()
	s.analysisRoutes()
	s.reportRoutes()
	s.adminRoutes()
}
