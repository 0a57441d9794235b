package ui_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

func TestAnalysisBalancePage(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RolePimpinan)
	resp, body := a.Get(c, "/analysis/balance?from=2024-01&to=2024-07&basis=cash")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "Januari–Juli 2024 · basis kas", "Rp 480.457.660", "Rp 790.000.000", "−Rp 309.542.340", "164,4 %",
		"Rp 1,64", "DEFISIT",
		// Claims by type: 12 JKM, 3 JKK deaths, one disability, two care claims, two scholarships.
		"Jaminan Kematian (JKM)", "Rp 504.000.000", "Rp 210.000.000", "Rp 56.000.000", "Rp 15.000.000", "Rp 5.000.000",
		// The year before and the charts with their text alternatives.
		"Januari–Juli 2023", "Iuran dan klaim bulanan · Januari–Juli 2024 · basis kas", "Saldo kumulatif sejak awal program",
		`role="img"`, "<desc",
		// Drill-down links to the rows behind the figures.
		`href="/contributions?paid_from=2024-01-01&amp;paid_to=2024-07-31"`,
		`href="/claims?paid_from=2024-01-01&amp;paid_to=2024-07-31&amp;status=dibayar&amp;type=JKM"`,
		`href="/workers?active_on=2024-07-31"`,
		`href="/analysis/balance.csv?basis=cash&amp;by=month&amp;period=2024-01..2024-07&amp;table=series"`)

	// The whole year: the claims still in process are the expected liability.
	_, body = a.Get(c, "/analysis/balance?period=2024&basis=cash&by=quarter")
	apptest.MustContain(t, body, "Triwulan I 2024", "Triwulan IV 2024", "Perkiraan kewajiban", "Rp 47.300.000", "Diajukan", "Diproses",
		`href="/claims?incident_to=2024-12-31&amp;status=diajukan&amp;type=JKM"`, "1 klaim ditolak")

	// Accrual basis: the iuran due for the coverage months (the billing
	// ledger) against the claims incurred, whatever their status.
	_, body = a.Get(c, "/analysis/balance?period=2024-Q1&basis=accrual")
	apptest.MustContain(t, body, "Triwulan I 2024 · basis akrual", `href="/billing?from=2024-01&amp;to=2024-03"`,
		`href="/claims?incident_from=2024-01-01&amp;incident_to=2024-03-31&amp;status=tidak_ditolak"`, "Iuran terutang", "Klaim terjadi")

	for _, q := range []string{"period=2024-Q9", "period=2024&by=decade"} {
		resp, body := a.Get(c, "/analysis/balance?"+q)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `class="notice"`) {
			t.Errorf("%s: %d, want 400 with a notice", q, resp.StatusCode)
		}
	}
}

func TestAnalysisReconciliationPage(t *testing.T) {
	a := apptest.NewDemo(t)
	a.App.Now = func() time.Time { return time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC) }
	c := a.Login(domain.RoleBPJS)
	resp, body := a.Get(c, "/analysis/reconciliation?period=2023")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	// March 2023 was paid on 22 May, after its due date of 15 April.
	apptest.MustContain(t, body, "Tahun 2023", "Terlambat: dibayar 22 Mei 2023, jatuh tempo 15 April 2023", "1 bulan perlu diperiksa",
		`href="/analysis/reconciliation/2023-03"`, `href="/contributions?from=2023-03&amp;to=2023-03"`, "Rp 16.800")

	// The short payment of May 2024 (Rp 5.540) is below one worker-month: shown, not flagged.
	_, body = a.Get(c, "/analysis/reconciliation?period=2024")
	apptest.MustContain(t, body, "−Rp 5.540", "+Rp 5.540")
	if strings.Contains(body, "bulan perlu diperiksa") {
		t.Error("2024 has a flagged month")
	}

	// One month in detail, with the spells that ended in the three months before.
	_, body = a.Get(c, "/analysis/reconciliation/2024-07")
	apptest.MustContain(t, body, "Bulan kepesertaan Juli 2024", "Kemungkinan masih ditagih", "1 April 2024", "30 Juni 2024", "Nonaktif")
	nik := regexp.MustCompile(`\b3[0-9]{15}\b`)
	if !nik.MatchString(body) {
		t.Error("BPJS officers see NIKs in full")
	}
	_, body = a.Get(a.Login(domain.RolePimpinan), "/analysis/reconciliation/2024-07")
	if nik.MatchString(body) || !strings.Contains(body, "••••") {
		t.Error("pimpinan sees a full NIK")
	}
	if resp, _ := a.Get(c, "/analysis/reconciliation/2024-13"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a month that does not exist: %d", resp.StatusCode)
	}
}

func TestAnalysisBudgetPage(t *testing.T) {
	a := apptest.NewDemo(t)
	a.App.Now = func() time.Time { return time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC) }
	c := a.Login(domain.RolePimpinan)
	resp, body := a.Get(c, "/analysis/budget?from=2024-01&to=2024-07")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	// Pagu in force: the APBD perubahan. Realisasi January–July 2024 is the meeting's iuran.
	apptest.MustContain(t, body, "Tahun anggaran 2024 · realisasi sampai Juli 2024", "Rp 950.000.000", "APBD Perubahan 2024", "Berlaku",
		"Realisasi s.d. Juli 2024", "Rp 480.457.660", "50,6 %", "Rp 902.294.400", "95,0 %", "Rp 47.705.600",
		"tahun anggaran sudah berakhir", `href="/contributions?paid_from=2024-01-01&amp;paid_to=2024-07-31"`)
	if strings.Contains(body, `name="ceiling"`) {
		t.Error("pimpinan sees the pagu form")
	}
	_, body = a.Get(c, "/analysis/budget?period=2026")
	apptest.MustContain(t, body, "Pagu tahun anggaran 2026 belum diisi")
}

func TestAnalysisCoveragePage(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RolePimpinan)
	resp, body := a.Get(c, "/analysis/coverage?period=2024")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "Peserta aktif pada 31 Desember 2024 · sasaran tahun 2024",
		// Nelayan: 332 active of a target of 400; 68 short, Rp 13.708.800 a year.
		"Nelayan", ">332<", ">400<", "83,0 %", ">68<", "Rp 13.708.800",
		"Cibeber", "kec-toggle", `class="kel"`, "Ketua RT/RW", "41,7 %", "BPS Kota Cilegon, Sakernas Agustus 2024",
		`href="/workers?active_on=2024-12-31&amp;category=nelayan"`, `href="/workers?active_on=2024-12-31&amp;kecamatan=36.72.01"`,
		`href="/workers?active_on=2024-12-31&amp;kelurahan=36.72.01.1001"`)
	_, body = a.Get(c, "/analysis/coverage?period=2024&category=nelayan")
	apptest.MustContain(t, body, "Belum ada sasaran per kelurahan tahun 2024 untuk kategori Nelayan",
		`href="/workers?active_on=2024-12-31&amp;category=nelayan&amp;kecamatan=36.72.04"`)
	if resp, _ := a.Get(c, "/analysis/coverage?period=2024&category=astronot"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown category: %d", resp.StatusCode)
	}
}

func TestAnalysisExports(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RolePimpinan)

	resp, body := a.Get(c, "/analysis/balance.csv?from=2024-01&to=2024-07&basis=cash")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), "iuran-klaim-2024-01-2024-07-kas.csv") {
		t.Fatalf("csv: %d %s %s", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"))
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	last := rows[len(rows)-1]
	if len(rows) != 9 || last[0] != "Januari–Juli 2024" || last[4] != "480457660" || last[5] != "790000000" || last[9] != "-309542340" || last[10] != "164.4" {
		t.Errorf("csv: %d rows, last %v", len(rows), last)
	}

	resp, body = a.Get(c, "/analysis/balance.xlsx?period=2024&basis=cash&table=claims")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("xlsx: %d", resp.StatusCode)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	if v, _ := f.GetCellValue(sheet, "B2", excelize.Options{RawCellValue: true}); v != "Jaminan Kematian (JKM)" {
		t.Errorf("B2 = %q", v)
	}
	if typ, _ := f.GetCellType(sheet, "D2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("D2 is not a number cell: %v", typ)
	}
	if v, _ := f.GetCellValue(sheet, "C2", excelize.Options{RawCellValue: true}); v != "15" {
		t.Errorf("JKM count %q, want 15", v)
	}
	if v, _ := f.GetCellValue(sheet, "D2", excelize.Options{RawCellValue: true}); v != "630000000" {
		t.Errorf("JKM amount %q, want 630000000", v)
	}

	for path, want := range map[string]string{
		"/analysis/reconciliation.csv?period=2023":                "Terlambat: dibayar 22 Mei 2023",
		"/analysis/budget.csv?period=2024":                        "902294400",
		"/analysis/budget.csv?period=2024&table=versions":         "APBD Perubahan 2024",
		"/analysis/coverage.csv?period=2024":                      "nelayan,Nelayan,,332,332,400,83,68,13708800",
		"/analysis/coverage.xlsx?period=2024&table=kelurahan":     "",
		"/analysis/coverage.csv?period=2024&table=kecamatan":      "36.72.01,Cibeber",
		"/analysis/reconciliation.xlsx?from=2020-08&to=2021-02":   "",
		"/analysis/balance.csv?period=2023&basis=accrual&by=year": "Tahun 2023",
	} {
		resp, body := a.Get(c, path)
		if resp.StatusCode != http.StatusOK || (want != "" && !strings.Contains(body, want)) {
			t.Errorf("%s: %d, lacks %q", path, resp.StatusCode, want)
		}
	}
	if resp, _ := a.Get(c, "/analysis/balance.pdf"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown format: %d", resp.StatusCode)
	}
	if resp, _ := a.Get(c, "/analysis/balance.csv?period=2024-Q9"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad period: %d", resp.StatusCode)
	}
	var n int
	if err := a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = 'analysis'`).Scan(&n); err != nil || n != 10 {
		t.Errorf("%d exports in the audit log, %v; want 10", n, err)
	}
}
