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
)

var sitiForm = url.Values{
	"nik": {"3672045707900012"}, "nama": {"Siti Aminah"}, "tanggal_lahir": {"1990-07-17"}, "jenis_kelamin": {"P"},
	"kategori": {"kader"}, "kelurahan": {"36.72.04.1005"}, "no_kpj": {"23012345678"}, "penghasilan": {""},
	"alamat": {"Jl. Raya Anyer No. 12"}, "no_hp": {"0812 3456 7890"}, "tanggal_mulai": {"2024-01-01"}, "status": {"aktif"},
}

func TestWorkerFormsCheckAsTheImportDoes(t *testing.T) {
	a := apptest.New(t)
	c := a.Login(domain.RoleDisnaker)
	for _, path := range []string{"/workers/new", "/contributions/new", "/claims/new"} {
		if resp, body := a.Get(c, path); resp.StatusCode != http.StatusOK || !strings.Contains(body, `method="post"`) {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}

	// Problems come back by field, in the import's words, with what was typed.
	resp, body := a.Post(c, "/workers", apptest.With(sitiForm, "nik", "3672045707900000", "tanggal_lahir", "1990-07-18",
		"kategori", "", "status", "meninggal", "nama", "Siti <b>Aminah</b>"))
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid worker: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "NIK: nomor urut pada digit 13–16 tidak boleh 0000", "kategori belum diisi",
		"wajib diisi bila status meninggal", `value="Siti &lt;b&gt;Aminah&lt;/b&gt;"`, `value="1990-07-18"`, `aria-invalid="true"`)
	if a.CountRows("worker") != 0 {
		t.Fatal("a refused form wrote a worker")
	}

	resp, _ = a.Post(c, "/workers", sitiForm)
	loc := resp.Header.Get("Location")
	if !regexp.MustCompile(`^/workers/\d+$`).MatchString(loc) {
		t.Fatalf("create: %d %q", resp.StatusCode, loc)
	}
	apptest.MustContain(t, a.FollowFlash(c, resp), "Peserta Siti Aminah ditambahkan.", "Kepuh", "Kader", "Ditambahkan", "Data peserta")
	_, body = a.Post(c, "/workers", apptest.With(sitiForm, "nama", "Orang Lain"))
	apptest.MustContain(t, body, "NIK 3672045707900012 sudah terdaftar sebagai peserta")

	// Corrections are audited with old and new values and show in the history.
	resp, _ = a.Post(c, loc, apptest.With(sitiForm, "nama", "Siti Aminah Rahayu", "kategori", "umkm"))
	body = a.FollowFlash(c, resp)
	apptest.MustContain(t, body, "Data peserta Siti Aminah Rahayu disimpan.", "Pelaku UMKM", "<del>Kader</del>", "<ins>Pelaku UMKM</ins>",
		"<del>Siti Aminah</del>")
	if resp, body := a.Get(c, loc+"/edit"); resp.StatusCode != http.StatusOK || !strings.Contains(body, `value="Siti Aminah Rahayu"`) {
		t.Errorf("edit form: %d", resp.StatusCode)
	}

	// Spells: an overlap is refused as the import refuses it; ending one is a change.
	resp, body = a.Post(c, loc+"/enrollments", url.Values{"tanggal_mulai": {"2023-06-01"}, "tanggal_selesai": {"2024-02-29"}, "status": {"nonaktif"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("overlapping spell: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "kepesertaan mulai 01/06/2023 bertumpang tindih dengan kepesertaan yang sudah tercatat (01/01/2024–sekarang)")
	var spell int64
	_ = a.DB.Pool().QueryRow(context.Background(), `SELECT id FROM enrollment`).Scan(&spell)
	if resp, _ := a.Get(c, "/enrollments/"+apptest.Itoa(spell)+"/end"); resp.StatusCode != http.StatusOK {
		t.Errorf("end form: %d", resp.StatusCode)
	}
	resp, body = a.Post(c, "/enrollments/"+apptest.Itoa(spell)+"/end", url.Values{"tanggal_selesai": {""}, "status": {"nonaktif"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "tanggal selesai belum diisi") {
		t.Errorf("end without a date: %d", resp.StatusCode)
	}
	resp, _ = a.Post(c, "/enrollments/"+apptest.Itoa(spell)+"/end", url.Values{"tanggal_selesai": {"2024-06-30"}, "status": {"meninggal"}})
	apptest.MustContain(t, a.FollowFlash(c, resp), "Kepesertaan mulai 1 Januari 2024 disimpan.", "30 Jun 2024", "Meninggal",
		"<del>(kosong)</del>", "<ins>30 Juni 2024</ins>")
	resp, _ = a.Post(c, "/enrollments/"+apptest.Itoa(spell)+"/delete", nil)
	apptest.MustContain(t, a.FollowFlash(c, resp), "satu-satunya kepesertaan")
	resp, _ = a.Post(c, loc+"/enrollments", url.Values{"tanggal_mulai": {"2024-08-01"}, "status": {"aktif"}})
	a.FollowFlash(c, resp)
	if resp, _ := a.Get(c, "/enrollments/"+apptest.Itoa(spell)+"/edit"); resp.StatusCode != http.StatusOK {
		t.Errorf("spell edit form: %d", resp.StatusCode)
	}
	resp, _ = a.Post(c, "/enrollments/"+apptest.Itoa(spell)+"/delete", nil)
	apptest.MustContain(t, a.FollowFlash(c, resp), "Kepesertaan dihapus.", "Dihapus")

	// A worker with a claim stays; without, they go.
	resp, body = a.Post(c, "/claims", url.Values{"nik": {"3672031203850004"}, "jenis_klaim": {"JKM"}, "tanggal_kejadian": {"2024-05-03"},
		"nominal": {"42.000.000"}, "status": {"diajukan"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "NIK 3672031203850004 belum terdaftar sebagai peserta") {
		t.Errorf("claim of an unregistered NIK: %d", resp.StatusCode)
	}
	_, body = a.Get(c, "/claims/new?worker="+strings.TrimPrefix(loc, "/workers/"))
	apptest.MustContain(t, body, `value="3672045707900012"`)
	resp, _ = a.Post(c, "/claims", url.Values{"nik": {"3672045707900012"}, "jenis_klaim": {"JKK Perawatan"}, "tanggal_kejadian": {"12/06/2024"},
		"nominal": {"Rp 3.500.000"}, "status": {"diproses"}, "no_klaim": {"KLM-1"}})
	claimLoc := resp.Header.Get("Location")
	apptest.MustContain(t, a.FollowFlash(c, resp), "Klaim JKK perawatan disimpan.", "Rp 3.500.000", "Siti Aminah Rahayu")
	_, body = a.Post(c, "/claims", url.Values{"nik": {"3672045707900012"}, "jenis_klaim": {"JKM"}, "tanggal_kejadian": {"2024-07-01"},
		"nominal": {"42000000"}, "status": {"diajukan"}, "no_klaim": {"KLM-1"}})
	apptest.MustContain(t, body, "nomor klaim KLM-1 sudah tercatat")
	resp, _ = a.Post(c, loc+"/delete", nil)
	apptest.MustContain(t, a.FollowFlash(c, resp), "tidak dapat dihapus karena punya 1 klaim tercatat")
	if resp, body := a.Get(c, claimLoc+"/edit"); resp.StatusCode != http.StatusOK || !strings.Contains(body, `value="3.500.000"`) {
		t.Errorf("claim edit form: %d", resp.StatusCode)
	}
	resp, _ = a.Post(c, claimLoc, url.Values{"nik": {"3672045707900012"}, "jenis_klaim": {"JKK_PERAWATAN"}, "tanggal_kejadian": {"2024-06-12"},
		"nominal": {"4000000"}, "status": {"dibayar"}, "tanggal_bayar": {"2024-07-01"}})
	apptest.MustContain(t, a.FollowFlash(c, resp), "<del>Rp 3.500.000</del>", "<ins>Rp 4.000.000</ins>", "<ins>Dibayar</ins>")
	resp, _ = a.Post(c, claimLoc+"/delete", nil)
	apptest.MustContain(t, a.FollowFlash(c, resp), "dihapus.")
	resp, _ = a.Post(c, loc+"/delete", nil)
	if resp.Header.Get("Location") != "/workers" || a.CountRows("worker") != 0 {
		t.Errorf("delete worker: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	var audited int
	_ = a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE entity IN ('worker', 'enrollment', 'claim')
		AND username = $1 AND (old_values IS NOT NULL OR new_values IS NOT NULL)`, a.User(domain.RoleDisnaker).Username).Scan(&audited)
	// Worker: create, update, delete; spells: 2 created, 1 ended, 2 deleted; claim: create, update, delete.
	if audited != 11 {
		t.Errorf("%d audited changes with values, want 11", audited)
	}
}

func TestContributionForms(t *testing.T) {
	a := apptest.New(t)
	c := a.Login(domain.RoleAdmin)
	form := url.Values{"periode": {"2024-01"}, "dibayar": {"69.602.400"}, "tanggal_bayar": {"2024-02-15"}, "no_sp2d": {"0123/SP2D/LS/2024"},
		"jumlah_peserta": {"4.143"}, "tagihan": {"69602400"}, "keterangan": {"Iuran Januari"}}
	resp, _ := a.Post(c, "/contributions", form)
	loc := resp.Header.Get("Location")
	apptest.MustContain(t, a.FollowFlash(c, resp), "Pembayaran iuran Januari 2024 disimpan.", "Rp 69.602.400", "4.143", "0123/SP2D/LS/2024")
	resp, body := a.Post(c, "/contributions", form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("duplicate SP2D: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "pembayaran iuran 01/2024 dengan SP2D 0123/SP2D/LS/2024 sudah tercatat", `>Iuran Januari</textarea>`)
	_, body = a.Post(c, "/contributions", apptest.With(form, "periode", "Jan 24", "dibayar", "-5"))
	apptest.MustContain(t, body, "bulan tidak valid: &#34;Jan 24&#34;", "nilai rupiah tidak boleh negatif")
	if resp, body := a.Get(c, loc+"/edit"); resp.StatusCode != http.StatusOK || !strings.Contains(body, `value="2024-01"`) {
		t.Errorf("edit form: %d", resp.StatusCode)
	}
	resp, _ = a.Post(c, loc, apptest.With(form, "dibayar", "69.000.000"))
	apptest.MustContain(t, a.FollowFlash(c, resp), "<del>Rp 69.602.400</del>", "<ins>Rp 69.000.000</ins>")
	resp, _ = a.Post(c, loc+"/delete", nil)
	if resp.Header.Get("Location") != "/contributions" || a.CountRows("contribution") != 0 {
		t.Errorf("delete: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}
