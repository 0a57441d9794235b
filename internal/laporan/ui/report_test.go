package ui_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/settings"
)

// reportPath is the address of a report's page.
func reportPath(id int64) string { return "/reports/" + apptest.Itoa(id) }

// kadis creates the Kepala Dinas: a Disnaker user with position, rank and NIP, and signs them in.
func kadis(a *apptest.App) *http.Client {
	a.T.Helper()
	_, err := a.Accounts().CreateUserWithHash(context.Background(), domain.OperatorActor("3672", "test"), domain.User{Pemda: "3672",
		Username: "kadis", FullName: "Drs. H. Ahmad Suhendi, M.Si.", Role: domain.RoleDisnaker, Active: true,
		Position: "Kepala Dinas Tenaga Kerja Kota Cilegon", Rank: "Pembina Utama Muda (IV/c)", NIP: "196805121994031007", Signatory: true}, apptest.PasswordHash)
	if err != nil {
		a.T.Fatal(err)
	}
	c := a.Client()
	resp, _ := a.Do(c, http.MethodPost, "/login", apptest.Form(url.Values{"username": {"kadis"}, "password": {apptest.Password}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		a.T.Fatalf("kadis login: %d", resp.StatusCode)
	}
	return c
}

// reportForm is a complete report form for January–July 2024.
func reportForm() url.Values {
	return url.Values{
		"title": {"Laporan Monev Januari–Juli 2024"}, "from": {"2024-01"}, "to": {"2024-07"}, "basis": {"cash"},
		"meeting_on": {"2024-07-17"}, "meeting_place": {"Zuka Resto Iga Konro"}, "opened_by": {"Kepala Dinas"},
		"attendee_name": {"Rina", "Dedi", ""}, "attendee_position": {"Analis", "Penata", ""},
		"attendee_institution": {"Disnaker", "BPJS Ketenagakerjaan", ""},
		"legal_basis":          {settings.DefaultReportTexts.LegalBasis}, "background": {"Latar belakang."}, "aims": {settings.DefaultReportTexts.Aims},
		"findings": {"1. Klaim melebihi iuran."}, "recommendations": {"1. Anggarkan APBD 2025.\n2. Cocokkan data.\n3. Bayar tepat waktu."},
		"action": {"Usulan APBD 2025", ""}, "action_owner": {"Disnaker", ""}, "action_due": {"2024-08-30", ""},
	}
}

// createReport posts the report form as a Disnaker user and returns the new report's ID.
func createReport(a *apptest.App, c *http.Client, v url.Values) int64 {
	a.T.Helper()
	resp, body := a.Do(c, http.MethodPost, "/reports", apptest.Form(v), nil)
	if resp.StatusCode != http.StatusSeeOther {
		a.T.Fatalf("create report: %d\n%s", resp.StatusCode, body)
	}
	var id int64
	if err := a.DB.Pool().QueryRow(context.Background(), `SELECT max(id) FROM report`).Scan(&id); err != nil {
		a.T.Fatal(err)
	}
	return id
}

// history is a report's history as "action@user" words, oldest first.
func history(a *apptest.App, id int64) string {
	a.T.Helper()
	events, err := a.Reports().Events(context.Background(), "3672", id)
	if err != nil {
		a.T.Fatal(err)
	}
	steps := make([]string, len(events))
	for i, e := range events {
		steps[i] = e.Action + "@" + e.Username
	}
	return strings.Join(steps, " ")
}

func reportStatus(a *apptest.App, id int64) laporan.Status {
	a.T.Helper()
	r, err := a.Reports().Report(context.Background(), "3672", id)
	if err != nil {
		a.T.Fatal(err)
	}
	return r.Status
}

// TestReportWorkflowHTTP writes, reviews, returns, approves and signs a
// report over HTTP, each step by the role the workflow gives it.
func TestReportWorkflowHTTP(t *testing.T) {
	a := apptest.New(t)
	disnaker, bpjs, pimpinan, admin := a.Login(domain.RoleDisnaker), a.Login(domain.RoleBPJS), a.Login(domain.RolePimpinan), a.Login(domain.RoleAdmin)
	kadis := kadis(a)

	bad := reportForm()
	bad.Set("from", "2024-09")
	if resp, body := a.Do(disnaker, http.MethodPost, "/reports", apptest.Form(bad), nil); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "sesudah bulan akhir") {
		t.Errorf("a period running backwards: %d", resp.StatusCode)
	}
	id := createReport(a, disnaker, reportForm())
	path := reportPath(id)
	r, _ := a.Reports().Report(context.Background(), "3672", id)
	if len(r.Attendees) != 2 || len(r.Actions) != 1 || !r.Actions[0].Due.Equal(domain.Date(2024, time.August, 30)) {
		t.Fatalf("stored report %+v %+v", r.Attendees, r.Actions)
	}
	if resp, body := a.Get(disnaker, path+"/edit"); resp.StatusCode != 200 || !strings.Contains(body, "Rekomendasi anggaran tahun berikutnya") {
		t.Errorf("edit page: %d", resp.StatusCode)
	}
	// Drafts are not for pimpinan.
	for _, p := range []string{path, path + "/print", path + "/summary"} {
		if resp, _ := a.Get(pimpinan, p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("pimpinan %s of a draft: %d", p, resp.StatusCode)
		}
	}
	if _, body := a.Get(pimpinan, "/reports"); strings.Contains(body, "Laporan Monev Januari–Juli 2024") {
		t.Error("pimpinan's list shows a draft")
	}

	step := func(c *http.Client, name string, v url.Values, want laporan.Status) {
		t.Helper()
		resp, _ := a.Do(c, http.MethodPost, path+"/"+name, apptest.Form(v), nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d", name, resp.StatusCode)
		}
		if got := reportStatus(a, id); got != want {
			t.Fatalf("after %s: %s, want %s", name, got, want)
		}
	}
	if resp, _ := a.Do(bpjs, http.MethodPost, path+"/submit", nil, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("bpjs submits: %d", resp.StatusCode)
	}
	step(disnaker, "submit", nil, laporan.Submitted)
	if resp, _ := a.Do(disnaker, http.MethodPost, path+"/review", nil, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("disnaker reviews: %d", resp.StatusCode)
	}
	step(bpjs, "approve", nil, laporan.Submitted) // not yet in review: refused, status kept
	step(bpjs, "review", nil, laporan.InReview)
	if resp, _ := a.Do(disnaker, http.MethodPost, path, apptest.Form(reportForm()), nil); resp.StatusCode != http.StatusConflict {
		t.Errorf("edit in review: %d", resp.StatusCode)
	}
	if resp, _ := a.Do(disnaker, http.MethodPost, path+"/comments", apptest.Form(url.Values{"section": {"findings"}, "body": {"x"}}), nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("disnaker opens a thread: %d", resp.StatusCode)
	}
	resp, _ := a.Do(bpjs, http.MethodPost, path+"/comments", apptest.Form(url.Values{"section": {"findings"}, "body": {"Angka klaim Juli belum termasuk."}}), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("comment: %d", resp.StatusCode)
	}
	comments, _ := a.Reports().Comments(context.Background(), "3672", id)
	if len(comments) != 1 {
		t.Fatalf("comments %+v", comments)
	}
	step(bpjs, "return", nil, laporan.InReview) // a return needs a reason
	step(bpjs, "return", url.Values{"note": {"Perbaiki temuan"}}, laporan.Returned)
	replyPath := path + "/comments/" + apptest.Itoa(comments[0].ID) + "/replies"
	if resp, _ := a.Do(disnaker, http.MethodPost, replyPath, apptest.Form(url.Values{"body": {"Sudah ditambahkan."}}), nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("reply: %d", resp.StatusCode)
	}
	fixed := reportForm()
	fixed.Set("findings", "1. Klaim melebihi iuran, termasuk klaim Juli.")
	if resp, _ := a.Do(disnaker, http.MethodPost, path, apptest.Form(fixed), nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("edit a returned report: %d", resp.StatusCode)
	}
	step(admin, "submit", nil, laporan.Submitted)
	step(bpjs, "review", nil, laporan.InReview)
	if resp, _ := a.Do(bpjs, http.MethodPost, path+"/comments/"+apptest.Itoa(comments[0].ID)+"/resolve", nil, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("resolve: %d", resp.StatusCode)
	}
	step(bpjs, "approve", nil, laporan.Approved)

	// Signing: bpjs may not; a disnaker account without NIP is told what it lacks; the Kepala Dinas signs.
	if resp, _ := a.Get(bpjs, path+"/sign"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("bpjs sign form: %d", resp.StatusCode)
	}
	if _, body := a.Get(disnaker, path+"/sign"); !strings.Contains(body, "belum dapat menandatangani") {
		t.Error("a signer without NIP is not told")
	}
	if resp, body := a.Get(kadis, path+"/sign"); resp.StatusCode != 200 || !strings.Contains(body, "19680512 199403 1 007") {
		t.Errorf("kadis sign form: %d", resp.StatusCode)
	}
	sign := url.Values{"place": {"Cilegon"}, "date": {"2024-07-31"}}
	if resp, _ := a.Do(kadis, http.MethodPost, path+"/sign", apptest.Form(sign), nil); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("sign without confirming: %d", resp.StatusCode)
	}
	sign.Set("confirm", "1")
	step(kadis, "sign", sign, laporan.Final)
	r, _ = a.Reports().Report(context.Background(), "3672", id)
	if r.Signature.Name != "Drs. H. Ahmad Suhendi, M.Si." || r.Signature.NIP != "196805121994031007" || len(r.Checksum) != 64 {
		t.Errorf("signature %+v %s", r.Signature, r.Checksum)
	}

	// Pimpinan reads the final report and its print views; nobody edits it any more.
	_, body := a.Get(pimpinan, "/reports")
	apptest.MustContain(t, body, "Laporan Monev Januari–Juli 2024", "Final, ditandatangani")
	_, body = a.Get(pimpinan, path)
	apptest.MustContain(t, body, "dibekukan saat ditandatangani", r.Checksum)
	if strings.Contains(body, "Beri komentar") || strings.Contains(body, "Ubah isi") {
		t.Error("pimpinan sees review or edit controls")
	}
	_, body = a.Get(pimpinan, path+"/print")
	apptest.MustContain(t, body, "PEMERINTAH KOTA CILEGON", "DINAS TENAGA KERJA", "Mengetahui,", "NIP 19680512 199403 1 007",
		"Cilegon, 31 Juli 2024", "BAB IV", "Ringkasan Eksekutif", r.Checksum)
	_, body = a.Get(pimpinan, path+"/summary")
	apptest.MustContain(t, body, "Ringkasan untuk Wali Kota Cilegon", "Rekomendasi utama", "Anggarkan APBD 2025.", "Mengetahui,")
	if resp, _ := a.Do(disnaker, http.MethodPost, path, apptest.Form(reportForm()), nil); resp.StatusCode != http.StatusConflict {
		t.Errorf("edit a final report: %d", resp.StatusCode)
	}

	want := "create@u-disnaker-3672 submit@u-disnaker-3672 review@u-bpjs-3672 return@u-bpjs-3672 update@u-disnaker-3672 " +
		"submit@u-admin-3672 review@u-bpjs-3672 approve@u-bpjs-3672 sign@kadis"
	if got := history(a, id); got != want {
		t.Errorf("history\n%s\nwant\n%s", got, want)
	}
	var prints int
	a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE action = 'print' AND entity = 'report'`).Scan(&prints)
	if prints != 2 {
		t.Errorf("%d prints audited, want 2", prints)
	}
}

// TestReportDataChangedAfterSigning changes the data behind a final
// report: the report keeps its signed figures and shows the new ones beside them.
func TestReportDataChangedAfterSigning(t *testing.T) {
	a := apptest.New(t)
	ctx := context.Background()
	disnaker, bpjs, pimpinan := a.Login(domain.RoleDisnaker), a.Login(domain.RoleBPJS), a.Login(domain.RolePimpinan)
	kadis := kadis(a)
	id := createReport(a, disnaker, reportForm())
	path := reportPath(id)
	for _, s := range []struct {
		c    *http.Client
		step string
		v    url.Values
	}{{disnaker, "submit", nil}, {bpjs, "review", nil}, {bpjs, "approve", nil},
		{kadis, "sign", url.Values{"place": {"Cilegon"}, "date": {"2024-07-31"}, "confirm": {"1"}}}} {
		if resp, _ := a.Do(s.c, http.MethodPost, path+"/"+s.step, apptest.Form(s.v), nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d", s.step, resp.StatusCode)
		}
	}
	_, body := a.Get(pimpinan, path)
	if strings.Contains(body, "Data berubah sejak ditandatangani") {
		t.Fatal("a report whose data did not change says it did")
	}
	if _, err := a.Contributions().CreateContribution(ctx, domain.OperatorActor("3672", "test"), contributions.Contribution{
		CoverageMonth: domain.NewMonth(2024, time.March), Paid: 16_800_000, PaidOn: domain.Date(2024, time.April, 10), SP2D: "9/SP2D"}); err != nil {
		t.Fatal(err)
	}
	_, body = a.Get(pimpinan, path)
	apptest.MustContain(t, body, "Data berubah sejak ditandatangani", "Saat ditandatangani", "Data sekarang", "Rp 16.800.000")
	_, body = a.Get(pimpinan, path+"/print")
	apptest.MustContain(t, body, "DATA BERUBAH SEJAK DITANDATANGANI")
	// The signed figures stay: the executive summary still says Rp 0.
	if !strings.Contains(body, `<span class="value">Rp 0</span>`) {
		t.Error("the print view shows the new figures instead of the signed ones")
	}
	tok := a.Token(domain.RolePimpinan)
	resp, js := a.API(tok, "/api/v1/reports/"+apptest.Itoa(id))
	var got struct {
		Frozen      bool                                  `json:"frozen"`
		ChecksumOK  *bool                                 `json:"checksum_valid"`
		DataChanged []struct{ Label, Signed, Now string } `json:"data_changed"`
		Figures     struct {
			Balance struct {
				Contributions int64 `json:"contributions_paid"`
			} `json:"balance"`
		} `json:"figures"`
	}
	if err := json.Unmarshal([]byte(js), &got); err != nil || resp.StatusCode != 200 {
		t.Fatalf("api: %d %v\n%s", resp.StatusCode, err, js)
	}
	if !got.Frozen || got.ChecksumOK == nil || !*got.ChecksumOK || got.Figures.Balance.Contributions != 0 || len(got.DataChanged) == 0 {
		t.Errorf("api report %+v", got)
	}
}

// TestReportAPI lists reports for each role: pimpinan tokens see final reports only.
func TestReportAPI(t *testing.T) {
	a := apptest.New(t)
	id := createReport(a, a.Login(domain.RoleDisnaker), reportForm())
	resp, js := a.API(a.Token(domain.RoleBPJS), "/api/v1/reports")
	var list struct {
		Items []struct {
			ID     int64  `json:"id"`
			Title  string `json:"title"`
			Period string `json:"period"`
			Status string `json:"status"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(js), &list); err != nil || resp.StatusCode != 200 || len(list.Items) != 1 ||
		list.Items[0].Period != "2024-01..2024-07" || list.Items[0].Status != "draft" || list.Items[0].ID != id {
		t.Fatalf("bpjs list: %d %v %s", resp.StatusCode, err, js)
	}
	pim := a.Token(domain.RolePimpinan)
	if _, js := a.API(pim, "/api/v1/reports"); !strings.Contains(js, `"items":[]`) {
		t.Errorf("pimpinan sees a draft: %s", js)
	}
	if resp, _ := a.API(pim, "/api/v1/reports/"+apptest.Itoa(id)); resp.StatusCode != http.StatusNotFound {
		t.Errorf("pimpinan reads a draft: %d", resp.StatusCode)
	}
	resp, js = a.API(a.Token(domain.RoleDisnaker), "/api/v1/reports/"+apptest.Itoa(id))
	apptest.MustContain(t, js, `"frozen":false`, `"figures":{"period":"2024-01..2024-07"`, `"report":{"id":`, `"follow_up":[{"action":"Usulan APBD 2025"`)
	if resp.StatusCode != 200 {
		t.Errorf("detail %d", resp.StatusCode)
	}
}

// TestBudgetCalculatorHTTP prices scenarios on the calculator page and
// writes one into a report, repriced on the server.
func TestBudgetCalculatorHTTP(t *testing.T) {
	a := apptest.New(t)
	disnaker := a.Login(domain.RoleDisnaker)
	if err := a.Analysis().ReplaceTargets(context.Background(), domain.OperatorActor("3672", "test"), 2024, "",
		[]analysis.Target{{Year: 2024, CategoryCode: "ojek", Workers: 200}}); err != nil {
		t.Fatal(err)
	}
	_, body := a.Get(a.Login(domain.RolePimpinan), "/reports/budget-calculator?base=2024")
	apptest.MustContain(t, body, `value="200"`, "Sasaran 2024 per kategori", "200 peserta × Rp 16.800 × 12 bulan = Rp 40.320.000",
		"Skenario pembanding", "Sasaran 2024, mulai Juli (6 bulan)", "Rp 20.160.000", "Rp 1.500.000", "Rp 52.320.000")
	_, body = a.Get(disnaker, "/reports/budget-calculator?year=2025&months=12&income=1.000.000&w_rt_rw=5000")
	apptest.MustContain(t, body, "Rp 1.008.000.000", "5.000 peserta × Rp 16.800 × 12 bulan = Rp 1.008.000.000")
	_, body = a.Get(disnaker, "/reports/budget-calculator?year=2025&months=6&income=2.000.000&w_ojek=100")
	apptest.MustContain(t, body, "100 peserta × Rp 26.800 × 6 bulan = Rp 16.080.000")
	_, body = a.Get(disnaker, "/reports/budget-calculator?year=2025&months=13&w_ojek=100")
	apptest.MustContain(t, body, "jumlah bulan harus antara 1 dan 12")

	id := createReport(a, disnaker, reportForm())
	_, body = a.Get(disnaker, "/reports/budget-calculator?year=2025&w_ojek=100")
	apptest.MustContain(t, body, reportPath(id)+"/edit?")
	v := url.Values{"year": {"2025"}, "months": {"12"}, "income": {"1.000.000"}, "name": {"Ojek"}, "w_ojek": {"200"}, "w_umkm": {"300"}}
	if resp, _ := a.Do(disnaker, http.MethodPost, reportPath(id)+"/budget", apptest.Form(v), nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("use in report: %d", resp.StatusCode)
	}
	r, _ := a.Reports().Report(context.Background(), "3672", id)
	if r.Budget == nil || r.Budget.Total() != 100_800_000 || r.Budget.Name != "Ojek" {
		t.Fatalf("budget %+v", r.Budget)
	}
	_, body = a.Get(disnaker, reportPath(id)+"/print")
	apptest.MustContain(t, apptest.Plain(body), "Rekomendasi APBD 2025", "500 peserta × Rp 16.800 × 12 bulan = Rp 100.800.000")
	if resp, _ := a.Do(disnaker, http.MethodPost, reportPath(id)+"/budget", apptest.Form(url.Values{"clear": {"1"}}), nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatal("clear")
	}
	if r, _ := a.Reports().Report(context.Background(), "3672", id); r.Budget != nil {
		t.Error("budget not cleared")
	}
	if resp, _ := a.Do(a.Login(domain.RoleBPJS), http.MethodPost, reportPath(id)+"/budget", apptest.Form(v), nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("bpjs writes the budget: %d", resp.StatusCode)
	}
}

// TestReportWithoutChromium: the PDF link explains how to install
// Chromium, and the print view still prints from the browser.
func TestReportWithoutChromium(t *testing.T) {
	t.Setenv("MONEV_CHROMIUM", "/nonexistent/chromium")
	a := apptest.New(t)
	disnaker := a.Login(domain.RoleDisnaker)
	id := createReport(a, disnaker, reportForm())
	resp, body := a.Get(disnaker, reportPath(id)+".pdf")
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("PDF without Chromium: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "apt-get install chromium", "Ctrl+P")
	_, body = a.Get(disnaker, reportPath(id))
	apptest.MustContain(t, body, "PDF belum dapat dibuat di server ini", "apt-get install chromium")
	if strings.Contains(body, `href="/reports/`+apptest.Itoa(id)+`.pdf"`) {
		t.Error("the report page links a PDF that cannot be made")
	}
	resp, body = a.Get(disnaker, reportPath(id)+"/print")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "PDF: Chromium belum terpasang") {
		t.Errorf("print view without Chromium: %d", resp.StatusCode)
	}
}
