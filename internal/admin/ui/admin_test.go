package ui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

func TestAdminUsers(t *testing.T) {
	a := apptest.New(t)
	admin := a.Login(domain.RoleAdmin)

	resp, body := a.Do(admin, http.MethodPost, "/admin/users", apptest.Form(url.Values{
		"username": {"Rina"}, "full_name": {""}, "role": {"disnaker"}, "password": {"pendek"}, "confirm": {"pendek"}}), nil)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid user: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "nama lengkap wajib diisi", "Kata sandi minimal 12 karakter.")

	resp, _ = a.Do(admin, http.MethodPost, "/admin/users", apptest.Form(url.Values{
		"username": {"rina"}, "full_name": {"Rina Marlina"}, "role": {"disnaker"},
		"password": {"sawah-hijau-di-cilegon"}, "confirm": {"sawah-hijau-di-cilegon"}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("add user: %d", resp.StatusCode)
	}
	resp, body = a.Do(admin, http.MethodPost, "/admin/users", apptest.Form(url.Values{
		"username": {"rina"}, "full_name": {"Rina Lain"}, "role": {"bpjs"},
		"password": {"sawah-hijau-di-cilegon"}, "confirm": {"sawah-hijau-di-cilegon"}}), nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "sudah dipakai") {
		t.Errorf("duplicate username: %d", resp.StatusCode)
	}
	rina := a.LoginAs("rina", "sawah-hijau-di-cilegon")

	u, _ := a.Accounts().UserByUsername(t.Context(), "rina")
	path := "/admin/users/" + apptest.Itoa(u.ID)
	resp, _ = a.Do(admin, http.MethodPost, path+"/password", apptest.Form(url.Values{
		"password": {"bukit-batu-dan-laut"}, "confirm": {"bukit-batu-dan-laut"}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset password: %d", resp.StatusCode)
	}
	a.LoginAs("rina", "bukit-batu-dan-laut")

	// Deactivated: her session ends and she cannot sign in again.
	resp, _ = a.Do(admin, http.MethodPost, path, apptest.Form(url.Values{"full_name": {"Rina Marlina"}, "role": {"disnaker"}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("deactivate: %d", resp.StatusCode)
	}
	if resp, _ := a.Get(rina, "/"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a deactivated user's session still works: %d", resp.StatusCode)
	}
	resp, _ = a.Do(a.Client(), http.MethodPost, "/login", apptest.Form(url.Values{"username": {"rina"}, "password": {"bukit-batu-dan-laut"}}), nil)
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a deactivated user signed in: %d", resp.StatusCode)
	}

	// An admin cannot lock themselves out.
	me, _ := a.Accounts().UserByUsername(t.Context(), "u-admin-3672")
	resp, _ = a.Do(admin, http.MethodPost, "/admin/users/"+apptest.Itoa(me.ID), apptest.Form(url.Values{"full_name": {"Admin"}, "role": {"bpjs"}, "active": {"on"}}), nil)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("admin demoting themselves: %d", resp.StatusCode)
	}
}

func TestAdminTokens(t *testing.T) {
	a := apptest.New(t)
	admin := a.Login(domain.RoleAdmin)
	bpjs := a.User(domain.RoleBPJS)
	resp, body := a.Do(admin, http.MethodPost, "/admin/tokens", apptest.Form(url.Values{"username": {bpjs.Username}, "name": {"dasbor"}}), nil)
	token := regexp.MustCompile(`monev_[a-z2-7]+`).FindString(body)
	if resp.StatusCode != http.StatusOK || token == "" {
		t.Fatalf("create token: %d", resp.StatusCode)
	}
	if resp, _ := a.API(token, "/api/v1/balance?period=2024"); resp.StatusCode != http.StatusOK {
		t.Fatalf("new token: %d", resp.StatusCode)
	}
	_, body = a.Get(admin, "/admin/tokens")
	apptest.MustContain(t, body, "dasbor", bpjs.Username, "Aktif")
	if strings.Contains(body, token) {
		t.Error("the token list shows a whole token")
	}
	id := regexp.MustCompile(`/admin/tokens/(\d+)/revoke`).FindStringSubmatch(body)
	if id == nil {
		t.Fatal("no revoke button")
	}
	resp, _ = a.Do(admin, http.MethodPost, id[0], nil, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %d", resp.StatusCode)
	}
	if resp, _ := a.API(token, "/api/v1/balance?period=2024"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("revoked token: %d, want 401", resp.StatusCode)
	}
}

func TestAdminAuditLog(t *testing.T) {
	a := apptest.New(t)
	admin := a.Login(domain.RoleAdmin)
	a.Do(a.Client(), http.MethodPost, "/login", apptest.Form(url.Values{"username": {"siapa"}, "password": {"tebak-tebakan"}}), nil)
	_, body := a.Get(admin, "/admin/audit?action=login_failed")
	apptest.MustContain(t, body, "siapa", "Gagal masuk")
	if strings.Contains(body, "u-admin-3672</td>") {
		t.Error("the filter on action did not filter")
	}
	resp, body := a.Get(admin, "/admin/audit/export.csv?action=login_failed")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "login_failed") || !strings.Contains(body, "siapa") {
		t.Fatalf("export: %d %s", resp.StatusCode, body)
	}
	_, body = a.Get(admin, "/admin/audit?action=export")
	apptest.MustContain(t, body, "Ekspor log audit")
}

func TestChangeOwnPassword(t *testing.T) {
	a := apptest.New(t)
	c := a.Login(domain.RolePimpinan)
	u := a.User(domain.RolePimpinan)
	resp, body := a.Do(c, http.MethodPost, "/account/password", apptest.Form(url.Values{
		"current": {"salah-sekali"}, "password": {"bunga-melati-putih"}, "confirm": {"bunga-melati-putih"}}), nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Kata sandi saat ini salah.") {
		t.Fatalf("wrong current password: %d", resp.StatusCode)
	}
	resp, body = a.Do(c, http.MethodPost, "/account/password", apptest.Form(url.Values{
		"current": {apptest.Password}, "password": {"password1234"}, "confirm": {"password1234"}}), nil)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "terlalu umum") {
		t.Fatalf("common password: %d", resp.StatusCode)
	}
	resp, _ = a.Do(c, http.MethodPost, "/account/password", apptest.Form(url.Values{
		"current": {apptest.Password}, "password": {"bunga-melati-putih"}, "confirm": {"bunga-melati-putih"}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("change: %d", resp.StatusCode)
	}
	a.LoginAs(u.Username, "bunga-melati-putih")
}
