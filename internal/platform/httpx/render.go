package httpx

import (
	"bytes"
	"context"
	"net/http"
	"strings"

	"github.com/a-h/templ"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/web"
)

// Render writes a signed-in page inside the frame, with navigation for the
// user's role and any flash message; active is the key of the navigation
// item the page belongs to.
func (s *Site) Render(w http.ResponseWriter, r *http.Request, status int, title, active string, page templ.Component) {
	u := User(r)
	f := web.Frame{
		Title:     title,
		PemdaName: s.PemdaName(r.Context(), u.Pemda),
		User:      &web.FrameUser{Name: u.DisplayName(), RoleLabel: u.Role.Label()},
		Active:    active,
		Version:   s.Config.Version,
	}
	if len(u.Scope) > 1 {
		sw := &web.PemdaSwitch{Current: u.Pemda, Next: switchTarget(r.URL.Path)}
		for _, code := range u.Scope {
			sw.Options = append(sw.Options, web.PemdaOption{Code: code, Name: s.PemdaName(r.Context(), code)})
		}
		f.Switch = sw
	}
	if s.Unread != nil {
		n, err := s.Unread(r.Context(), u)
		if err != nil {
			s.Log.Warn("count unread notifications", "err", err, "request_id", RequestID(r.Context()))
		}
		f.Inbox, f.Unread = true, n
	}
	for _, item := range s.Config.Nav {
		path, _, _ := strings.Cut(item.Href, "?")
		if s.Can(r, http.MethodGet, path) {
			f.Nav = append(f.Nav, item)
		}
	}
	if msg := s.Sessions.PopString(r.Context(), sessFlash); msg != "" {
		kind, msg, _ := strings.Cut(msg, "|")
		f.Flash = web.Flash{Kind: kind, Message: msg}
	}
	s.WritePage(w, r, status, web.Layout(f), page)
}

// RenderBare writes a public page, such as the sign-in page, in the bare frame.
func (s *Site) RenderBare(w http.ResponseWriter, r *http.Request, status int, title string, page templ.Component) {
	s.WritePage(w, r, status, web.Bare(web.Frame{Title: title, Version: s.Config.Version}), page)
}

// WritePage renders page inside frame into a buffer first, so a failing
// template produces a clean error page instead of half a page.
func (s *Site) WritePage(w http.ResponseWriter, r *http.Request, status int, frame, page templ.Component) {
	var buf bytes.Buffer
	ctx := templ.WithChildren(r.Context(), page)
	if err := frame.Render(ctx, &buf); err != nil {
		s.Log.Error("render", "err", err, "request_id", RequestID(r.Context()))
		http.Error(w, "Terjadi kesalahan.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// Auditor records an event in the audit log.
type Auditor interface {
	Record(ctx context.Context, actor domain.Actor, action, entity string, id any, summary string) error
}

// AbortStream ends a streamed download that failed after its headers went
// out: it logs the cause, records the failed export in the audit log and
// aborts the connection, so the client sees a broken transfer instead of a
// file that looks complete but is cut short.
func (s *Site) AbortStream(r *http.Request, log Auditor, entity, summary string, err error) {
	s.Log.Error("export failed", "entity", entity, "err", err, "request_id", RequestID(r.Context()))
	ctx := context.WithoutCancel(r.Context())
	if aerr := log.Record(ctx, s.Actor(r), "export_failed", entity, "", summary+": gagal di tengah jalan, berkas tidak lengkap"); aerr != nil {
		s.Log.Error("audit export failure", "err", aerr, "request_id", RequestID(r.Context()))
	}
	panic(http.ErrAbortHandler)
}
