package server

import (
	"bytes"
	"context"
	"net/http"
	"strings"

	"github.com/a-h/templ"

	"github.com/cilegon/monev/web"
)

// navItems is the main navigation; an item shows only to users whose role
// may open it.
var navItems = []web.NavItem{
	{Key: "dashboard", Label: "Ringkasan", Href: "/"},
	{Key: "workers", Label: "Peserta", Href: "/workers"},
	{Key: "contributions", Label: "Iuran", Href: "/contributions"},
	{Key: "claims", Label: "Klaim", Href: "/claims"},
	{Key: "analysis", Label: "Analisis", Href: "/analysis/balance"},
	{Key: "reports", Label: "Laporan", Href: "/reports"},
	{Key: "imports", Label: "Impor", Href: "/imports"},
	{Key: "quality", Label: "Kualitas Data", Href: "/quality"},
	{Key: "admin", Label: "Admin", Href: "/admin/users"},
}

// render writes a signed-in page inside the layout, with navigation for the
// user's role and any flash message.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, title, active string, page templ.Component) {
	u := currentUser(r)
	c := web.Frame{
		Title:     title,
		PemdaName: s.pemdaName(r.Context(), u.Pemda),
		User:      &web.FrameUser{Name: u.DisplayName(), RoleLabel: u.Role.Label()},
		Active:    active,
		Version:   s.cfg.Version,
	}
	for _, item := range navItems {
		path, _, _ := strings.Cut(item.Href, "?")
		if s.can(r, http.MethodGet, path) {
			c.Nav = append(c.Nav, item)
		}
	}
	if f := s.sessions.PopString(r.Context(), sessFlash); f != "" {
		kind, msg, _ := strings.Cut(f, "|")
		c.Flash = web.Flash{Kind: kind, Message: msg}
	}
	s.write(w, r, status, web.Layout(c), page)
}

// write renders page inside frame into a buffer first, so a failing
// template produces a clean error page instead of half a page.
func (s *Server) write(w http.ResponseWriter, r *http.Request, status int, frame, page templ.Component) {
	var buf bytes.Buffer
	ctx := templ.WithChildren(r.Context(), page)
	if err := frame.Render(ctx, &buf); err != nil {
		s.log.Error("render", "err", err, "request_id", requestID(r.Context()))
		http.Error(w, "Terjadi kesalahan.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// pemdaName is the display name of a Pemda, e.g. "Kota Cilegon".
func (s *Server) pemdaName(ctx context.Context, code string) string {
	if v, ok := s.pemdaNames.Load(code); ok {
		return v.(string)
	}
	name, err := s.db.PemdaName(ctx, code)
	if err != nil {
		return "Pemda " + code
	}
	s.pemdaNames.Store(code, name)
	return name
}
