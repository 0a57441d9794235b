package server

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/domain"
)

func form(v url.Values) *strings.Reader { return strings.NewReader(v.Encode()) }

func TestAdminUsers(t *testing.T) {
	a := newApp(t)
	admin := a.login(domain.RoleAdmin)

	resp, body := a.do(admin, http.MethodPost, "/admin/users", form(url.Values{
		"username": {"Rina"}, "full_name": {""}, "role": {"disnaker"}, "password": {"pendek"}, "confirm": {"pendek"}}), nil)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid user: %d", resp.StatusCode)
	}
	mustContain(t, body, "nama lengkap wajib diisi", "Kata sandi minimal 12 karakter.")

	resp, _ = a.do(admin, http.MethodPost, "/admin/users", form(url.Values{
		"username": {"rina"}, "full_name": {"Rina Marlina"}, "role": {"disnaker"},
		"password": {"sawah-hijau-di-cilegon"}, "confirm": {"sawah-hijau-di-cilegon"}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("add user: %d", resp.StatusCode)
	}
	resp, body = a.do(admin, http.MethodPost, "/admin/users", form(url.Values{
		"username": {"rina"}, "full_name": {"Rina Lain"}, "role": {"bpjs"},
		"password": {"sawah-hijau-di-cilegon"}, "confirm": {"sawah-hijau-di-cilegon"}}), nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "sudah dipakai") {
		t.Errorf("duplicate username: %d", resp.StatusCode)
	}
	rina := loginAs(t, a, "rina", "sawah-hijau-di-cilegon")

	u, _, _ := a.db.UserByUsername(t.Context(), "rina")
	path := "/admin/users/" + itoa(u.ID)
	resp, _ = a.do(admin, http.MethodPost, path+"/password", form(url.Values{
		"password": {"bukit-batu-dan-laut"}, "confirm": {"bukit-batu-dan-laut"}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset password: %d", resp.StatusCode)
	}
	loginAs(t, a, "rina", "bukit-batu-dan-laut")

	// Deactivated: her session ends and she cannot sign in again.
	resp, _ = a.do(admin, http.MethodPost, path, form(url.Values{"full_name": {"Rina Marlina"}, "role": {"disnaker"}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("deactivate: %d", resp.StatusCode)
	}
	if resp, _ := a.get(rina, "/"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a deactivated user's session still works: %d", resp.StatusCode)
	}
	resp, _ = a.do(a.client(), http.MethodPost, "/login", form(url.Values{"username": {"rina"}, "password": {"bukit-batu-dan-laut"}}), nil)
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a deactivated user signed in: %d", resp.StatusCode)
	}

	// An admin cannot lock themselves out.
	me, _, _ := a.db.UserByUsername(t.Context(), "u-admin-3672")
	resp, _ = a.do(admin, http.MethodPost, "/admin/users/"+itoa(me.ID), form(url.Values{"full_name": {"Admin"}, "role": {"bpjs"}, "active": {"on"}}), nil)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("admin demoting themselves: %d", resp.StatusCode)
	}
}

func TestAdminTokens(t *testing.T) {
	a := newApp(t)
	admin := a.login(domain.RoleAdmin)
	bpjs := a.user(domain.RoleBPJS)
	resp, body := a.do(admin, http.MethodPost, "/admin/tokens", form(url.Values{"username": {bpjs.Username}, "name": {"dasbor"}}), nil)
	token := regexp.MustCompile(`monev_[a-z2-7]+`).FindString(body)
	if resp.StatusCode != http.StatusOK || token == "" {
		t.Fatalf("create token: %d", resp.StatusCode)
	}
	if resp, _ := a.api(token, "/api/v1/balance?period=2024"); resp.StatusCode != http.StatusOK {
		t.Fatalf("new token: %d", resp.StatusCode)
	}
	_, body = a.get(admin, "/admin/tokens")
	mustContain(t, body, "dasbor", bpjs.Username, "Aktif")
	if strings.Contains(body, token) {
		t.Error("the token list shows a whole token")
	}
	id := regexp.MustCompile(`/admin/tokens/(\d+)/revoke`).FindStringSubmatch(body)
	if id == nil {
		t.Fatal("no revoke button")
	}
	resp, _ = a.do(admin, http.MethodPost, id[0], nil, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %d", resp.StatusCode)
	}
	if resp, _ := a.api(token, "/api/v1/balance?period=2024"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("revoked token: %d, want 401", resp.StatusCode)
	}
}

func TestAdminAuditLog(t *testing.T) {
	a := newApp(t)
	admin := a.login(domain.RoleAdmin)
	a.do(a.client(), http.MethodPost, "/login", form(url.Values{"username": {"siapa"}, "password": {"tebak-tebakan"}}), nil)
	_, body := a.get(admin, "/admin/audit?action=login_failed")
	mustContain(t, body, "siapa", "Gagal masuk")
	if strings.Contains(body, "u-admin-3672</td>") {
		t.Error("the filter on action did not filter")
	}
	resp, body := a.get(admin, "/admin/audit/export.csv?action=login_failed")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "login_failed") || !strings.Contains(body, "siapa") {
		t.Fatalf("export: %d %s", resp.StatusCode, body)
	}
	_, body = a.get(admin, "/admin/audit?action=export")
	mustContain(t, body, "Ekspor log audit")
}

func TestChangeOwnPassword(t *testing.T) {
	a := newApp(t)
	c := a.login(domain.RolePimpinan)
	u := a.user(domain.RolePimpinan)
	resp, body := a.do(c, http.MethodPost, "/account/password", form(url.Values{
		"current": {"salah-sekali"}, "password": {"bunga-melati-putih"}, "confirm": {"bunga-melati-putih"}}), nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Kata sandi saat ini salah.") {
		t.Fatalf("wrong current password: %d", resp.StatusCode)
	}
	resp, body = a.do(c, http.MethodPost, "/account/password", form(url.Values{
		"current": {testPassword}, "password": {"password1234"}, "confirm": {"password1234"}}), nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "terlalu umum") {
		t.Fatalf("common password: %d", resp.StatusCode)
	}
	resp, _ = a.do(c, http.MethodPost, "/account/password", form(url.Values{
		"current": {testPassword}, "password": {"bunga-melati-putih"}, "confirm": {"bunga-melati-putih"}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("change: %d", resp.StatusCode)
	}
	loginAs(t, a, u.Username, "bunga-melati-putih")
}

func loginAs(t *testing.T, a *app, username, pw string) *http.Client {
	t.Helper()
	c := a.client()
	resp, _ := a.do(c, http.MethodPost, "/login", form(url.Values{"username": {username}, "password": {pw}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login as %s: %d", username, resp.StatusCode)
	}
	return c
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
