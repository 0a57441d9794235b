package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// TestBrowserBillsUploadedAndReconciled uploads BPJS's bill for January
// 2025 in a real browser, reads the preview and confirms it; sees the
// arrears warning on the dashboard; and prints March 2024's berita acara
// rekonsiliasi to PDF.
func TestBrowserBillsUploadedAndReconciled(t *testing.T) {
	a := apptest.NewDemo(t)
	t.Cleanup(a.App.Close)
	ctx := context.Background()

	// Three workers covered in January 2025, as BPJS bills them.
	rows, err := a.DB.Pool().Query(ctx, `SELECT w.kpj, w.nik, w.name FROM worker w JOIN enrollment e ON e.worker_id = w.id
		WHERE w.kpj IS NOT NULL AND e.start_date <= '2025-01-01' AND e.end_date IS NULL ORDER BY w.id LIMIT 3`)
	if err != nil {
		t.Fatal(err)
	}
	file := "periode;no_tagihan;no_kpj;nik;nama;upah;iuran;iuran_jkk;iuran_jkm\n"
	for rows.Next() {
		var kpj, nik, name string
		if err := rows.Scan(&kpj, &nik, &name); err != nil {
			t.Fatal(err)
		}
		file += fmt.Sprintf("Januari 2025;TAG/CLG/2025/01;'%s;'%s;%s;1.000.000;16.800;10.000;6.800\n", kpj, nik, strings.ToUpper(name))
	}
	rows.Close()
	path := filepath.Join(t.TempDir(), "tagihan-2025-01.csv")
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}

	b := apptest.Browser(t)
	apptest.SignIn(t, b, a.TS.URL, a.User(domain.RoleDisnaker).Username)
	// The dashboard warns, calmly, of the months in arrears.
	text := apptest.Visit(t, b, a.TS.URL+"/?period=2024")
	if !strings.Contains(text, "Tunggakan iuran Rp 20.330.340") || !strings.Contains(text, "Lihat Iuran & Tagihan") {
		t.Errorf("the dashboard does not warn of the arrears:\n%s", text)
	}
	apptest.Visit(t, b, a.TS.URL+"/imports/new?kind=bills")
	err = chromedp.Do(b,
		chromedp.WaitVisible(chromedp.CSS("#file")),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{path}),
		chromedp.Click(chromedp.CSS("form[data-upload-progress] button[type=submit]")),
	)
	if err != nil {
		t.Fatal(err)
	}
	text = apptest.WaitForText(t, b, "Siap diimpor: 3 baris baru")
	if !strings.Contains(text, "Konfirmasi impor") {
		t.Fatalf("preview lacks the confirm button:\n%s", text)
	}
	if _, err := chromedp.RunResponse(b, chromedp.Click(chromedp.CSS("form[action$='/confirm'] button"))); err != nil {
		t.Fatal(err)
	}
	apptest.WaitForText(t, b, "Berhasil diimpor")
	var lines int
	_ = a.DB.Pool().QueryRow(ctx, `SELECT count(*) FROM bill_line WHERE coverage_month = '2025-01-01'`).Scan(&lines)
	if lines != 3 {
		t.Errorf("%d bill lines for January 2025, want 3", lines)
	}
	// January 2025 now has a bill nobody paid: in arrears.
	text = apptest.Visit(t, b, a.TS.URL+"/billing/2025-01")
	if !strings.Contains(text, "Rp 50.400") || !strings.Contains(text, "TAG/CLG/2025/01") {
		t.Errorf("January 2025 after the upload:\n%s", text)
	}

	// The berita acara of March 2024, printed to PDF in headless Chromium.
	resp, body := a.Get(a.Login(domain.RoleBPJS), "/billing/2024-03/reconciliation/berita-acara.pdf")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("PDF: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	pages := apptest.PDFPages(t, []byte(body))
	all := strings.Join(pages, "\n")
	for _, want := range []string{"BERITA ACARA", "MARET 2024", "Ditagih setelah kepesertaan berakhir", "Terdaftar, tidak ditagih",
		"Rp 69.636.000", "BPJS Ketenagakerjaan", "Halaman 1 dari"} {
		if !strings.Contains(all, want) {
			t.Errorf("the berita acara lacks %q:\n%s", want, all)
		}
	}
	if err := os.WriteFile(filepath.Join(os.TempDir(), "berita-acara-2024-03.pdf"), []byte(body), 0o600); err != nil {
		t.Log(err)
	}
}
