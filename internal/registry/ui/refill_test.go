package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/domain/domaintest"
	"github.com/cilegon/monev/internal/registry"
)

// TestRefillAFreedQuota ends a worker's coverage, fills the waiting list by
// form, chooses the first candidate offered on the worker's page and reads
// who replaced whom on both workers' pages, the list and its export.
func TestRefillAFreedQuota(t *testing.T) {
	a := apptest.New(t)
	ctx := context.Background()
	end := domaintest.Date("2024-05-31")
	old, err := a.Registry().CreateWorker(ctx, domaintest.Actor, registry.Worker{NIK: "3672014101900001", Name: "Siti Aminah",
		CategoryCode: "kader", KelurahanCode: "36.72.04.1005", Income: domain.DefaultIncome,
		Enrollments: []registry.Enrollment{{Start: domaintest.Date("2024-01-01"), End: &end, Status: domain.StatusDeceased}}})
	if err != nil {
		t.Fatal(err)
	}
	c := a.Login(domain.RoleDisnaker)
	add := func(nik, name, cat, kel, prio, source, day string) (*http.Response, string) {
		return a.Post(c, "/waiting-list", url.Values{"nik": {nik}, "nama": {name}, "kategori": {cat}, "kelurahan": {kel},
			"prioritas": {prio}, "sumber_prioritas": {source}, "tanggal_usulan": {day}})
	}
	// Bad rows are named by field in Bahasa Indonesia.
	resp, body := add("12345", "", "penyanyi", "Kepuh", "0", "", "31/02/2024")
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a bad candidate: status %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "16 digit", "prioritas harus bilangan 1–99")
	// A registered worker is not a candidate.
	if resp, body := add("3672014101900001", "Siti", "Kader", "Kepuh", "1", "", "2024-06-01"); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "sudah terdaftar sebagai peserta") {
		t.Fatalf("a registered NIK: %d", resp.StatusCode)
	}
	for _, cand := range [][]string{
		{"3672015505900003", "Rina Lestari", "Kader", "Kepuh", "2", "Usulan kelurahan", "2024-03-01"},
		{"3672010505850002", "Budi Santoso", "kader", "Kepuh", "1", "DTSEN desil 1", "2024-04-10"},
		{"3672010505850004", "Ahmad Fauzi", "kader", "Kepuh", "1", "DTSEN desil 1", "2024-04-01"},
		{"3672010505850005", "Dedi Nelayan", "nelayan", "Kepuh", "1", "DTSEN desil 1", "2024-01-01"}, // another category
	} {
		if resp, body := add(cand[0], cand[1], cand[2], cand[3], cand[4], cand[5], cand[6]); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("add %s: %d\n%s", cand[1], resp.StatusCode, body)
		}
	}
	if resp, _ := add("3672010505850002", "Budi", "kader", "Kepuh", "1", "", "2024-04-10"); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("the same NIK twice: %d", resp.StatusCode)
	}

	// The worker's page offers the kader of Kepuh: priority 1 by date, then priority 2.
	_, body = a.Get(c, "/workers/"+apptest.Itoa(old.ID))
	apptest.MustContain(t, body, "Kuota dan pengganti", "Pilih sebagai pengganti")
	ahmad, budi, rina := strings.Index(body, "Ahmad Fauzi"), strings.Index(body, "Budi Santoso"), strings.Index(body, "Rina Lestari")
	if ahmad < 0 || budi < ahmad || rina < budi || strings.Contains(body, "Dedi Nelayan") {
		t.Fatalf("candidates offered out of order or from another category: %d %d %d", ahmad, budi, rina)
	}
	m := regexp.MustCompile(`action="(/enrollments/\d+/refill)"[^>]*>\s*<input type="hidden" name="candidate" value="(\d+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no refill form")
	}
	apptest.MustContain(t, body, `value="2024-06-01"`) // the day after the spell ended

	// Pimpinan reads counts only.
	p := a.Login(domain.RolePimpinan)
	for _, path := range []string{"/waiting-list", "/replacements", "/replacements/export.csv"} {
		if resp, _ := a.Get(p, path); resp.StatusCode != http.StatusForbidden {
			t.Errorf("pimpinan %s: %d", path, resp.StatusCode)
		}
	}
	if resp, _ := a.Post(p, m[1], url.Values{"candidate": {m[2]}, "tanggal_mulai": {"2024-06-01"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("pimpinan refilled: %d", resp.StatusCode)
	}
	_, body = a.Get(p, "/quota")
	apptest.MustContain(t, body, "Kuota peserta", "Kader")
	if strings.Contains(body, "Ahmad") || nikPattern.MatchString(body) {
		t.Error("the quota page names persons")
	}

	// A start on or before the end is refused.
	if resp, _ := a.Post(c, m[1], url.Values{"candidate": {m[2]}, "tanggal_mulai": {"2024-05-31"}}); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("a start before the end: %d", resp.StatusCode)
	}
	resp, _ = a.Post(c, m[1], url.Values{"candidate": {m[2]}, "tanggal_mulai": {"2024-06-01"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("refill: %d", resp.StatusCode)
	}
	nw, err := a.Registry().WorkerByNIK(ctx, "3672", "3672010505850004")
	if err != nil {
		t.Fatal(err)
	}
	if len(nw.Enrollments) != 1 || !nw.Enrollments[0].Start.Equal(domaintest.Date("2024-06-01")) || nw.CategoryCode != "kader" ||
		nw.Enrollments[0].Status != domain.StatusActive {
		t.Fatalf("the new worker: %+v", nw)
	}
	if resp.Header.Get("Location") != "/workers/"+apptest.Itoa(nw.ID) {
		t.Errorf("refill went to %q", resp.Header.Get("Location"))
	}
	// Twice is refused: the quota is filled.
	if resp, _ := a.Post(c, m[1], url.Values{"candidate": {m[2]}, "tanggal_mulai": {"2024-06-01"}}); resp.StatusCode != http.StatusConflict {
		t.Fatalf("a second refill: %d", resp.StatusCode)
	}
	_, body = a.Get(c, "/workers/"+apptest.Itoa(nw.ID))
	apptest.MustContain(t, body, "Menggantikan", "Siti Aminah", "1 Juni 2024")
	_, body = a.Get(c, "/workers/"+apptest.Itoa(old.ID))
	apptest.MustContain(t, body, "Digantikan oleh", "Ahmad Fauzi")
	if strings.Contains(body, "Pilih sebagai pengganti") {
		t.Error("a refilled quota is offered again")
	}
	_, body = a.Get(c, "/replacements")
	apptest.MustContain(t, body, "Siti Aminah", "Ahmad Fauzi", "DTSEN desil 1", "31 Mei 2024", "Meninggal")
	resp, body = a.Get(c, "/replacements/export.csv")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("export: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "nik_diganti", "Siti Aminah", "Ahmad Fauzi", "3672010505850004", "2024-06-01")
	if a.AuditCount("quota_replacement") != 1 || a.AuditCount("waiting_candidate") != 4 {
		t.Errorf("audit: %d refills, %d candidates", a.AuditCount("quota_replacement"), a.AuditCount("waiting_candidate"))
	}
	_, body = a.Get(c, "/waiting-list")
	if strings.Contains(body, "Ahmad Fauzi") {
		t.Error("the chosen candidate still waits")
	}
	apptest.MustContain(t, body, "Rina Lestari", "Budi Santoso", "Pemakaian kuota hari ini")
}

func TestImportTheWaitingList(t *testing.T) {
	a := apptest.New(t)
	ctx := context.Background()
	if _, err := a.Registry().CreateWorker(ctx, domaintest.Actor, registry.Worker{NIK: "3672014101900001", Name: "Siti Aminah",
		CategoryCode: "kader", KelurahanCode: "36.72.04.1005", Income: domain.DefaultIncome,
		Enrollments: []registry.Enrollment{{Start: domaintest.Date("2024-01-01"), Status: domain.StatusActive}}}); err != nil {
		t.Fatal(err)
	}
	c := a.Login(domain.RoleDisnaker)
	const header = "nik,nama,kelurahan,kategori,sumber_prioritas,prioritas,tanggal_usulan\n"
	bad := header +
		"3672014101900001,Siti Aminah,Kepuh,Kader,DTSEN desil 1,1,01/03/2024\n" + // already a worker
		"12345,Budi,Kepuh,Kader,,1,01/03/2024\n" +
		"3672010505850002,Budi Santoso,Kepuh,penyanyi,,0,31/02/2024\n" +
		"3672010505850004,Ahmad Fauzi,Kepuh,kader,,1,01/04/2024\n" +
		"3672010505850004,Ahmad Fauzi,Kepuh,kader,,1,01/04/2024\n" // twice
	up := a.Upload(c, "waiting", "daftar-tunggu.csv", bad)
	loc := up.Header.Get("Location")
	if up.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d", up.StatusCode)
	}
	body := apptest.PageText(a.WaitImport(c, loc))
	apptest.MustContain(t, body, "sudah terdaftar sebagai peserta", "16 digit", "kategori", "prioritas harus bilangan 1–99",
		"NIK 3672010505850004 sudah ada di baris 5")
	if resp, _ := a.Post(c, loc+"/confirm", nil); resp.StatusCode == http.StatusSeeOther {
		a.WaitImport(c, loc)
	}
	if n := a.CountRows("waiting_candidate"); n != 0 {
		t.Fatalf("a file with problems wrote %d candidates", n)
	}
	good := header +
		"3672015505900003,Rina Lestari,Kepuh,Kader,Usulan kelurahan,2,01/03/2024\n" +
		"3672010505850004,Ahmad Fauzi,Lebak Gede,nelayan,DTSEN desil 1,,2024-04-01\n"
	for i, want := range []string{"Berhasil diimpor: 2 baris baru", "Tidak ada perubahan"} {
		loc := a.Upload(c, "waiting", "daftar-tunggu.csv", good).Header.Get("Location")
		body := a.WaitImport(c, loc)
		if i == 0 {
			apptest.MustContain(t, body, "Konfirmasi impor")
			a.Post(c, loc+"/confirm", nil)
			body = a.WaitImport(c, loc)
		}
		apptest.MustContain(t, body, want)
	}
	cs, err := a.Registry().Candidates(ctx, "3672", "", "")
	if err != nil || len(cs) != 2 {
		t.Fatalf("%d candidates, err %v", len(cs), err)
	}
	for _, cd := range cs {
		if cd.NIK == "3672010505850004" && (cd.Priority != 10 || cd.KelurahanCode == "36.72.04.1005" || cd.CategoryCode != "nelayan") {
			t.Errorf("imported %+v", cd)
		}
	}
	_, body = a.Get(c, "/imports/templates/daftar_tunggu.csv")
	apptest.MustContain(t, body, "nik", "sumber_prioritas", "tanggal_usulan")
}
