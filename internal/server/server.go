// Package server is monev's HTTP side: every route in routes.go with its role
// rule, middleware, sign-in, and one handler per file. It is the only package
// that imports chi. Handlers parse input, call the store, then fail or
// render; pages come from web.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/go-chi/chi/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/importer"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/pdf"
	"github.com/cilegon/monev/internal/postgres"
	"github.com/cilegon/monev/web/pages"
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
	DemoLogins      []pages.DemoLogin
	Version         string
}

func (c Config) secure() bool { return strings.HasPrefix(c.PublicURL, "https://") }

// Server serves monev's pages and API.
type Server struct {
	cfg      Config
	db       *postgres.DB
	audit    *audit.Log
	log      *slog.Logger
	sessions *scs.SessionManager
	router   chi.Router
	policy   map[string]access // "METHOD /pattern" → who may call it
	now      func() time.Time
	importer *importer.Importer
	jobs     *jobs
	metrics  *metrics
	printer  *pdf.Printer // monev reports to PDF, in a Chromium started on first use

	pemdaNames sync.Map // code → display name
}

// New builds the server and its routes.
func New(cfg Config, db *postgres.DB, log *slog.Logger) *Server {
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
	sm := scs.New()
	sm.Store = db.Sessions()
	sm.IdleTimeout = cfg.SessionIdle
	sm.Lifetime = cfg.SessionLifetime
	sm.Cookie.Name = "monev_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = cfg.secure()
	sm.Cookie.Persist = false
	s := &Server{cfg: cfg, db: db, audit: audit.New(db.DB), log: log, sessions: sm, policy: map[string]access{}, now: time.Now,
		importer: &importer.Importer{DB: db}, jobs: newJobs()}
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) { s.fail(w, r, err) }
	s.metrics = newMetrics(s)
	s.routes()
	return s
}

// Handler is the server's whole HTTP handler, middleware included.
func (s *Server) Handler() http.Handler { return s.router }

// Run serves until ctx ends, then shuts down gracefully: no new requests,
// in-flight requests get up to 30 seconds to finish.
func (s *Server) Run(ctx context.Context) error {
	srv := &http.Server{
		Addr:              s.cfg.Addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // uploads of large spreadsheets
		WriteTimeout:      5 * time.Minute, // exports and PDFs
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	go s.cleanSessions(ctx)
	errc := make(chan error, 2)
	go func() { errc <- srv.ListenAndServe() }()
	if s.cfg.MetricsAddr != "" {
		msrv := &http.Server{Addr: s.cfg.MetricsAddr, Handler: s.metrics.handler(), ReadHeaderTimeout: 5 * time.Second}
		go func() { errc <- msrv.ListenAndServe() }()
		defer msrv.Close()
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	s.jobs.stop(sctx)
	s.printer.Close()
	if err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func (s *Server) cleanSessions(ctx context.Context) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.db.Sessions().DeleteExpired(ctx); err != nil {
				s.log.Warn("delete expired sessions", "err", err)
			}
			s.cleanUploads()
		}
	}
}

// currentUser is the signed-in user of a request that passed its role rule.
func currentUser(r *http.Request) domain.User {
	u, _ := r.Context().Value(userKey{}).(domain.User)
	return u
}

type userKey struct{}

// actor is who makes a change in this request, for the audit log.
func (s *Server) actor(r *http.Request) domain.Actor {
	return domain.ActorFor(currentUser(r), s.clientIP(r), requestID(r.Context()))
}
