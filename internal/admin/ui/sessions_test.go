package ui_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// TestPasswordChangeEndsOtherSessions: changing one's password ends every
// other session of the account; the one that made the change goes on.
func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	a := apptest.New(t)
	here, elsewhere := a.Login(domain.RoleDisnaker), a.Login(domain.RoleDisnaker)
	resp, _ := a.Post(here, "/account/password", url.Values{
		"current": {apptest.Password}, "password": {"bunga-melati-putih"}, "confirm": {"bunga-melati-putih"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("change: %d", resp.StatusCode)
	}
	if resp, _ := a.Get(here, "/"); resp.StatusCode != http.StatusOK {
		t.Errorf("the session that changed the password: %d, want 200", resp.StatusCode)
	}
	if resp, _ := a.Get(elsewhere, "/"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("another session after the password changed: %d, want a redirect to sign in", resp.StatusCode)
	}
}

// TestAdminResetEndsSessions: an administrator's reset ends every session
// of the account.
func TestAdminResetEndsSessions(t *testing.T) {
	a := apptest.New(t)
	admin, victim := a.Login(domain.RoleAdmin), a.Login(domain.RoleBPJS)
	u := a.User(domain.RoleBPJS)
	resp, _ := a.Post(admin, "/admin/users/"+apptest.Itoa(u.ID)+"/password", url.Values{
		"password": {"bukit-batu-dan-laut"}, "confirm": {"bukit-batu-dan-laut"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset: %d", resp.StatusCode)
	}
	if resp, _ := a.Get(victim, "/"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a session after an admin reset the password: %d, want a redirect to sign in", resp.StatusCode)
	}
	if resp, _ := a.Get(admin, "/admin/users"); resp.StatusCode != http.StatusOK {
		t.Errorf("the admin's own session: %d", resp.StatusCode)
	}
}

// TestSessionTokensAreHashed: the sessions table holds the SHA-256 of each
// session token, never the token the browser carries.
func TestSessionTokensAreHashed(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleBPJS)
	resp, _ := a.Post(a.Client(), "/login", url.Values{"username": {u.Username}, "password": {apptest.Password}})
	token := apptest.SessionCookie(t, resp).Value
	sum := sha256.Sum256([]byte(token))
	var plain, hashed int
	_ = a.DB.Pool().QueryRow(t.Context(), `SELECT count(*) FILTER (WHERE token = $1), count(*) FILTER (WHERE token = $2) FROM sessions`,
		token, hex.EncodeToString(sum[:])).Scan(&plain, &hashed)
	if plain != 0 || hashed != 1 {
		t.Errorf("sessions: %d rows with the plain token, %d with its hash; want 0 and 1", plain, hashed)
	}
}
