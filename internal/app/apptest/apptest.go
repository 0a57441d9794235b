// Package apptest is the harness of monev's HTTP and browser tests: the
// whole application on a fresh database of its own, served by httptest,
// with clients signed in as any role, API tokens, and helpers to read pages.
// Every feature's handler tests use it from their external test package.
package apptest

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/auth/password"
	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/internal/settings"
)

// Password is the password of every user the tests create.
const Password = "kopi-tubruk-pagi-hari"

// PasswordHash is Password hashed, for users a test creates itself.
var PasswordHash, _ = password.Hash(Password)

// Actor is who the tests' own changes are recorded as.
var Actor = domain.OperatorActor("3672", "test")

// App is the application on a fresh database, served by httptest.
type App struct {
	T   *testing.T
	DB  *database.DB
	App *app.App
	TS  *httptest.Server
}

// New starts the application on a fresh, empty database.
func New(t *testing.T) *App {
	t.Helper()
	return NewWithConfig(t, app.Config{})
}

// NewWithConfig starts the application with cfg on a fresh, empty database.
func NewWithConfig(t *testing.T, cfg app.Config) *App {
	t.Helper()
	db := pgdev.New(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := app.New(cfg, db, log)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &App{T: t, DB: db, App: srv, TS: ts}
}

// NewDemo starts the application on the Cilegon demo data.
func NewDemo(t *testing.T) *App {
	t.Helper()
	a := New(t)
	if err := demo.Load(context.Background(), a.DB, Actor); err != nil {
		t.Fatal(err)
	}
	return a
}

// User creates (once) a user with a role in a Pemda, Cilegon unless given.
func (a *App) User(role domain.Role, pemda ...string) domain.User {
	a.T.Helper()
	p := "3672"
	if len(pemda) > 0 {
		p = pemda[0]
	}
	name := "u-" + string(role) + "-" + p
	accounts := auth.NewService(a.DB)
	if u, err := accounts.UserByUsername(context.Background(), name); err == nil {
		return u
	}
	u, err := accounts.CreateUserWithHash(context.Background(), domain.OperatorActor(p, "test"),
		domain.User{Pemda: p, Username: name, FullName: "Pengguna " + string(role), Role: role, Active: true}, PasswordHash)
	if err != nil {
		a.T.Fatal(err)
	}
	return u
}

// Client is a browser-like client that keeps cookies and does not follow
// redirects.
func (a *App) Client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// Login signs a new client in as a user of the role.
func (a *App) Login(role domain.Role) *http.Client {
	a.T.Helper()
	u := a.User(role)
	c := a.Client()
	resp, err := c.PostForm(a.TS.URL+"/login", url.Values{"username": {u.Username}, "password": {Password}})
	if err != nil {
		a.T.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		a.T.Fatalf("login as %s: status %d", role, resp.StatusCode)
	}
	return c
}

// LoginAs signs a new client in with a username and password.
func (a *App) LoginAs(username, pw string) *http.Client {
	a.T.Helper()
	c := a.Client()
	resp, _ := a.Do(c, http.MethodPost, "/login", Form(url.Values{"username": {username}, "password": {pw}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		a.T.Fatalf("login as %s: %d", username, resp.StatusCode)
	}
	return c
}

// Token creates an API token for a user of the role.
func (a *App) Token(role domain.Role) string {
	a.T.Helper()
	tok, err := auth.NewService(a.DB).CreateToken(context.Background(), Actor, a.User(role), "test")
	if err != nil {
		a.T.Fatal(err)
	}
	return tok
}

// Do sends a request and returns the response with its body read; a body
// is sent as a form.
func (a *App) Do(c *http.Client, method, path string, body io.Reader, header map[string]string) (*http.Response, string) {
	a.T.Helper()
	req, err := http.NewRequest(method, a.TS.URL+path, body)
	if err != nil {
		a.T.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		a.T.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// Get fetches a path.
func (a *App) Get(c *http.Client, path string) (*http.Response, string) {
	a.T.Helper()
	return a.Do(c, http.MethodGet, path, nil, nil)
}

// Post submits a form.
func (a *App) Post(c *http.Client, path string, form url.Values) (*http.Response, string) {
	a.T.Helper()
	return a.Do(c, http.MethodPost, path, Form(form), nil)
}

// Submit posts a form as a browser on this site would, with its Origin.
func (a *App) Submit(c *http.Client, path string, form url.Values) (*http.Response, string) {
	a.T.Helper()
	return a.Do(c, http.MethodPost, path, Form(form), map[string]string{"Origin": a.TS.URL})
}

// FollowFlash reads the page a POST redirected to, with its flash message.
func (a *App) FollowFlash(c *http.Client, resp *http.Response) string {
	a.T.Helper()
	if resp.StatusCode != http.StatusSeeOther {
		a.T.Fatalf("POST answered %d, want 303", resp.StatusCode)
	}
	_, body := a.Get(c, resp.Header.Get("Location"))
	return body
}

// API calls a path with a bearer token.
func (a *App) API(token, path string) (*http.Response, string) {
	a.T.Helper()
	return a.Do(a.Client(), http.MethodGet, path, nil, map[string]string{"Authorization": "Bearer " + token})
}

// CountRows counts the rows of a table.
func (a *App) CountRows(table string) int {
	a.T.Helper()
	var n int
	if err := a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		a.T.Fatal(err)
	}
	return n
}

// AuditCount counts the audit entries about an entity.
func (a *App) AuditCount(entity string) int {
	a.T.Helper()
	var n int
	if err := a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE entity = $1`, entity).Scan(&n); err != nil {
		a.T.Fatal(err)
	}
	return n
}

// Form is a form's encoded body.
func Form(v url.Values) *strings.Reader { return strings.NewReader(v.Encode()) }

// With returns a copy of v with the given keys set: With(v, "nik", "…").
func With(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, x := range v {
		out[k] = x
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

// MustContain fails the test for each want the body lacks.
func MustContain(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("response lacks %q", w)
		}
	}
}

// PageText is an HTML page with its tags removed.
func PageText(body string) string { return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(body, " ") }

// Plain replaces non-breaking spaces with spaces.
func Plain(html string) string { return strings.ReplaceAll(html, "\u00a0", " ") }

// Itoa is strconv.FormatInt in base 10.
func Itoa(n int64) string { return strconv.FormatInt(n, 10) }

// APIJSON calls an API endpoint with a bearer token and decodes its answer
// when it is 200; it returns the status.
func (a *App) APIJSON(token, path string, v any) int {
	a.T.Helper()
	resp, body := a.API(token, path)
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal([]byte(body), v); err != nil {
			a.T.Fatalf("%s: %v in %s", path, err, body)
		}
	}
	return resp.StatusCode
}

// Accounts is the account service of the app's database.
func (a *App) Accounts() *auth.Service { return auth.NewService(a.DB) }

// SessionCookie is the session cookie a response sets; the test fails without one.
func SessionCookie(t *testing.T, resp *http.Response) *http.Cookie {
	t.Helper()
	for _, c := range resp.Cookies() {
		if c.Name == "monev_session" {
			return c
		}
	}
	t.Fatal("no session cookie")
	return nil
}

// Settings is the settings service of the app's database.
func (a *App) Settings() *settings.Service { return settings.NewService(a.DB) }

// Analysis is the analysis service of the app's database.
func (a *App) Analysis() *analysis.Service {
	return analysis.NewService(a.DB, a.Settings(), contributions.NewService(a.DB, a.Settings()))
}

// Reports is the monev report service of the app's database.
func (a *App) Reports() *laporan.Service { return laporan.NewService(a.DB, a.Analysis()) }

// Registry is the registry service of the app's database.
func (a *App) Registry() *registry.Service { return registry.NewService(a.DB) }

// Decode reads an export back with the import's decoder, as the file would
// be read if it were imported into Cilegon; the test fails if it does not open.
func Decode[R any](t *testing.T, a *App, table *sheet.Table[R], body string) *sheet.Decoder[R] {
	t.Helper()
	ref, err := a.Settings().Reference(context.Background(), "3672")
	if err != nil {
		t.Fatal(err)
	}
	d, err := sheet.NewDecoder(strings.NewReader(body), table, ref, sheet.Limits{})
	if err != nil {
		t.Fatalf("the export does not read back as %s: %v", table.Title(), err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// ExportCount is how many exports a user has in the audit log.
func (a *App) ExportCount(username string) int {
	var n int
	_ = a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE action = 'export' AND username = $1`,
		username).Scan(&n)
	return n
}

// Contributions is the contributions service of the app's database.
func (a *App) Contributions() *contributions.Service {
	return contributions.NewService(a.DB, a.Settings())
}

// Claims is the claims service of the app's database.
func (a *App) Claims() *claims.Service { return claims.NewService(a.DB) }
