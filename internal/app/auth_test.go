package app_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

func TestLoginLogout(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleBPJS)
	c := a.Client()

	// Before: the dashboard sends the browser to sign in, keeping the address.
	resp, _ := a.Get(c, "/?period=2024")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login?next=%2F%3Fperiod%3D2024" {
		t.Fatalf("anonymous dashboard: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body := a.Get(c, "/login")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Kata sandi") {
		t.Fatalf("login form: %d", resp.StatusCode)
	}

	resp, body = a.Do(c, http.MethodPost, "/login", strings.NewReader(url.Values{
		"username": {u.Username}, "password": {"salah-sekali-ini"}}.Encode()), nil)
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "Nama pengguna atau kata sandi salah.") {
		t.Fatalf("wrong password: %d", resp.StatusCode)
	}

	resp, _ = a.Do(c, http.MethodPost, "/login", strings.NewReader(url.Values{
		"username": {strings.ToUpper(u.Username)}, "password": {apptest.Password}, "next": {"/?period=2024"}}.Encode()), nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/?period=2024" {
		t.Fatalf("login: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	cookie := sessionCookie(t, resp)
	if !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure {
		t.Errorf("session cookie flags: HttpOnly=%v SameSite=%v Secure=%v (plain HTTP)", cookie.HttpOnly, cookie.SameSite, cookie.Secure)
	}
	resp, body = a.Get(c, "/")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Ringkasan") {
		t.Fatalf("dashboard after login: %d", resp.StatusCode)
	}

	// Logout ends the session on the server: the old cookie no longer works.
	stolen := a.Client()
	stolen.Jar.SetCookies(mustURL(t, a.TS.URL), []*http.Cookie{{Name: cookie.Name, Value: cookie.Value}})
	resp, _ = a.Do(c, http.MethodPost, "/logout", nil, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", resp.StatusCode)
	}
	if resp, _ := a.Get(stolen, "/"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the session cookie still works after logout: %d", resp.StatusCode)
	}

	var logins, failures int
	_ = a.DB.Pool().QueryRow(context.Background(),
		`SELECT count(*) FILTER (WHERE action = 'login'), count(*) FILTER (WHERE action = 'login_failed') FROM audit_log`).Scan(&logins, &failures)
	if logins != 1 || failures != 1 {
		t.Errorf("audit log has %d sign-ins and %d failures, want 1 and 1", logins, failures)
	}
}

func TestLoginRenewsTheSessionID(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleAdmin)
	c := a.Client()
	// A wrong password leaves a session cookie (the flash-free login page
	// does not, so plant one as an attacker would).
	c.Jar.SetCookies(mustURL(t, a.TS.URL), []*http.Cookie{{Name: "monev_session", Value: "planted-by-attacker"}})
	resp, _ := a.Do(c, http.MethodPost, "/login", strings.NewReader(url.Values{
		"username": {u.Username}, "password": {apptest.Password}}.Encode()), nil)
	if got := sessionCookie(t, resp).Value; got == "planted-by-attacker" || got == "" {
		t.Errorf("session id after login = %q; want a new one", got)
	}
}

func TestLoginThrottle(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleDisnaker)
	c := a.Client()
	for i := 0; i < maxLoginFailures; i++ {
		resp, _ := a.Do(c, http.MethodPost, "/login", strings.NewReader(url.Values{
			"username": {u.Username}, "password": {"tebakan-ke-" + string(rune('a'+i))}}.Encode()), nil)
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i+1, resp.StatusCode)
		}
	}
	// Now even the right password is refused for a while.
	resp, body := a.Do(c, http.MethodPost, "/login", strings.NewReader(url.Values{
		"username": {u.Username}, "password": {apptest.Password}}.Encode()), nil)
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "Terlalu banyak percobaan") {
		t.Errorf("after %d failures: %d", maxLoginFailures, resp.StatusCode)
	}
}

func TestCrossOriginPostIsRefused(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleAdmin)
	resp, _ := a.Do(a.Client(), http.MethodPost, "/login", strings.NewReader(url.Values{
		"username": {u.Username}, "password": {apptest.Password}}.Encode()),
		map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site login post: %d, want 403", resp.StatusCode)
	}
	c := a.Login(domain.RoleAdmin)
	resp, _ = a.Do(c, http.MethodPost, "/logout", nil, map[string]string{"Sec-Fetch-Site": "cross-site"})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site logout post: %d, want 403", resp.StatusCode)
	}
	resp, _ = a.Do(c, http.MethodPost, "/logout", nil, map[string]string{"Sec-Fetch-Site": "same-origin"})
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("same-origin logout post: %d, want 303", resp.StatusCode)
	}
}

func TestSecurityHeaders(t *testing.T) {
	a := apptest.New(t)
	resp, body := a.Get(a.Client(), "/login")
	for h, want := range map[string]string{
		"Content-Security-Policy": "frame-ancestors 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "same-origin",
		"Cache-Control":           "no-store",
	} {
		if got := resp.Header.Get(h); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want it to contain %q", h, got, want)
		}
	}
	if strings.Contains(resp.Header.Get("Content-Security-Policy"), "unsafe-inline") {
		t.Error("CSP allows inline script or style")
	}
	if strings.Contains(body, "<script>") || strings.Contains(body, "style=") {
		t.Error("the page has inline script or style, which the CSP blocks")
	}
}

func TestErrorsShowNoInternals(t *testing.T) {
	a := apptest.New(t)
	c := a.Login(domain.RolePimpinan)
	resp, body := a.Get(c, "/no-such-page")
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "Halaman tidak ditemukan") {
		t.Errorf("unknown page: %d", resp.StatusCode)
	}
	a.DB.Close() // every query now fails
	resp, body = a.Get(c, "/")
	if resp.StatusCode != http.StatusInternalServerError && resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("with the database gone: %d", resp.StatusCode)
	}
	if strings.Contains(body, "pool") || strings.Contains(body, "postgres") {
		t.Errorf("error page leaks internals: %s", body)
	}
}

func sessionCookie(t *testing.T, resp *http.Response) *http.Cookie {
	t.Helper()
	for _, c := range resp.Cookies() {
		if c.Name == "monev_session" {
			return c
		}
	}
	t.Fatal("no session cookie")
	return nil
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestSessionExpiry(t *testing.T) {
	a := apptest.New(t)
	a.App.Sessions.IdleTimeout = 300 * time.Millisecond
	c := a.Login(domain.RoleBPJS)
	if resp, _ := a.Get(c, "/"); resp.StatusCode != http.StatusOK {
		t.Fatalf("fresh session: %d", resp.StatusCode)
	}
	time.Sleep(500 * time.Millisecond)
	if resp, _ := a.Get(c, "/"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("idle session still works: %d", resp.StatusCode)
	}

	a.App.Sessions.IdleTimeout = time.Hour
	a.App.Sessions.Lifetime = 600 * time.Millisecond
	c = a.Login(domain.RoleBPJS)
	for i := 0; i < 4; i++ { // busy, but past its lifetime all the same
		time.Sleep(200 * time.Millisecond)
		a.Get(c, "/")
	}
	if resp, _ := a.Get(c, "/"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("session past its absolute lifetime still works: %d", resp.StatusCode)
	}
}

// maxLoginFailures is how many wrong passwords the sign-in takes before it
// makes people wait.
const maxLoginFailures = 5

func TestHTTPSHeadersAndCookies(t *testing.T) {
	a := apptest.New(t)
	srv := app.New(app.Config{PublicURL: "https://monev.cilegon.go.id"}, a.DB, a.App.Log)
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	a.TS = ts
	u := a.User(domain.RoleAdmin)
	resp, _ := a.Do(a.Client(), http.MethodPost, "/login", strings.NewReader(url.Values{
		"username": {u.Username}, "password": {apptest.Password}}.Encode()), nil)
	if got := resp.Header.Get("Strict-Transport-Security"); !strings.Contains(got, "max-age=") {
		t.Errorf("HSTS = %q", got)
	}
	if c := sessionCookie(t, resp); !c.Secure {
		t.Error("session cookie is not Secure behind HTTPS")
	}
}
