package app_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

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
	a.AppDB.Close() // every query now fails
	resp, body = a.Get(c, "/")
	if resp.StatusCode != http.StatusInternalServerError && resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("with the database gone: %d", resp.StatusCode)
	}
	if strings.Contains(body, "pool") || strings.Contains(body, "postgres") {
		t.Errorf("error page leaks internals: %s", body)
	}
}

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
	if c := apptest.SessionCookie(t, resp); !c.Secure {
		t.Error("session cookie is not Secure behind HTTPS")
	}
}
