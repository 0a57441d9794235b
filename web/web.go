// Package web holds what every page shares: the frame (this layout), the
// shared components (components/), the addresses of pages (links/) and
// the static files. The pages themselves live in their features' ui
// packages; they take props structs that handlers build, and templates do
// no queries and no reshaping of data. web never imports a feature, the
// app or pgx.
package web

import (
	"embed"
	"strconv"
)

// Static holds the stylesheet, scripts and icons served under /static/.
//
//go:embed static
var Static embed.FS

// stylesheets are linked by the layout in this order: the base styles, then
// one file per area of the application.
var stylesheets = []string{"app.css", "registry.css", "analysis.css", "report.css", "quality.css", "notify.css"}

// Frame is what the layout needs around a page: title, signed-in user,
// navigation and a flash message.
type Frame struct {
	Title     string
	PemdaName string
	User      *FrameUser // nil on public pages
	Nav       []NavItem
	Active    string // key of the current navigation item
	Flash     Flash
	Version   string // asset version, for cache busting
	// Switch is the header's Pemda switcher, shown when the user may open
	// more than one Pemda.
	Switch *PemdaSwitch
	Inbox  bool // show the link to the notifications with its count
	Unread int  // the user's unread notifications
}

// UnreadLabel names the inbox link for screen readers, with its count.
func (c Frame) UnreadLabel() string {
	if c.Unread == 0 {
		return "Notifikasi, tidak ada yang belum dibaca"
	}
	return "Notifikasi, " + strconv.Itoa(c.Unread) + " belum dibaca"
}

// UnreadCount is the count on the inbox link; "99+" past 99.
func (c Frame) UnreadCount() string {
	if c.Unread > 99 {
		return "99+"
	}
	return strconv.Itoa(c.Unread)
}

// PemdaSwitch is the Pemda switcher: the Pemda the user may open, the one
// the page is in, and where choosing one goes (GET /pemda?pemda=&next=).
type PemdaSwitch struct {
	Current string
	Next    string
	Options []PemdaOption
}

// PemdaOption is one Pemda in the switcher.
type PemdaOption struct{ Code, Name string }

// FrameUser is the signed-in user as the layout shows them.
type FrameUser struct {
	Name      string
	RoleLabel string
}

// NavItem is one link of the main navigation.
type NavItem struct {
	Key   string
	Label string
	Href  string
}

// Flash is a one-time message shown after a redirect.
type Flash struct {
	Kind    string // "ok", "error" or "info"
	Message string
}

// FullTitle is the document title.
func (c Frame) FullTitle() string {
	if c.Title == "" {
		return "monev"
	}
	return c.Title + " · monev"
}

func (c Frame) asset(path string) string {
	if c.Version == "" {
		return "/static/" + path
	}
	return "/static/" + path + "?v=" + c.Version
}
