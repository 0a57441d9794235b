package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

func TestBudgetEditing(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RoleDisnaker)

	// The form opens on an existing version.
	_, body := a.Get(c, "/analysis/budget?period=2024&revision=1")
	apptest.MustContain(t, body, `name="ceiling"`, `value="950.000.000"`, `value="30/09/2024"`, "Ubah versi pagu")

	// Mistakes come back in Indonesian, with what was typed.
	resp, body := a.Submit(c, "/analysis/budget", url.Values{"fiscal_year": {"2025"}, "label": {""}, "ceiling": {"satu miliar"}, "decided_on": {"31/02/2025"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid pagu: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "nama versi belum diisi", "nilai rupiah tidak valid", `value="satu miliar"`, "Tahun anggaran 2025")

	// A new version of 2025 becomes the pagu in force.
	resp, _ = a.Submit(c, "/analysis/budget", url.Values{"fiscal_year": {"2025"}, "label": {"APBD Perubahan 2025"},
		"ceiling": {"1.250.000.000"}, "document": {"DPPA 2025"}, "decided_on": {"30/09/2025"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/analysis/budget?period=2025#pagu" {
		t.Fatalf("add pagu: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body = a.Get(c, "/analysis/budget?period=2025")
	apptest.MustContain(t, body, "Pagu APBD Perubahan 2025 (Rp 1.250.000.000) disimpan.", "APBD Murni 2025", "Rp 1.250.000.000", "Berlaku")

	// And an existing version can be corrected.
	resp, _ = a.Submit(c, "/analysis/budget", url.Values{"fiscal_year": {"2025"}, "revision": {"0"}, "label": {"APBD Murni 2025"},
		"ceiling": {"1.150.000.000"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("update pagu: %d", resp.StatusCode)
	}
	_, body = a.Get(c, "/analysis/budget?period=2025")
	apptest.MustContain(t, body, "Rp 1.150.000.000")
	if n := a.AuditCount("budget"); n != 2 {
		t.Errorf("%d budget entries in the audit log, want 2", n)
	}
	if resp, _ := a.Submit(a.Login(domain.RoleBPJS), "/analysis/budget", url.Values{"fiscal_year": {"2025"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("BPJS may not edit the pagu: %d", resp.StatusCode)
	}
}

func TestTargetAndWorkforceEditing(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RoleAdmin)
	_, body := a.Get(c, "/analysis/coverage?period=2024&category=rt_rw")
	apptest.MustContain(t, body, `name="target_nelayan"`, `value="400"`, `name="target_36.72.01.1001"`, `name="workforce"`, `value="172.980"`)

	resp, body := a.Submit(c, "/analysis/coverage/targets", url.Values{"year": {"2024"}, "period": {"2024"}, "scope": {""},
		"target_nelayan": {"empat ratus"}, "target_kader": {"2.650"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid target: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "jumlah tidak valid", `value="empat ratus"`, "<details class=\"editor\" open")

	resp, _ = a.Submit(c, "/analysis/coverage/targets", url.Values{"year": {"2024"}, "period": {"2024"}, "scope": {""},
		"target_nelayan": {"500"}, "target_kader": {"2.650"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/analysis/coverage?period=2024#sasaran" {
		t.Fatalf("save targets: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	// Nelayan: 332 of 500 now. RT/RW lost its Pemda-wide target, so its kelurahan targets add up instead.
	_, body = a.Get(c, "/analysis/coverage?period=2024")
	apptest.MustContain(t, body, "Sasaran tahun 2024 disimpan.", ">500<", "66,4 %")

	resp, _ = a.Submit(c, "/analysis/coverage/targets", url.Values{"year": {"2024"}, "period": {"2024"}, "category": {"nelayan"},
		"scope": {"nelayan"}, "target_36.72.03.1004": {"40"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/analysis/coverage?category=nelayan&period=2024#sasaran" {
		t.Fatalf("save kelurahan targets: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body = a.Get(c, "/analysis/coverage?period=2024&category=nelayan")
	apptest.MustContain(t, body, "Cakupan per kecamatan: Nelayan terhadap sasaran per kelurahan 2024")

	resp, body = a.Submit(c, "/analysis/coverage/workforce", url.Values{"year": {"2025"}, "period": {"2025"},
		"workforce": {"100"}, "protected": {"200"}, "target": {"55"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "tidak boleh lebih banyak dari angkatan kerja") {
		t.Errorf("protected above workforce: %d", resp.StatusCode)
	}
	resp, _ = a.Submit(c, "/analysis/coverage/workforce", url.Values{"year": {"2025"}, "period": {"2025"},
		"workforce": {"174.897"}, "workforce_source": {"BPS, Sakernas Februari 2025"}, "protected": {"80.000"},
		"protected_source": {"BPJS Ketenagakerjaan Cabang Cilegon, September 2025"}, "target": {"55,5"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save workforce: %d", resp.StatusCode)
	}
	_, body = a.Get(c, "/analysis/coverage?period=2025")
	apptest.MustContain(t, body, "45,7 %", "target 55,5 %", "BPJS Ketenagakerjaan Cabang Cilegon, September 2025", `value="55,5"`)
	if n := a.AuditCount("target") + a.AuditCount("workforce"); n != 3 {
		t.Errorf("%d target and workforce entries in the audit log, want 3", n)
	}
}
