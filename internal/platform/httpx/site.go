// Package httpx is monev's HTTP plumbing, shared by every feature's
// handlers: the router with a role rule per route (Handle, Can), the guard
// that finds the signed-in user, rendering inside the page frame, the one
// error mapper, flash messages, middleware (request ids, logs, security
// headers) and metrics. It is the only package that imports chi and scs.
//
// Handlers stay flat: parse → call the feature's service → fail or render.
// httpx imports domain, the other platform packages and web; never a
// feature, and never pgx.
package httpx

import (
	"context"
	"log/slog"
	"maps"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/web"
)

// Config is what the plumbing needs to know about the deployment.
type Config struct {
	PublicURL  string        // external address; https:// turns on Secure cookies and HSTS
	TrustProxy bool          // take the client address from X-Forwarded-For
	Version    string        // asset version, for cache busting
	Nav        []web.NavItem // the main navigation; an item shows only to roles that may open it

	SessionIdle     time.Duration // a session ends after this long without requests
	SessionLifetime time.Duration // and at the latest this long after sign-in

	// ReplicaMaxLag is, with a read replica, how far it may lag; a browser
	// that changed something reads from the primary for this long after
	// (readRouting). 0: no replica.
	ReplicaMaxLag time.Duration
}

// Secure reports whether monev is served over HTTPS.
func (c Config) Secure() bool { return strings.HasPrefix(c.PublicURL, "https://") }

// Users finds the user behind a browser session or an API token.
type Users interface {
	// User returns the user of a session: its Pemda and user id.
	User(ctx context.Context, pemda string, id int64) (domain.User, error)
	// UserByAPIToken returns the owner of a bearer token, domain.ErrNotFound
	// when the token is unknown or revoked.
	UserByAPIToken(ctx context.Context, token string) (domain.User, error)
}

// Site is the shared state of every handler: the router and its policy,
// sessions, the logger and metrics. Feature handlers embed it.
type Site struct {
	Config   Config
	Log      *slog.Logger
	Sessions *scs.SessionManager
	Metrics  *Metrics
	// Now is the clock; tests set it.
	Now func() time.Time
	// Unread, when set, counts the user's unread notifications for the
	// frame's header (internal/notify through the app).
	Unread func(ctx context.Context, u domain.User) (int, error)

	router     chi.Router
	policy     map[string]Access // "METHOD /pattern" → who may call it
	users      Users
	pemdaName  func(ctx context.Context, code string) (string, error)
	pemdaNames sync.Map // code → display name
}

// New builds the plumbing: sessions kept in store, router with middleware,
// not-found and method-not-allowed pages. pemdaName names a Pemda for the
// page frame; collectors are added to the metrics.
func New(cfg Config, log *slog.Logger, store scs.Store, users Users,
	pemdaName func(ctx context.Context, code string) (string, error), collectors ...prometheus.Collector) *Site {
	sessions := scs.New()
	sessions.Store = store
	sessions.IdleTimeout = cfg.SessionIdle
	sessions.Lifetime = cfg.SessionLifetime
	sessions.Cookie.Name = "monev_session"
	sessions.Cookie.HttpOnly = true
	sessions.Cookie.SameSite = http.SameSiteLaxMode
	sessions.Cookie.Secure = cfg.Secure()
	sessions.Cookie.Persist = false
	s := &Site{Config: cfg, Log: log, Sessions: sessions, Now: time.Now, policy: map[string]Access{}, users: users,
		pemdaName: pemdaName}
	s.Metrics = newMetrics(collectors...)
	sessions.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) { s.Fail(w, r, err) }
	r := chi.NewRouter()
	s.router = r
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.RenderError(w, r, http.StatusForbidden)
	}))
	r.Use(withRequestID, s.logRequests, s.securityHeaders, csrf.Handler, sessions.LoadAndSave, s.readRouting)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { s.RenderError(w, r, http.StatusNotFound) })
	s.Handle(http.MethodGet, "/pemda", AnyRole, s.switchPemda)
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		s.RenderError(w, r, http.StatusMethodNotAllowed)
	})
	return s
}

// Handler is the whole HTTP handler, middleware included.
func (s *Site) Handler() http.Handler { return s.router }

// Routes is every registered route with its rule, for the policy test.
func (s *Site) Routes() chi.Routes { return s.router }

// Policy is every route's rule by "METHOD /pattern", a copy for tests that
// walk the routes.
func (s *Site) Policy() map[string]Access { return maps.Clone(s.policy) }

// PemdaName is the display name of a Pemda, e.g. "Kota Cilegon".
func (s *Site) PemdaName(ctx context.Context, code string) string {
	if v, ok := s.pemdaNames.Load(code); ok {
		return v.(string)
	}
	name, err := s.pemdaName(ctx, code)
	if err != nil {
		return "Pemda " + code
	}
	s.pemdaNames.Store(code, name)
	return name
}
