package ui_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// settingsPages are the settings pages every test opens.
var settingsPages = []string{"/settings", "/settings/rates", "/settings/benefits", "/settings/categories",
	"/settings/categories?edit=kader", "/settings/letterhead", "/settings/texts", "/settings/due-date"}

// TestSettingsAdminsOnly: every settings page and form is refused (403) to
// the other roles, and nothing changes.
func TestSettingsAdminsOnly(t *testing.T) {
	a := apptest.New(t)
	admin := a.Login(domain.RoleAdmin)
	for _, p := range settingsPages {
		if resp, _ := a.Get(admin, p); resp.StatusCode != http.StatusOK {
			t.Errorf("admin GET %s: %d", p, resp.StatusCode)
		}
	}
	for _, role := range []domain.Role{domain.RoleDisnaker, domain.RoleBPJS, domain.RolePimpinan} {
		c := a.Login(role)
		for _, p := range settingsPages {
			if resp, _ := a.Get(c, p); resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s GET %s: %d, want 403", role, p, resp.StatusCode)
			}
		}
		resp, _ := a.Submit(c, "/settings/rates", url.Values{"valid_from": {"2026-01"}, "jkk": {"1"}, "jkm": {"7.000"}})
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s POST /settings/rates: %d, want 403", role, resp.StatusCode)
		}
	}
	if n := a.AuditCount("contribution_rate"); n != 0 {
		t.Errorf("%d rate changes audited after refusals", n)
	}
}

// TestRateForm: the form reads JKK as a percentage (0,01 % is Rp 100 at the
// lowest band), names a bad field in Bahasa Indonesia, and the page shows
// the 99 % relief of 2020 next to the new rate.
func TestRateForm(t *testing.T) {
	a := apptest.New(t)
	admin := a.Login(domain.RoleAdmin)
	resp, body := a.Submit(admin, "/settings/rates", url.Values{"valid_from": {"2026-13"}, "jkk": {"satu"}, "jkm": {"7.000"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad rate: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "bulan tidak valid", "Tulis persentase JKK dari penghasilan")
	resp, _ = a.Submit(admin, "/settings/rates", url.Values{"valid_from": {"Januari 2026"}, "jkk": {"0,01"}, "jkm": {"68"}, "regulation": {"uji"}})
	body = apptest.Plain(a.FollowFlash(admin, resp))
	apptest.MustContain(t, body, "1 Januari 2026", "1 Agustus 2020", "Rp 168")
	rates, _ := a.Settings().Rates(t.Context(), "3672")
	if r, _ := rates.At(domain.NewMonth(2026, 1)); r.JKK != 100 || r.JKM != 68 {
		t.Errorf("2026 rate %+v, want JKK Rp 100 and JKM Rp 68", r)
	}
	if a.AuditCount("contribution_rate") != 1 {
		t.Error("the rate change is not audited")
	}
}

// TestBenefitAndCategoryForms: a benefit rule and a category saved through
// their forms, with the category retired after 2024.
func TestBenefitAndCategoryForms(t *testing.T) {
	a := apptest.New(t)
	admin := a.Login(domain.RoleAdmin)
	resp, _ := a.Submit(admin, "/settings/benefits", url.Values{"type": {"JKM"}, "valid_from": {"2026-01-01"},
		"flat": {"50.000.000"}, "multiple": {"0"}, "fixed": {"on"}, "regulation": {"uji"}})
	body := apptest.Plain(a.FollowFlash(admin, resp))
	apptest.MustContain(t, body, "Rp 50.000.000", "Rp 12.000.000")

	resp, _ = a.Submit(admin, "/settings/categories", url.Values{"code": {"petugas_kpu"}, "name": {"Petugas KPU"}, "first_year": {"2024"}})
	a.FollowFlash(admin, resp)
	resp, body = a.Submit(admin, "/settings/categories", url.Values{"code": {"petugas_kpu"}, "name": {"Lain"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Kode kategori ini sudah dipakai.") {
		t.Errorf("duplicate code: %d", resp.StatusCode)
	}
	resp, _ = a.Submit(admin, "/settings/categories", url.Values{"editing": {"1"}, "code": {"petugas_kpu"},
		"name": {"Petugas KPU Pemilu 2024"}, "first_year": {"2024"}, "last_year": {"2024"}})
	body = apptest.Plain(a.FollowFlash(admin, resp))
	apptest.MustContain(t, body, "Petugas KPU Pemilu 2024", "2024–2024")
	var n int
	_ = a.DB.Pool().QueryRow(t.Context(), `SELECT count(*) FROM audit_log WHERE entity = 'category' AND entity_id = 'petugas_kpu'
		AND old_values->>'Name' = 'Petugas KPU' AND new_values->>'Name' = 'Petugas KPU Pemilu 2024'
		AND (new_values->>'LastYear')::int = 2024`).Scan(&n)
	if n != 1 {
		t.Errorf("%d audit entries of the rename with old and new names, want 1", n)
	}
}

// uploadLogo posts a logo file as the letterhead page's form does.
func uploadLogo(t *testing.T, a *apptest.App, c *http.Client, name string, content []byte) (*http.Response, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("logo", name)
	_, _ = fw.Write(content)
	_ = mw.Close()
	return a.Do(c, http.MethodPost, "/settings/logo", &buf, map[string]string{"Content-Type": mw.FormDataContentType(), "Origin": a.TS.URL})
}

// TestLogoUpload: a file that is not a PNG or SVG, whatever its name, a
// file over 512 KB and an SVG with a script are refused with a Bahasa
// message; a PNG is stored and printed in the kop surat.
func TestLogoUpload(t *testing.T) {
	a := apptest.New(t)
	admin := a.Login(domain.RoleAdmin)
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)
	for _, tt := range []struct {
		name    string
		content []byte
		want    string
	}{
		{"logo.png", []byte("MZ bukan gambar"), "Logo harus berupa gambar PNG atau SVG; isi berkas ini bukan keduanya."},
		{"logo.png", append(png, make([]byte, 600<<10)...), "Berkas logo terlalu besar: paling besar 512 KB."},
		{"logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "memuat skrip"},
		{"logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`), "memuat skrip"},
	} {
		resp, body := uploadLogo(t, a, admin, tt.name, tt.content)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, tt.want) {
			t.Errorf("%s of %d bytes: %d, want 422 with %q", tt.name, len(tt.content), resp.StatusCode, tt.want)
		}
	}
	if a.CountRows("pemda_logo") != 0 {
		t.Fatal("a refused logo was stored")
	}
	resp, _ := uploadLogo(t, a, admin, "logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#063"/></svg>`))
	body := a.FollowFlash(admin, resp)
	apptest.MustContain(t, body, `src="data:image/svg+xml;base64,`)
	resp, _ = uploadLogo(t, a, admin, "logo.png", png)
	a.FollowFlash(admin, resp)
	l, err := a.Settings().Letterhead(t.Context(), "3672")
	if err != nil || !strings.HasPrefix(l.Logo, "data:image/png;base64,") {
		t.Errorf("letterhead logo %.40q, %v", l.Logo, err)
	}
	if resp, _ := uploadLogo(t, a, a.Login(domain.RoleDisnaker), "logo.png", png); resp.StatusCode != http.StatusForbidden {
		t.Errorf("disnaker uploaded a logo: %d", resp.StatusCode)
	}
	if n := a.AuditCount("pemda_logo"); n != 2 {
		t.Errorf("%d logo changes audited, want 2", n)
	}
}

// TestReportTextsAndDueDate: the texts a new report starts with come from
// the settings (national ones naming no Pemda until set), and the due-date
// rule changes through its page.
func TestReportTextsAndDueDate(t *testing.T) {
	a := apptest.New(t)
	admin := a.Login(domain.RoleAdmin)
	_, body := a.Get(admin, "/reports/new")
	for _, cilegon := range []string{"Wali Kota Cilegon Nomor 41", "Pemerintah Kota Cilegon atas", "Cabang Cilegon"} {
		if strings.Contains(body, cilegon) {
			t.Errorf("a new report's default texts name Cilegon: %q", cilegon)
		}
	}
	apptest.MustContain(t, body, "Undang-Undang Nomor 40 Tahun 2004")
	resp, _ := a.Submit(admin, "/settings/texts", url.Values{"legal_basis": {"1. Peraturan Bupati Serang Nomor 1 Tahun 2026."}})
	a.FollowFlash(admin, resp)
	_, body = a.Get(admin, "/reports/new")
	apptest.MustContain(t, body, "Peraturan Bupati Serang Nomor 1 Tahun 2026.", "Menginventarisasi potensi dan kendala")

	resp, _ = a.Submit(admin, "/settings/due-date", url.Values{"day": {"10"}, "offset": {"1"}})
	body = apptest.Plain(a.FollowFlash(admin, resp))
	apptest.MustContain(t, body, "tanggal 10 bulan berikutnya")
	if r, _ := a.Settings().DueRule(t.Context(), "3672"); r != (domain.DueRule{Day: 10, MonthOffset: 1}) {
		t.Errorf("rule %+v", r)
	}
}

// TestSettingsAPI: any role's token reads the rates and benefit rules in
// force, the 99 % relief of 2020 and the old scholarship among them.
func TestSettingsAPI(t *testing.T) {
	a := apptest.New(t)
	var rates struct {
		Own   bool
		Items []struct {
			ValidFrom string `json:"valid_from"`
			Total     int64
		}
	}
	if code := a.APIJSON(a.Token(domain.RolePimpinan), "/api/v1/settings/rates", &rates); code != http.StatusOK {
		t.Fatalf("rates: %d", code)
	}
	if len(rates.Items) != 3 || rates.Items[1].ValidFrom != "2020-08-01" || rates.Items[1].Total != 168 {
		t.Errorf("rates %+v", rates)
	}
	var benefits struct {
		Own   bool
		Items []struct {
			Type      string
			ValidFrom string `json:"valid_from"`
			Flat      int64
			Fixed     bool
		}
	}
	if code := a.APIJSON(a.Token(domain.RoleBPJS), "/api/v1/settings/benefits", &benefits); code != http.StatusOK {
		t.Fatalf("benefits: %d", code)
	}
	if benefits.Own || len(benefits.Items) == 0 || benefits.Items[0].Type != "BEASISWA" || benefits.Items[0].Flat != 12_000_000 ||
		!benefits.Items[0].Fixed {
		t.Errorf("benefits %+v", benefits)
	}
}
