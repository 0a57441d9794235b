// Package server is monev's HTTP side for the features that have not yet
// moved into a folder of their own: routes with their role rules and one
// handler per file, on the plumbing of internal/platform/httpx. Handlers
// parse input, call the store, then fail or render; pages come from web.
package app

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	laporanui "github.com/cilegon/monev/internal/laporan/ui"

	"github.com/cilegon/monev/internal/analysis"
	authui "github.com/cilegon/monev/internal/auth/ui"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/settings"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/importer"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/postgres"
)

// Config holds the server's settings; cmd/monev fills it from the environment.
type Config struct {
	Addr            string        // listen address, e.g. 127.0.0.1:8080
	PublicURL       string        // external address; https:// turns on Secure cookies and HSTS
	TrustProxy      bool          // take the client address from X-Forwarded-For
	SessionIdle     time.Duration // a session ends after this long without requests
	SessionLifetime time.Duration // and at the latest this long after sign-in
	UploadLimit     int64         // largest accepted upload in bytes
	UploadDir       string        // where uploads wait for their confirmation
	MetricsAddr     string        // a separate listener for /metrics, e.g. 127.0.0.1:9464; "" for none
	DemoLogins      []authui.DemoLogin
	Version         string
}

// App serves monev's pages and API.
type App struct {
	*httpx.Site
	cfg      Config
	db       *postgres.DB
	audit    *audit.Log
	auth     *auth.Service
	settings *settings.Service
	analysis *analysis.Service
	laporan  *laporan.Service
	importer *importer.Importer
	jobs     *jobs
	docs     *laporanui.Documents // monev reports as documents and PDFs, in a Chromium started on first use
}

// New builds the server and its routes.
func New(cfg Config, db *postgres.DB, log *slog.Logger) *App {
	if cfg.SessionIdle == 0 {
		cfg.SessionIdle = 2 * time.Hour
	}
	if cfg.SessionLifetime == 0 {
		cfg.SessionLifetime = 12 * time.Hour
	}
	if cfg.UploadLimit == 0 {
		cfg.UploadLimit = 50 << 20
	}
	if cfg.UploadDir == "" {
		cfg.UploadDir = filepath.Join(os.TempDir(), "monev-uploads")
	}
	hc := httpx.Config{PublicURL: cfg.PublicURL, TrustProxy: cfg.TrustProxy, Version: cfg.Version, Nav: navItems,
		SessionIdle: cfg.SessionIdle, SessionLifetime: cfg.SessionLifetime}
	accounts := auth.NewService(db.DB)
	set := settings.NewService(db.DB)
	site := httpx.New(hc, log, accounts.Sessions(), accounts, set.PemdaName, db.Collector())
	an := analysis.NewService(db.DB, set)
	s := &App{Site: site, cfg: cfg, db: db, audit: audit.New(db.DB), auth: accounts, settings: set,
		analysis: an, laporan: laporan.NewService(db.DB, an), importer: &importer.Importer{DB: db}, jobs: newJobs()}
	s.docs = laporanui.NewDocuments(s.laporan, set, accounts, s.audit, cfg.Version)
	s.routes()
	return s
}

// Run serves until ctx ends, then shuts down gracefully: no new requests,
// in-flight requests get up to 30 seconds to finish.
func (s *App) Run(ctx context.Context) error {
	srv := &http.Server{
		Addr:              s.cfg.Addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // uploads of large spreadsheets
		WriteTimeout:      5 * time.Minute, // exports and PDFs
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.Log.Handler(), slog.LevelWarn),
	}
	go s.cleanSessions(ctx)
	errc := make(chan error, 2)
	go func() { errc <- srv.ListenAndServe() }()
	if s.cfg.MetricsAddr != "" {
		msrv := &http.Server{Addr: s.cfg.MetricsAddr, Handler: s.Metrics.Handler(), ReadHeaderTimeout: 5 * time.Second}
		go func() { errc <- msrv.ListenAndServe() }()
		defer msrv.Close()
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.Log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	s.jobs.stop(sctx)
	s.docs.Close()
	if err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Close stops what the app starts besides serving: the browser of the PDF
// printer. Run closes it on shutdown.
func (s *App) Close() { s.docs.Close() }

func (s *App) cleanSessions(ctx context.Context) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.auth.Sessions().DeleteExpired(ctx); err != nil {
				s.Log.Warn("delete expired sessions", "err", err)
			}
			s.cleanUploads()
		}
	}
}
