package ui_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

// TestGuides: every role has a guide covering the monthly cycle, the
// meeting's report and the follow-ups; /panduan opens the reader's own;
// every page links to it.
func TestGuides(t *testing.T) {
	a := apptest.New(t)
	bpjs := a.Login(domain.RoleBPJS)
	resp, _ := a.Do(bpjs, http.MethodGet, "/panduan", nil, nil)
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/panduan/bpjs" {
		t.Errorf("/panduan: %d %q", resp.StatusCode, loc)
	}
	for _, r := range domain.Roles {
		resp, body := a.Get(bpjs, "/panduan/"+string(r))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", r, resp.StatusCode)
		}
		apptest.MustContain(t, body, "Panduan "+r.Label(), "Tagihan masuk", "Bayar", "Rekonsiliasi", "Rapat monev",
			"Tulis", "Kirim", "Tinjau", "Setujui", "Tanda tangan", "Cetak", `href="/followups"`)
		if admin := strings.Contains(body, "Administrasi"); admin != (r == domain.RoleAdmin) {
			t.Errorf("%s: administration section shown = %v", r, admin)
		}
	}
	_, body := a.Get(bpjs, "/panduan/bpjs")
	apptest.MustContain(t, body, "Anda memperbarui butir milik BPJS Ketenagakerjaan.")
	if resp, _ := a.Get(bpjs, "/panduan/walikota"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown role: %d", resp.StatusCode)
	}
	_, body = a.Get(a.Login(domain.RolePimpinan), "/")
	apptest.MustContain(t, body, `<a href="/panduan">Panduan penggunaan</a>`, `href="/panduan">Panduan</a>`)
}
