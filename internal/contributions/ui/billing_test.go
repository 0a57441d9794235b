package ui_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// The demo's 2024 ledger, judged today (December 2026): May 2024 is short
// by Rp 5.540 (the SP2D's rounding, made good on July's payment) and
// October 2024 was paid only in part, Rp 50.000.000 of Rp 70.324.800.
// Every month was paid around the 10th of the next, after its due date.

func TestBillingPage(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RoleBPJS)
	resp, body := a.Get(c, "/billing?period=2024")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "Iuran &amp; Tagihan", "Tahun 2024",
		"Ada tunggakan iuran Rp 20.330.340 untuk 2 bulan kepesertaan", "Yang terlama Mei 2024, jatuh tempo 15 Mei 2024",
		"Kurang bayar Rp 5.540", "Kurang bayar Rp 20.324.800", "Lebih bayar Rp 5.540", "Terlambat: dibayar",
		// 15 June 2024 was a Saturday.
		"17 Jun 2024", `href="/billing/2024-03"`, `href="/billing/export.csv?from=2024-01&amp;to=2024-12"`)

	// Judged on the day of the meeting, 17 July 2024: July not yet paid (due the 15th), October not yet billed.
	_, body = a.Get(c, "/billing?period=2024&as_of=2024-07-17")
	apptest.MustContain(t, body, "dinilai per 17 Juli 2024", "Ada tunggakan iuran Rp 70.380.740 untuk 2 bulan kepesertaan")

	for _, q := range []string{"period=2024-Q9", "as_of=2024-13-01", "from=2000-01&to=2024-12"} {
		if resp, _ := a.Get(c, "/billing?"+q); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", q, resp.StatusCode)
		}
	}

	// One month: its payments, its bill, the reconciliation's tally.
	_, body = a.Get(c, "/billing/2024-03")
	apptest.MustContain(t, body, "Bulan kepesertaan Maret 2024", "Jatuh tempo 15 Maret 2024", "TAG/CLG/2024/03",
		"Ditagih setelah kepesertaan berakhir", "Terdaftar, tidak ditagih", `href="/billing/2024-03/reconciliation?kind=billed_after_end"`)
	if resp, _ := a.Get(c, "/billing/2024-13"); resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusNotFound {
		t.Errorf("a month that does not exist: %d", resp.StatusCode)
	}
	// The old reconciliation pages lead here.
	resp, _ = a.Do(c, http.MethodGet, "/analysis/reconciliation/2024-03", nil, nil)
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/billing/2024-03" {
		t.Errorf("old address: %d → %s", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestReconciliationPage(t *testing.T) {
	a := apptest.NewDemo(t)
	bpjs := a.Login(domain.RoleBPJS)
	nik := regexp.MustCompile(`\b3[0-9]{15}\b`)
	for month, kind := range map[string]string{"2024-03": "billed_after_end", "2024-04": "duplicate_line", "2024-05": "billed_not_registered",
		"2024-06": "amount_mismatch"} {
		_, body := a.Get(bpjs, "/billing/"+month+"/reconciliation?kind="+kind)
		apptest.MustContain(t, body, "Rekonsiliasi per peserta")
		if !nik.MatchString(body) {
			t.Errorf("%s %s: BPJS officers see no NIK in full", month, kind)
		}
		if strings.Contains(body, "Tidak ada.") {
			t.Errorf("%s has no finding of kind %s", month, kind)
		}
	}
	// June: the worker reporting Rp 2.000.000 is billed at the lowest band.
	_, body := a.Get(bpjs, "/billing/2024-06/reconciliation?kind=amount_mismatch")
	apptest.MustContain(t, body, "Rp 16.800", "Rp 26.800", "−Rp 10.000")

	// Pimpinan reads the month's figures, never the persons behind them.
	pimpinan := a.Login(domain.RolePimpinan)
	if resp, _ := a.Get(pimpinan, "/billing/2024-03/reconciliation"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("pimpinan opens the per-worker reconciliation: %d", resp.StatusCode)
	}
	_, body = a.Get(pimpinan, "/billing/2024-03")
	apptest.MustContain(t, body, "Ditagih setelah kepesertaan berakhir", "Rincian per peserta hanya untuk staf Disnaker dan BPJS")
	if nik.MatchString(body) || strings.Contains(body, "/reconciliation") || strings.Contains(body, `href="/workers`) {
		t.Error("pimpinan's month page leads to persons")
	}

	resp, body := a.Get(bpjs, "/billing/2024-03/reconciliation/export.csv?kind=billed_after_end")
	if resp.StatusCode != http.StatusOK || strings.Count(body, "\n") != 2 || !strings.Contains(body, "Ditagih setelah kepesertaan berakhir") {
		t.Errorf("export: %d\n%s", resp.StatusCode, body)
	}
	resp, body = a.Get(bpjs, "/billing/2024-03/reconciliation/print")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("print: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "Berita Acara", "bulan kepesertaan Maret 2024", "Rincian temuan yang perlu ditindaklanjuti (2)",
		"BPJS Ketenagakerjaan", "Dinas Tenaga Kerja")
	var printed, exported int
	_ = a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FILTER (WHERE action = 'print'), count(*) FILTER (WHERE action = 'export')
		FROM audit_log WHERE entity = 'bill'`).Scan(&printed, &exported)
	if printed != 1 || exported != 1 {
		t.Errorf("audit: %d prints, %d exports; want 1 and 1", printed, exported)
	}
}

// billingItem is the pinned API form of a month of the ledger.
type billingItem struct {
	Month       string `json:"month"`
	Billed      int64  `json:"billed"`
	Expected    int64  `json:"expected"`
	Paid        int64  `json:"paid"`
	Outstanding int64  `json:"outstanding"`
	DueDate     string `json:"due_date"`
	PaidLate    bool   `json:"paid_late"`
	Overdue     bool   `json:"overdue"`
	DaysOverdue int64  `json:"days_overdue"`
}

func TestBillingAPI(t *testing.T) {
	a := apptest.NewDemo(t)
	token := a.Token(domain.RolePimpinan)
	var got struct{ Items []billingItem }
	if st := a.APIJSON(token, "/api/v1/billing?from=2024-05&to=2024-07&as_of=2024-07-17", &got); st != http.StatusOK {
		t.Fatalf("status %d", st)
	}
	want := []billingItem{
		// May: short by Rp 5.540 since 10 June; due 15 May, 63 days before 17 July.
		{"2024-05", 69_602_400, 69_602_400, 69_596_860, 5_540, "2024-05-15", true, true, 63},
		// June: due Monday 17 June (the 15th was a Saturday), paid 10 July.
		{"2024-06", 70_358_400, 70_368_400, 70_358_400, 0, "2024-06-17", true, false, 0},
		// July: due 15 July, paid only on 9 August.
		{"2024-07", 70_375_200, 70_385_200, 0, 70_375_200, "2024-07-15", false, true, 2},
	}
	if len(got.Items) != len(want) {
		t.Fatalf("%d items", len(got.Items))
	}
	for i, w := range want {
		if got.Items[i] != w {
			t.Errorf("got  %+v\nwant %+v", got.Items[i], w)
		}
	}
	for _, q := range []string{"from=2024-05", "from=2024-05&to=2024-07&as_of=17-07-2024", "from=2000-01&to=2024-12"} {
		if resp, body := a.API(token, "/api/v1/billing?"+q); resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "detail") {
			t.Errorf("%s: %d %s", q, resp.StatusCode, body)
		}
	}
}

func TestReconciliationAPI(t *testing.T) {
	a := apptest.NewDemo(t)
	type item struct{ Kind, KPJ, NIK, Name string }
	var got struct {
		Month  string
		Counts map[string]int64
		Items  []item
	}
	if st := a.APIJSON(a.Token(domain.RoleBPJS), "/api/v1/billing/reconciliation?month=2024-03", &got); st != http.StatusOK {
		t.Fatalf("status %d", st)
	}
	want := map[string]int64{"matched": 4144, "billed_not_registered": 0, "registered_not_billed": 1, "billed_after_end": 1,
		"amount_mismatch": 0, "duplicate_line": 0}
	for k, n := range want {
		if got.Counts[k] != n {
			t.Errorf("%s: %d, want %d", k, got.Counts[k], n)
		}
	}
	if got.Month != "2024-03" || len(got.Items) != 4146 || got.Items[0].Kind != "billed_after_end" || len(got.Items[0].NIK) != 16 {
		t.Errorf("month %s, %d items, first %+v", got.Month, len(got.Items), got.Items[0])
	}
	if resp, _ := a.API(a.Token(domain.RolePimpinan), "/api/v1/billing/reconciliation?month=2024-03"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("pimpinan reads the per-worker reconciliation: %d", resp.StatusCode)
	}
	for _, q := range []string{"month=2024-13", "month=2024-03&kind=lost", "month=2024-03&limit=0"} {
		if resp, _ := a.API(a.Token(domain.RoleBPJS), "/api/v1/billing/reconciliation?"+q); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d", q, resp.StatusCode)
		}
	}
}

// reconItem is the pinned API form of a month of GET /api/v1/reconciliation.
type reconItem struct {
	Month           string   `json:"month"`
	ActiveWorkers   int64    `json:"active_workers"`
	ExpectedBilling int64    `json:"expected_billing"`
	Billed          *int64   `json:"billed"`
	Paid            int64    `json:"paid"`
	PaidByDueDate   int64    `json:"paid_by_due_date"`
	Difference      int64    `json:"difference"`
	DueDate         string   `json:"due_date"`
	PaymentStatus   string   `json:"payment_status"`
	Issues          []string `json:"issues"`
}

func TestMonthlyReconciliationAPI(t *testing.T) {
	a := apptest.NewDemo(t)
	a.App.Now = func() time.Time { return time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC) }
	token := a.Token(domain.RoleDisnaker)
	var got struct{ Items []reconItem }
	if st := a.APIJSON(token, "/api/v1/reconciliation?year=2023", &got); st != http.StatusOK {
		t.Fatalf("status %d", st)
	}
	if len(got.Items) != 12 {
		t.Fatalf("%d months", len(got.Items))
	}
	for _, m := range got.Items {
		if m.ExpectedBilling != m.ActiveWorkers*16_800 || m.Billed == nil || m.Difference != m.Paid-m.ExpectedBilling {
			t.Errorf("%s: %+v", m.Month, m)
		}
	}
	// The BPU due date (corrected): March 2023's iuran was due on 15 March
	// 2023 and paid on 22 May.
	mar := got.Items[2]
	if mar.Month != "2023-03" || mar.PaymentStatus != "late" || len(mar.Issues) != 1 || mar.Issues[0] != "late" || mar.PaidByDueDate != 0 ||
		mar.DueDate != "2023-03-15" {
		t.Errorf("March 2023 %+v", mar)
	}
	if resp, body := a.API(token, "/api/v1/reconciliation?year=abc"); resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "tahun tidak valid") {
		t.Errorf("bad year: %d %s", resp.StatusCode, body)
	}
}
