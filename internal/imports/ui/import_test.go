package ui_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

const workersFile = "nik,nama,kategori,kelurahan,tanggal_mulai\n" +
	"3672014101900001,Siti Aminah,Kader,Kepuh,01/01/2024\n" +
	"3672010505850002,Budi Santoso,nelayan,Lebak Gede,2024-02-01\n"

func TestImportUploadPreviewConfirm(t *testing.T) {
	a := apptest.New(t)
	c := a.Login(domain.RoleDisnaker)
	resp := a.Upload(c, "workers", "peserta.csv", workersFile)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !regexp.MustCompile(`^/imports/\d+$`).MatchString(loc) {
		t.Fatalf("upload: %d %q", resp.StatusCode, loc)
	}
	body := a.WaitImport(c, loc)
	apptest.MustContain(t, body, "Sudah diperiksa", "Siap diimpor: 2 baris baru", "Konfirmasi impor 2 baris")
	if n := a.CountRows("worker"); n != 0 {
		t.Fatalf("the preview wrote %d workers", n)
	}
	resp, _ = a.Do(c, http.MethodPost, loc+"/confirm", nil, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d", resp.StatusCode)
	}
	body = a.WaitImport(c, loc)
	apptest.MustContain(t, body, "Berhasil diimpor", "2 baris baru")
	if n := a.CountRows("worker"); n != 2 {
		t.Fatalf("after confirm: %d workers, want 2", n)
	}
	// Confirming twice does nothing more.
	resp, _ = a.Do(c, http.MethodPost, loc+"/confirm", nil, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("second confirm: %d", resp.StatusCode)
	}
	_, body = a.Get(c, "/imports")
	apptest.MustContain(t, body, "peserta.csv", "Berhasil diimpor", "u-disnaker-3672")

	// The same file again is checked, and the check says nothing would change.
	resp = a.Upload(c, "workers", "peserta.csv", workersFile)
	body = a.WaitImport(c, resp.Header.Get("Location"))
	apptest.MustContain(t, body, "Tidak ada perubahan", "sudah diimpor pada")
	if strings.Contains(body, "Konfirmasi impor") {
		t.Error("a file that changes nothing offers to be imported")
	}
}

func TestImportPreviewListsEveryProblem(t *testing.T) {
	a := apptest.New(t)
	c := a.Login(domain.RoleAdmin)
	bad := "nik,nama,kategori,kelurahan,tanggal_mulai\n" +
		"12345,Siti,Kader,Kepuh,01/01/2024\n" +
		"3672010505850002,Budi,penyanyi,Kepuh,31/02/2024\n"
	resp := a.Upload(c, "workers", "salah.csv", bad)
	body := a.WaitImport(c, resp.Header.Get("Location"))
	apptest.MustContain(t, body, "Masalah dalam berkas", "NIK harus 16 digit angka", "<code>kategori</code>", "<code>tanggal_mulai</code>")
	if strings.Contains(body, "Konfirmasi impor") {
		t.Error("a file with problems offers to be imported")
	}
	// Not a spreadsheet at all, and no file.
	resp = a.Upload(c, "workers", "foto.png", "\x89PNG\r\n\x1a\nbinary")
	body = a.WaitImport(c, resp.Header.Get("Location"))
	apptest.MustContain(t, body, "Berkas harus CSV atau XLSX")
	body2, ctype := a.Multipart(map[string]string{"kind": "workers"}, "", "")
	resp, page := a.Do(c, http.MethodPost, "/imports", body2, map[string]string{"Content-Type": ctype})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Pilih berkas CSV atau XLSX") {
		t.Errorf("upload without a file: %d", resp.StatusCode)
	}
}

func TestImportUploadLimit(t *testing.T) {
	a := apptest.NewWithConfig(t, app.Config{UploadLimit: 1 << 10})
	c := a.Login(domain.RoleDisnaker)
	resp := a.Upload(c, "workers", "besar.csv", workersFile+strings.Repeat("x", 4<<10))
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("oversized upload: %d, want 422", resp.StatusCode)
	}
}

func TestAPIImport(t *testing.T) {
	a := apptest.New(t)
	token := a.Token(domain.RoleDisnaker)
	post := func(path string, fields map[string]string, content string) (int, map[string]any) {
		body, ctype := a.Multipart(fields, "peserta.csv", content)
		resp, text := a.Do(a.Client(), http.MethodPost, path, body,
			map[string]string{"Content-Type": ctype, "Authorization": "Bearer " + token})
		var out map[string]any
		if err := json.Unmarshal([]byte(text), &out); err != nil {
			t.Fatalf("%s: %s", path, text)
		}
		return resp.StatusCode, out
	}
	status, out := post("/api/v1/imports/workers", map[string]string{"dry_run": "true"}, workersFile)
	if status != http.StatusOK || out["status"] != "checked" || out["new"] != 2.0 || a.CountRows("worker") != 0 {
		t.Fatalf("dry run: %d %v", status, out)
	}
	status, out = post("/api/v1/imports/workers", nil, workersFile)
	if status != http.StatusOK || out["status"] != "imported" || a.CountRows("worker") != 2 {
		t.Fatalf("import: %d %v", status, out)
	}
	status, out = post("/api/v1/imports/workers", nil, workersFile)
	if status != http.StatusOK || out["status"] != "unchanged" {
		t.Fatalf("again: %d %v", status, out)
	}
	status, out = post("/api/v1/imports/claims", nil, "nik,jenis_klaim,tanggal_kejadian,tanggal_bayar,nominal\n3672011212880001,JKM,01/01/2024,01/02/2024,42000000\n")
	problems, _ := out["problems"].([]any)
	if status != http.StatusUnprocessableEntity || out["status"] != "rejected" || len(problems) == 0 {
		t.Fatalf("claims with problems: %d %v", status, out)
	}
	first, _ := problems[0].(map[string]any)
	if first["line"] != 2.0 || first["column"] != "nik" {
		t.Errorf("first problem %v", first)
	}
	if status, _ := post("/api/v1/imports/salaries", nil, workersFile); status != http.StatusNotFound {
		t.Errorf("unknown kind: %d", status)
	}
}

func TestImportTemplates(t *testing.T) {
	a := apptest.New(t)
	c := a.Login(domain.RolePimpinan)
	resp, body := a.Get(c, "/imports/templates/peserta.csv")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "nik") || !strings.Contains(resp.Header.Get("Content-Disposition"), "templat-peserta.csv") {
		t.Errorf("CSV template: %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	resp, body = a.Get(c, "/imports/templates/klaim.xlsx")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "PK") {
		t.Errorf("XLSX template: %d", resp.StatusCode)
	}
	if resp, _ := a.Get(c, "/imports/templates/gaji.csv"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown template: %d", resp.StatusCode)
	}
}
