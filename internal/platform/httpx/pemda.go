package httpx

import (
	"net/http"
	"strings"

	"github.com/cilegon/monev/internal/domain"
)

// PemdaParam is the query parameter that chooses the Pemda a request works
// in, within the user's scope: pemda=3604 or pemda=36.04.
const PemdaParam = "pemda"

// sessChosen keeps a browser's last choice of Pemda, so the navigation's
// links stay in it.
const sessChosen = "chosen_pemda"

// workIn resolves the Pemda a request works in and returns u with Pemda set
// to it: pemda= when given, else (in a browser) the session's last choice,
// else the user's home. Every feature handler and service then keeps using
// the user's Pemda. A Pemda outside the user's scope answers 403, and so
// does a change (any method but GET and HEAD) outside the home Pemda: a
// scope gives reading. Routes about the account itself (Access.Home) always
// work at home.
func (s *Site) workIn(w http.ResponseWriter, r *http.Request, a Access, u domain.User) (domain.User, bool) {
	if u.Home == "" {
		u.Home = u.Pemda
	}
	u.Pemda = u.Home
	if a.Home {
		return u, true
	}
	code, explicit := strings.ReplaceAll(strings.TrimSpace(r.URL.Query().Get(PemdaParam)), ".", ""), true
	if code == "" {
		explicit = false
		if !a.API {
			code = s.Sessions.GetString(r.Context(), sessChosen)
		}
	}
	if code == "" || code == u.Home {
		if explicit && !a.API {
			s.Sessions.Remove(r.Context(), sessChosen)
		}
		return u, true
	}
	if !u.MayOpen(code) {
		if !explicit {
			// The scope shrank since this choice: back home.
			s.Sessions.Remove(r.Context(), sessChosen)
			return u, true
		}
		s.refuse(w, r, a.API, "pemda "+code+" is outside your scope")
		return u, false
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.refuse(w, r, a.API, "changes are made only in your home pemda "+u.Home)
		return u, false
	}
	if explicit && !a.API {
		s.Sessions.Put(r.Context(), sessChosen, code)
	}
	u.Pemda = code
	return u, true
}

// refuse answers 403 with a reason for API clients.
func (s *Site) refuse(w http.ResponseWriter, r *http.Request, api bool, reason string) {
	if api {
		WriteJSONError(w, http.StatusForbidden, reason)
		return
	}
	s.RenderError(w, r, http.StatusForbidden)
}

// switchPemda is GET /pemda?pemda=CODE&next=/PATH, the header's Pemda
// switcher: the guard has stored the choice; it goes back to next when
// SafeNext keeps it, else to the dashboard.
func (s *Site) switchPemda(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, SafeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
}

// switchTarget is where the switcher returns to from path: the first
// segment of it, a list or overview that every Pemda has (a record's page,
// /workers/12, would not be there).
func switchTarget(path string) string {
	first, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	if first == "" || first == "pemda" {
		return "/"
	}
	return "/" + first
}
