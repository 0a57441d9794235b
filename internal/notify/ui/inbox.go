package ui

import (
	"net/http"
	"strconv"

	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/components"
)

// inboxPerPage is how many notifications a page of the inbox lists.
const inboxPerPage = 30

// inbox lists the user's notifications, newest first.
func (s *Handlers) inbox(w http.ResponseWriter, r *http.Request) {
	u := httpx.User(r)
	page := httpx.PageNumber(r)
	items, total, err := s.svc.Inbox(r.Context(), u, (page-1)*inboxPerPage, inboxPerPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	unread, err := s.svc.Unread(r.Context(), u)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Notifikasi", "", Inbox(InboxProps{Items: items, Total: total, Unread: unread,
		Paging: components.Paging{Page: page, Pages: int((total + inboxPerPage - 1) / inboxPerPage),
			Href: func(n int) string { return "/notifications?page=" + strconv.Itoa(n) }}}))
}

// read marks a notification read, then opens its page (open=1) or goes
// back to the inbox.
func (s *Handlers) read(w http.ResponseWriter, r *http.Request) {
	id, ok := s.IDParam(w, r)
	if !ok {
		return
	}
	link, err := s.svc.MarkRead(r.Context(), httpx.User(r), id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if r.PostFormValue("open") == "1" && link != "" {
		http.Redirect(w, r, link, http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/notifications", http.StatusSeeOther)
}

// readAll marks every notification of the user read.
func (s *Handlers) readAll(w http.ResponseWriter, r *http.Request) {
	if err := s.svc.MarkAllRead(r.Context(), httpx.User(r)); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Semua notifikasi ditandai sudah dibaca.")
	http.Redirect(w, r, "/notifications", http.StatusSeeOther)
}
