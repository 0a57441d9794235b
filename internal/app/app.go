// Package app assembles monev: it builds every feature's service on one
// database, mounts every feature's routes on one router (platform/httpx),
// and serves until it is told to stop. It is the only package that imports
// every feature; cmd/monev and the tests (apptest) build on it.
package app

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/imports"
	importsui "github.com/cilegon/monev/internal/imports/ui"
	"github.com/cilegon/monev/internal/quality"
	"github.com/cilegon/monev/internal/registry"

	laporanui "github.com/cilegon/monev/internal/laporan/ui"

	"github.com/cilegon/monev/internal/analysis"
	authui "github.com/cilegon/monev/internal/auth/ui"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/notify"
	"github.com/cilegon/monev/internal/settings"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/pdf"
	"github.com/cilegon/monev/internal/platform/sheet"
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
	ReplicaMaxLag   time.Duration // with a read replica: its allowed lag, how long a browser reads the primary after a change
	DemoLogins      []authui.DemoLogin
	Version         string
	// SMTP is the mail server of the environment (MONEV_SMTP_*), for a Pemda
	// whose administrator stored none.
	SMTP notify.SMTP
	// MailInterval is how often the mail worker looks at the queue (and the
	// overdue bills job runs every 60 of them); 0 means 30 seconds.
	MailInterval time.Duration
}

// ImportKinds are the kinds of file monev imports, in menu order; each is
// declared by the feature whose data it holds.
func ImportKinds() []sheet.Kind {
	return []sheet.Kind{registry.WorkerImport, contributions.ContributionImport, contributions.BillImport, claims.ClaimImport,
		registry.WaitingImport}
}

// App serves monev's pages and API.
type App struct {
	*httpx.Site
	cfg           Config
	db            *database.DB
	audit         *audit.Log
	auth          *auth.Service
	settings      *settings.Service
	registry      *registry.Service
	contributions *contributions.Service
	claims        *claims.Service
	imports       *imports.Service
	quality       *quality.Service
	analysis      *analysis.Service
	laporan       *laporan.Service
	notify        *notify.Service
	mailer        *notify.Mailer
	uploads       *importsui.Handlers
	docs          *laporanui.Documents // monev reports as documents and PDFs
	printer       *pdf.Printer         // prints documents to PDF in a Chromium started on first use
}

// New builds the server and its routes.
func New(cfg Config, db *database.DB, log *slog.Logger) *App {
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
		SessionIdle: cfg.SessionIdle, SessionLifetime: cfg.SessionLifetime, ReplicaMaxLag: cfg.ReplicaMaxLag}
	accounts := auth.NewService(db)
	set := settings.NewService(db)
	site := httpx.New(hc, log, accounts.Sessions(), accounts, set.PemdaName, db.Collector())
	contrib := contributions.NewService(db, set)
	an := analysis.NewService(db, set, contrib)
	an.Now = func() time.Time { return site.Now() } // tests set the site's clock
	s := &App{Site: site, cfg: cfg, db: db, audit: audit.New(db), auth: accounts, settings: set,
		registry: registry.NewService(db), contributions: contrib, claims: claims.NewService(db),
		imports: imports.NewService(db, set, ImportKinds()...),
		quality: quality.NewService(db, set), analysis: an, laporan: laporan.NewService(db, an)}
	s.notify = notify.NewService(db)
	s.mailer = notify.NewMailer(db, log)
	s.mailer.Env, s.mailer.BaseURL = cfg.SMTP, cfg.PublicURL
	s.notify.Wake = s.mailer.Wake
	site.Unread = s.notify.Unread
	s.printer = pdf.NewPrinter()
	s.docs = laporanui.NewDocuments(s.laporan, set, accounts, s.audit, s.printer, cfg.Version)
	s.uploads = importsui.New(site, s.imports, importsui.Config{UploadLimit: cfg.UploadLimit, UploadDir: cfg.UploadDir})
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
	go s.watchImports(ctx)
	go s.sendMail(ctx)
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
	s.uploads.Stop(sctx)
	s.printer.Close()
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
func (s *App) Close() { s.printer.Close() }

// watchImports marks as failed, now and every half minute, the import
// batches whose lease ran out because the process that held them died.
func (s *App) watchImports(ctx context.Context) {
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for {
		if n, err := s.imports.MarkStale(ctx); err != nil && ctx.Err() == nil {
			s.Log.Warn("mark stale imports", "err", err)
		} else if n > 0 {
			s.Log.Warn("imports whose process died marked failed", "batches", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// sendMail runs the mail worker, and once an hour looks for coverage
// months newly overdue to tell Disnaker about and for follow-up items
// coming due or overdue to remind their owners of.
func (s *App) sendMail(ctx context.Context) {
	every := s.cfg.MailInterval
	if every == 0 {
		every = 30 * time.Second
	}
	go s.mailer.Run(ctx, every)
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		pemdas, err := s.settings.PemdaCodes(ctx)
		if err != nil && ctx.Err() == nil {
			s.Log.Warn("list pemda for the reminders", "err", err)
		}
		if n, err := s.contributions.NotifyOverdue(ctx, pemdas, s.Now()); err != nil && ctx.Err() == nil {
			s.Log.Warn("notify overdue bills", "err", err)
		} else if n > 0 {
			s.Log.Info("overdue bills notified", "notifications", n)
		}
		if n, err := s.laporan.NotifyFollowUpsDue(ctx, pemdas, s.Now()); err != nil && ctx.Err() == nil {
			s.Log.Warn("notify follow-ups due", "err", err)
		} else if n > 0 {
			s.Log.Info("follow-ups due notified", "notifications", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

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
			s.uploads.CleanUploads()
		}
	}
}
