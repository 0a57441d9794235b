package httpx

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/cilegon/monev/internal/platform/database"
)

type requestIDKey struct{}

// RequestID is the id the request got on arrival, for logs and error pages.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// withRequestID gives every request an id, returned in X-Request-Id.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		id := hex.EncodeToString(b)
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
	})
}

// statusWriter remembers the status code a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests writes one structured log line per request and recovers
// panics into a 500 page, logging them with the request id.
func (s *Site) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		r = r.WithContext(context.WithValue(r.Context(), userNameKey{}, new(string)))
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Log.Error("panic", "request_id", RequestID(r.Context()), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				if sw.status == 0 {
					s.RenderError(sw, r, http.StatusInternalServerError)
				}
			}
			s.Metrics.observe(r, sw.status, time.Since(start))
			route := chi.RouteContext(r.Context()).RoutePattern()
			level := slog.LevelInfo
			if sw.status >= 500 {
				level = slog.LevelError
			}
			s.Log.Log(r.Context(), level, "request",
				"request_id", RequestID(r.Context()), "method", r.Method, "path", r.URL.Path, "route", route,
				"status", sw.status, "bytes", sw.bytes, "duration_ms", time.Since(start).Milliseconds(),
				"user", currentUserName(r), "ip", s.ClientIP(r))
		}()
		next.ServeHTTP(sw, r)
	})
}

func currentUserName(r *http.Request) string {
	if v, ok := r.Context().Value(userNameKey{}).(*string); ok {
		return *v
	}
	return ""
}

type userNameKey struct{}

// securityHeaders sets the headers every response carries: a Content
// Security Policy without inline script, no sniffing, no framing, and HSTS
// when monev is served over HTTPS. Pages hold personal data, so they are not
// cached.
func (s *Site) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if s.Config.Secure() {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// ClientIP is the address of the client: the first X-Forwarded-For entry
// behind a trusted reverse proxy, the connection's address otherwise.
func (s *Site) ClientIP(r *http.Request) string {
	if s.Config.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			first, _, _ := strings.Cut(xff, ",")
			return strings.TrimSpace(first)
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// PrimaryCookie marks a browser that changed something in the last
// Config.ReplicaMaxLag: its reads go to the primary, so that it sees its
// own change even on a replica that lags.
const PrimaryCookie = "monev_primary"

// readRouting marks GET and HEAD requests read-only (database.ReadOnly), so
// that the figure pages, lists, exports and the read API may read from the
// replica; every other method, and every request of a browser that sent one
// within the replica's allowed lag, reads from the primary.
func (s *Site) readRouting(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet || r.Method == http.MethodHead:
			if _, err := r.Cookie(PrimaryCookie); err != nil {
				r = r.WithContext(database.ReadOnly(r.Context()))
			}
		case s.Config.ReplicaMaxLag > 0:
			http.SetCookie(w, &http.Cookie{Name: PrimaryCookie, Value: "1", Path: "/", HttpOnly: true,
				Secure: s.Config.Secure(), SameSite: http.SameSiteLaxMode,
				MaxAge: int((s.Config.ReplicaMaxLag + database.DefaultReplicaCheck + time.Second - 1) / time.Second)})
		}
		next.ServeHTTP(w, r)
	})
}
