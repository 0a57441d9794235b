package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/password"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/postgres"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

// testPassword is the password of every user the tests create.
const testPassword = "kopi-tubruk-pagi-hari"

var testHash, _ = password.Hash(testPassword)

// app is a server on a fresh database, served by httptest.
type app struct {
	t   *testing.T
	db  *postgres.DB
	srv *Server
	ts  *httptest.Server
}

func newApp(t *testing.T) *app {
	t.Helper()
	db := postgres.Wrap(pgdev.New(t))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := New(Config{}, db, log)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &app{t: t, db: db, srv: srv, ts: ts}
}

// newDemoApp is an app on the Cilegon demo data.
func newDemoApp(t *testing.T) *app {
	t.Helper()
	a := newApp(t)
	if err := demo.Load(context.Background(), a.db, domain.Actor{Pemda: "3672", Username: "test"}); err != nil {
		t.Fatal(err)
	}
	return a
}

// user creates a user with a role in a Pemda (Cilegon unless given).
func (a *app) user(role domain.Role, pemda ...string) domain.User {
	a.t.Helper()
	p := "3672"
	if len(pemda) > 0 {
		p = pemda[0]
	}
	name := "u-" + string(role) + "-" + p
	if u, _, err := a.db.UserByUsername(context.Background(), name); err == nil {
		return u
	}
	u, err := a.db.CreateUser(context.Background(), domain.Actor{Pemda: p, Username: "test"},
		domain.User{Pemda: p, Username: name, FullName: "Pengguna " + string(role), Role: role, Active: true}, testHash)
	if err != nil {
		a.t.Fatal(err)
	}
	return u
}

// client is a browser-like client without redirects followed.
func (a *app) client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// login signs a new client in as a user of the role.
func (a *app) login(role domain.Role) *http.Client {
	a.t.Helper()
	u := a.user(role)
	c := a.client()
	resp, err := c.PostForm(a.ts.URL+"/login", url.Values{"username": {u.Username}, "password": {testPassword}})
	if err != nil {
		a.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		a.t.Fatalf("login as %s: status %d", role, resp.StatusCode)
	}
	return c
}

// token creates an API token for a user of the role.
func (a *app) token(role domain.Role) string {
	a.t.Helper()
	tok, err := a.db.CreateAPIToken(context.Background(), domain.Actor{Pemda: "3672", Username: "test"}, a.user(role), "test")
	if err != nil {
		a.t.Fatal(err)
	}
	return tok
}

// get fetches a path and returns the response with its body read.
func (a *app) do(c *http.Client, method, path string, body io.Reader, header map[string]string) (*http.Response, string) {
	a.t.Helper()
	req, err := http.NewRequest(method, a.ts.URL+path, body)
	if err != nil {
		a.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (a *app) get(c *http.Client, path string) (*http.Response, string) {
	return a.do(c, http.MethodGet, path, nil, nil)
}

func (a *app) api(token, path string) (*http.Response, string) {
	return a.do(a.client(), http.MethodGet, path, nil, map[string]string{"Authorization": "Bearer " + token})
}

func mustContain(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("response lacks %q", w)
		}
	}
}
