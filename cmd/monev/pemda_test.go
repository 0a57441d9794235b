package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/platform/wilayah"
)

// serangVillage is a desa of Kabupaten Serang whose name no other desa of
// it shares, so an import can name it.
func serangVillage(t *testing.T) wilayah.Region {
	t.Helper()
	villages := wilayah.Descendants("36.04", wilayah.Village)
	seen := map[string]int{}
	for _, v := range villages {
		seen[domain.NormalizeName(v.Name)]++
	}
	for _, v := range villages {
		if seen[domain.NormalizeName(v.Name)] == 1 {
			return v
		}
	}
	t.Fatal("no desa of Serang with a name of its own")
	return wilayah.Region{}
}

// TestOnboardSerangWithoutSQL is the onboarding of a second Pemda as an
// operator does it, from a fresh database and without SQL: monev pemda add,
// a Serang administrator with monev user add, a Serang import with
// monev import --pemda, Serang's dashboard over HTTP; then a user whose
// scope is the province of Banten opens both Cilegon and Serang.
func TestOnboardSerangWithoutSQL(t *testing.T) {
	url := pgdev.URL(t)
	if out, _, err := monev(t, url, "", "pemda", "add", "--code", "36.04"); err != nil ||
		!strings.Contains(out, "Kabupaten Serang (36.04) added: 29 kecamatan, 326 kelurahan/desa") {
		t.Fatalf("pemda add: %q %v", out, err)
	}
	if _, _, err := monev(t, url, "", "pemda", "add", "--code", "3604"); err == nil || !strings.Contains(err.Error(), "sudah terdaftar") {
		t.Errorf("pemda add twice: %v", err)
	}
	if _, _, err := monev(t, url, "", "pemda", "add", "--code", "36.99"); !errors.Is(err, errUsage) {
		t.Errorf("an unknown code: %v, want a usage error", err)
	}
	if _, _, err := monev(t, url, "", "pemda", "add", "--code", "36.04.01"); !errors.Is(err, errUsage) {
		t.Errorf("a kecamatan code: %v, want a usage error", err)
	}
	if out, _, err := monev(t, url, "", "pemda", "add", "--code", "36"); err != nil ||
		!strings.Contains(out, "Provinsi Banten (36) added: 155 kecamatan") {
		t.Fatalf("pemda add --code 36: %q %v", out, err)
	}
	out, _, err := monev(t, url, "", "pemda", "list")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"36       Provinsi Banten", "36.04    Kabupaten Serang", "36.72    Kota Cilegon"} {
		if !strings.Contains(out, want) {
			t.Errorf("pemda list lacks %q:\n%s", want, out)
		}
	}

	const pw = "kata-sandi-serang-2024\n"
	if out, _, err := monev(t, url, pw, "user", "add", "--username", "admin-serang", "--role", "admin",
		"--pemda", "36.04", "--password-stdin"); err != nil || !strings.Contains(out, "user admin-serang added") {
		t.Fatalf("user add --pemda 36.04: %q %v", out, err)
	}
	if out, _, err := monev(t, url, pw, "user", "add", "--username", "kanwil", "--role", "bpjs",
		"--pemda", "36", "--scope", "36", "--password-stdin"); err != nil || !strings.Contains(out, "reads 3 Pemda: 36, 3604, 3672") {
		t.Fatalf("user add --scope 36: %q %v", out, err)
	}
	if _, _, err := monev(t, url, pw, "user", "add", "--username", "x", "--role", "bpjs", "--scope", "99.99",
		"--password-stdin"); !errors.Is(err, errUsage) {
		t.Errorf("an unknown scope: %v, want a usage error", err)
	}

	dir := t.TempDir()
	village := serangVillage(t)
	writeFile(t, dir+"/peserta.csv", "nik,nama,kategori,kelurahan,tanggal_mulai\n"+
		"3604014101900001,Siti Serang,kader,"+village.Name+",01/01/2024\n"+
		"3604010202850002,Ahmad Serang,nelayan,"+village.Name+",01/01/2024\n")
	writeFile(t, dir+"/iuran.csv", "periode,dibayar,tanggal_bayar,no_sp2d\n2024-01,33600,15/01/2024,SP2D-SRG-1\n")
	if out, errOut, err := monev(t, url, "", "import", "workers", dir+"/peserta.csv", "--pemda", "36.04"); err != nil ||
		!strings.Contains(out, "2 new") {
		t.Fatalf("import workers --pemda 36.04: %q %q %v", out, errOut, err)
	}
	if out, errOut, err := monev(t, url, "", "import", "contributions", dir+"/iuran.csv", "--pemda", "3604"); err != nil ||
		!strings.Contains(out, "imported") {
		t.Fatalf("import contributions --pemda 3604: %q %q %v", out, errOut, err)
	}
	// The same file into Cilegon is refused: the desa is not Cilegon's.
	if _, errOut, err := monev(t, url, "", "import", "workers", dir+"/peserta.csv"); !errors.Is(err, errRejected) ||
		!strings.Contains(errOut, "kelurahan") {
		t.Errorf("Serang's file into Cilegon: %v %q", err, errOut)
	}

	srv := app.New(app.Config{}, pgdev.Open(t, pgdev.AppURL(url)), slog.New(slog.NewTextHandler(io.Discard, nil)))
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	get := signIn(t, ts.URL, "admin-serang", strings.TrimSpace(pw))
	code, body := get("/?period=2024-01")
	if code != http.StatusOK || !strings.Contains(body, "Kabupaten Serang") || !strings.Contains(body, "Rp 33.600") {
		t.Fatalf("Serang's dashboard: %d", code)
	}
	if strings.Contains(body, "pemda-switch") {
		t.Error("a user of one Pemda sees the Pemda switcher")
	}
	if code, _ := get("/?period=2024&pemda=36.72"); code != http.StatusForbidden {
		t.Errorf("Serang's admin opening Cilegon: %d, want 403", code)
	}
	if code, body := get("/login"); code != http.StatusSeeOther && strings.Contains(body, "Cilegon") {
		t.Errorf("the sign-in page names Cilegon")
	}

	kanwil := signIn(t, ts.URL, "kanwil", strings.TrimSpace(pw))
	code, body = kanwil("/?period=2024-01&pemda=36.04")
	if code != http.StatusOK || !strings.Contains(body, "Rp 33.600") {
		t.Fatalf("the province's user opening Serang: %d", code)
	}
	for _, want := range []string{`<option value="3604" selected>Kabupaten Serang</option>`, `<option value="3672">Kota Cilegon</option>`,
		`<option value="36">Provinsi Banten</option>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the switcher lacks %s", want)
		}
	}
	// The choice stays for the next pages, until another is made.
	if _, body := kanwil("/workers"); !strings.Contains(body, "Siti Serang") {
		t.Error("the next page is not in the chosen Pemda")
	}
	if code, _ := kanwil("/pemda?pemda=36&next=/workers"); code != http.StatusSeeOther {
		t.Errorf("switching: %d", code)
	}
	if _, body := kanwil("/workers"); strings.Contains(body, "Siti Serang") {
		t.Error("after switching to the province, Serang's workers show")
	}
	if code, _ := kanwil("/?pemda=3601"); code != http.StatusForbidden {
		t.Errorf("a Pemda not onboarded: %d, want 403", code)
	}
	code, body = kanwil("/analysis/rollup?period=2024-01")
	if code != http.StatusOK || !strings.Contains(body, ">Kota Cilegon</a>") || !strings.Contains(body, ">Kabupaten Serang</a>") ||
		!strings.Contains(body, "Rp 33.600") {
		t.Errorf("the province's roll-up: %d, Cilegon and Serang with Serang's Rp 33.600 expected", code)
	}
}

// signIn signs a cookie-keeping client in and returns a GET that answers
// the status and body without following redirects.
func signIn(t *testing.T, base, username, pw string) func(path string) (int, string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.PostForm(base+"/login", url.Values{"username": {username}, "password": {pw}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Fatalf("sign in as %s: %d %s", username, resp.StatusCode, resp.Header.Get("Location"))
	}
	return func(path string) (int, string) {
		t.Helper()
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, base+path, nil)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
}
