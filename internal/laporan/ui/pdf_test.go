package ui_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/laporan/ui"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/settings"
)

// finalReport is the ID of the demo's signed July 2024 report.
func finalReport(a *apptest.App) int64 {
	a.T.Helper()
	list, err := a.Reports().Reports(context.Background(), "3672", laporan.Final)
	if err != nil || len(list) == 0 {
		a.T.Fatalf("the demo has no final report: %v", err)
	}
	return list[0].ID
}

// pdfPages writes a PDF to a file and reads it back with poppler-utils:
// its text, page by page.
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 40)])
	}
	file := filepath.Join(t.TempDir(), "laporan.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (apt-get install poppler-utils): %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}

// TestReportPDF prints the demo's July 2024 report and its summary for the
// Walikota to PDF as pimpinan, and reads them back.
func TestReportPDF(t *testing.T) {
	a := apptest.NewDemo(t)
	t.Cleanup(a.App.Close)
	pim := a.Login(domain.RolePimpinan)
	id := finalReport(a)

	resp, body := a.Get(pim, reportPath(id)+".pdf")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), `filename="laporan-monev-2024-01..2024-07.pdf"`) {
		t.Fatalf("PDF: %d %s %s", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"))
	}
	pages := pdfPages(t, []byte(body))
	if n := len(pages); n < 10 || n > 20 {
		t.Errorf("%d pages, want 10 to 20", n)
	}
	first, all := pages[0], strings.Join(pages, "\n")
	for _, want := range []string{"PEMERINTAH KOTA CILEGON", "DINAS TENAGA KERJA", "RINGKASAN EKSEKUTIF", "Rp 480.457.660",
		"Rp 790.000.000", "−Rp 309.542.340", "164,4 %", "REKOMENDASI UTAMA", "Halaman 1 dari"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first page lacks %q", want)
		}
	}
	for _, want := range []string{"LEMBAR PENGESAHAN", "BAB I", "PENDAHULUAN", "BAB II", "BAB III", "BAB IV", "Zuka Resto Iga Konro",
		"Rabu, 17 Juli 2024", "Rp 221.760.000", "Mengetahui,", "Drs. H. Ahmad Suhendi, M.Si.", "NIP 19680512 199403 1 007",
		"Cilegon, 31 Juli 2024", "DAFTAR HADIR", "SHA-256"} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	last := pages[len(pages)-1]
	if !strings.Contains(last, "Halaman "+apptest.Itoa(int64(len(pages)))+" dari "+apptest.Itoa(int64(len(pages)))) {
		t.Errorf("the last page is not numbered:\n%s", last)
	}

	resp, body = a.Get(pim, reportPath(id)+"/summary.pdf")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("summary PDF: %d", resp.StatusCode)
	}
	summary := pdfPages(t, []byte(body))
	if len(summary) != 1 || !strings.Contains(summary[0], "RINGKASAN UNTUK WALI KOTA CILEGON") || !strings.Contains(summary[0], "Rp 790.000.000") {
		t.Errorf("summary: %d pages\n%s", len(summary), strings.Join(summary, "\f"))
	}

	var exports int
	a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = 'report'`).Scan(&exports)
	if exports != 2 {
		t.Errorf("%d PDF downloads audited, want 2", exports)
	}
	drafts, _ := a.Reports().Reports(context.Background(), "3672", laporan.Draft)
	if resp, _ := a.Get(pim, reportPath(drafts[0].ID)+".pdf"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("pimpinan downloads a draft: %d", resp.StatusCode)
	}
}

// BenchmarkReportPDF measures the PDF of the July 2024 monev report with a
// warm browser, as the server makes it for GET /reports/{id}.pdf.
func BenchmarkReportPDF(b *testing.B) {
	ctx := context.Background()
	db := pgdev.New(b)
	if err := demo.Load(ctx, db, domain.OperatorActor("3672", "bench")); err != nil {
		b.Fatal(err)
	}
	set := settings.NewService(db)
	reports := laporan.NewService(db, analysis.NewService(db, set, contributions.NewService(db, set)))
	docs := ui.NewDocuments(reports, set, auth.NewService(db), audit.New(db), "")
	defer docs.Close()
	list, err := reports.Reports(ctx, "3672", laporan.Final)
	if err != nil || len(list) == 0 {
		b.Fatalf("no final report: %v", err)
	}
	u := domain.User{Pemda: "3672", Username: "bench", Role: domain.RolePimpinan}
	actor := domain.OperatorActor("3672", "bench")
	if _, _, err := docs.PDF(ctx, u, actor, list[0].ID, false); err != nil {
		b.Fatal(err) // the first one starts the browser
	}
	for b.Loop() {
		if _, _, err := docs.PDF(ctx, u, actor, list[0].ID, false); err != nil {
			b.Fatal(err)
		}
	}
}
