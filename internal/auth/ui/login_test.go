package ui_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/auth"
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
	cookie := apptest.SessionCookie(t, resp)
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
	if got := apptest.SessionCookie(t, resp).Value; got == "planted-by-attacker" || got == "" {
		t.Errorf("session id after login = %q; want a new one", got)
	}
}

func TestLoginThrottle(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleDisnaker)
	c := a.Client()
	for i := 0; i < auth.MaxLoginFailures; i++ {
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
		t.Errorf("after %d failures: %d", auth.MaxLoginFailures, resp.StatusCode)
	}
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

// TestLoginNextStaysOnSite: only a same-site path is followed after sign-in;
// control characters, other hosts and schemes go to /.
func TestLoginNextStaysOnSite(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleBPJS)
	cases := map[string]string{
		"/\t/evil.example":            "/",
		"/\n/evil.example":            "/",
		"/\r\n/evil.example":          "/",
		"/\x00/evil.example":          "/",
		"//evil.example":              "/",
		"/\\evil.example":             "/",
		"/\t\\evil.example":           "/",
		"https://evil.example/":       "/",
		"javascript:alert(1)":         "/",
		"/%09/evil.example":           "/%09/evil.example",
		"/workers?q=siti&page=2":      "/workers?q=siti&page=2",
		"/analysis/balance?period=24": "/analysis/balance?period=24",
	}
	for next, want := range cases {
		c := a.Client()
		resp, _ := a.Post(c, "/login", url.Values{"username": {u.Username}, "password": {apptest.Password}, "next": {next}})
		if got := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || got != want {
			t.Errorf("next=%q: %d Location %q, want %q", next, resp.StatusCode, got, want)
		}
	}
}

// TestLoginThrottleDoesNotLockOutColleagues: one person's wrong passwords
// from an address do not lock a colleague at the same address, nor the same
// account from another address; the throttled pair itself is refused.
func TestLoginThrottleDoesNotLockOutColleagues(t *testing.T) {
	a := apptest.NewWithConfig(t, app.Config{TrustProxy: true})
	admin, pimpinan := a.User(domain.RoleAdmin), a.User(domain.RolePimpinan)
	office := map[string]string{"X-Forwarded-For": "203.0.113.7"}
	login := func(username, pw string, from map[string]string) int {
		resp, _ := a.Do(a.Client(), http.MethodPost, "/login", apptest.Form(url.Values{"username": {username}, "password": {pw}}), from)
		return resp.StatusCode
	}
	for i := range auth.MaxLoginFailures {
		if got := login(admin.Username, "tebakan-salah-"+string(rune('a'+i)), office); got != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i+1, got)
		}
	}
	if got := login(pimpinan.Username, apptest.Password, office); got != http.StatusSeeOther {
		t.Errorf("a colleague at the same address with the right password: %d, want 303", got)
	}
	if got := login(admin.Username, apptest.Password, map[string]string{"X-Forwarded-For": "198.51.100.9"}); got != http.StatusSeeOther {
		t.Errorf("the same account from another address with the right password: %d, want 303", got)
	}
	if got := login(admin.Username, "tebakan-salah-lagi", office); got != http.StatusTooManyRequests {
		t.Errorf("the throttled pair: %d, want 429", got)
	}
}

// TestLoginParallelGuessesAreCounted: parallel wrong passwords cannot all
// pass the throttle before any failure is recorded.
func TestLoginParallelGuessesAreCounted(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleDisnaker)
	const n = 16
	codes := make(chan int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			resp, err := a.Client().PostForm(a.TS.URL+"/login", url.Values{"username": {u.Username}, "password": {"tebakan-paralel-" + strconv.Itoa(i)}})
			if err != nil {
				codes <- 0
				return
			}
			resp.Body.Close()
			codes <- resp.StatusCode
		})
	}
	wg.Wait()
	close(codes)
	checked := 0
	for c := range codes {
		if c == http.StatusUnauthorized {
			checked++
		}
	}
	if checked > auth.MaxLoginFailures {
		t.Errorf("%d of %d parallel guesses were checked, want at most %d", checked, n, auth.MaxLoginFailures)
	}
}

// TestLoginAcceptsOnlySmallForms: a multipart or oversized sign-in body is
// refused before it is read whole.
func TestLoginAcceptsOnlySmallForms(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleBPJS)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("username", u.Username)
	_ = mw.WriteField("password", apptest.Password)
	_ = mw.WriteField("padding", strings.Repeat("x", 2<<20))
	mw.Close()
	resp, _ := a.Do(a.Client(), http.MethodPost, "/login", &body, map[string]string{"Content-Type": mw.FormDataContentType()})
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("multipart sign-in: %d, want 415", resp.StatusCode)
	}
	big := url.Values{"username": {u.Username}, "password": {apptest.Password}, "padding": {strings.Repeat("x", 1<<20)}}
	resp, _ = a.Post(a.Client(), "/login", big)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("1 MB sign-in form: %d, want 413", resp.StatusCode)
	}
}
