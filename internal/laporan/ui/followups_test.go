package ui_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// followUpForm is a report form with two follow-up items: one of Disnaker's, one of BPJS's.
func followUpForm(title, from, to string) url.Values {
	v := reportForm()
	v.Set("title", title)
	v.Set("from", from)
	v.Set("to", to)
	v["action"] = []string{"Usulan APBD 2025 untuk pekerja rentan", "Verifikasi kematian peserta", ""}
	v["action_kind"] = []string{"disnaker", "bpjs", "disnaker"}
	v["action_owner"] = []string{"", "BPJS Ketenagakerjaan Cabang Cilegon", ""}
	v["action_due"] = []string{"2024-08-30", "2024-08-15", ""}
	return v
}

// signReport takes a report through review to its signature on day.
func signReport(t *testing.T, a *apptest.App, id int64, disnaker, bpjs, kadis *http.Client, day string) {
	t.Helper()
	for _, s := range []struct {
		c    *http.Client
		step string
		v    url.Values
	}{{disnaker, "submit", nil}, {bpjs, "review", nil}, {bpjs, "approve", nil},
		{kadis, "sign", url.Values{"place": {"Cilegon"}, "date": {day}, "confirm": {"1"}}}} {
		if resp, body := a.Do(s.c, http.MethodPost, reportPath(id)+"/"+s.step, apptest.Form(s.v), nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d\n%s", s.step, resp.StatusCode, body)
		}
	}
}

// itemIDs are the follow-up items of a report by their text.
func itemIDs(t *testing.T, a *apptest.App, report int64) map[string]string {
	t.Helper()
	rep, err := a.Reports().Report(context.Background(), "3672", report)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range rep.Actions {
		out[f.Action] = apptest.Itoa(f.ID)
	}
	return out
}

// setStatus posts the status form of an item as a browser would (multipart, no file).
func setStatus(a *apptest.App, c *http.Client, item string, fields map[string]string) (*http.Response, string) {
	a.T.Helper()
	body, ctype := a.Multipart(fields, "", "")
	return a.Do(c, http.MethodPost, "/followups/"+item, body, map[string]string{"Content-Type": ctype})
}

// TestFollowUpCarriedAndFrozen: the next report of the Pemda shows the
// previous meeting's items with their status, live until it is signed and
// frozen after; only the roles the rule names change a status, each change audited.
func TestFollowUpCarriedAndFrozen(t *testing.T) {
	a := apptest.New(t)
	disnaker, bpjs, pimpinan := a.Login(domain.RoleDisnaker), a.Login(domain.RoleBPJS), a.Login(domain.RolePimpinan)
	kadis := kadis(a)
	july := createReport(a, disnaker, followUpForm("Laporan Juli", "2024-01", "2024-07"))
	signReport(t, a, july, disnaker, bpjs, kadis, "2024-07-31")
	items := itemIDs(t, a, july)
	apbd, deaths := items["Usulan APBD 2025 untuk pekerja rentan"], items["Verifikasi kematian peserta"]
	if apbd == "" || deaths == "" {
		t.Fatalf("items %v", items)
	}

	// BPJS updates its own item, not Disnaker's; pimpinan reads only.
	resp, _ := setStatus(a, bpjs, deaths, map[string]string{"status": "selesai", "on": "2024-08-14", "note": "Sembilan kematian terverifikasi"})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("bpjs on its own item: %d", resp.StatusCode)
	}
	if resp, _ := setStatus(a, bpjs, apbd, map[string]string{"status": "selesai", "on": "2024-08-14"}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("bpjs on Disnaker's item: %d, want 403", resp.StatusCode)
	}
	if resp, _ := setStatus(a, pimpinan, deaths, map[string]string{"status": "batal", "on": "2024-08-14"}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("pimpinan: %d, want 403", resp.StatusCode)
	}
	if resp, _ := setStatus(a, disnaker, apbd, map[string]string{"status": "proses", "on": "2024-08-20", "note": "Masuk KUA-PPAS"}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("disnaker: %d", resp.StatusCode)
	}
	if n := a.AuditCount("followup"); n != 2 {
		t.Errorf("%d audit entries of follow-ups, want 2", n)
	}

	// The next report shows them as they stand, until it is signed.
	year := createReport(a, disnaker, followUpForm("Laporan Tahun 2024", "2024-01", "2024-12"))
	_, body := a.Get(disnaker, reportPath(year))
	apptest.MustContain(t, body, "Status tindak lanjut rapat sebelumnya", "Laporan Juli", "Sembilan kematian terverifikasi", "Masuk KUA-PPAS", "Dalam proses")
	signReport(t, a, year, disnaker, bpjs, kadis, "2024-12-31")
	if resp, _ := setStatus(a, disnaker, apbd, map[string]string{"status": "selesai", "on": "2025-01-10", "note": "Ditetapkan dalam APBD 2025"}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("disnaker after signing: %d", resp.StatusCode)
	}
	_, body = a.Get(pimpinan, reportPath(year))
	apptest.MustContain(t, body, "Status tindak lanjut rapat sebelumnya", "Masuk KUA-PPAS", "sebagaimana dibekukan saat laporan ini ditandatangani")
	for _, after := range []string{"Ditetapkan dalam APBD 2025", "tidak lagi cocok"} {
		if strings.Contains(body, after) {
			t.Errorf("the signed report shows %q", after)
		}
	}
	_, js := a.API(a.Token(domain.RolePimpinan), "/api/v1/reports/"+apptest.Itoa(year))
	apptest.MustContain(t, js, `"previous_follow_up":{`, `"note":"Masuk KUA-PPAS"`, `"status":"proses"`)
	// The item itself moved on, and says so on its page.
	_, body = a.Get(pimpinan, "/followups/"+apbd)
	apptest.MustContain(t, body, "Ditetapkan dalam APBD 2025", "Dalam proses → Selesai")
}

// TestFollowUpEvidence refuses a file that is not a PDF, PNG or JPEG and
// one over 5 MB, in Bahasa Indonesia, and serves an accepted one as an attachment.
func TestFollowUpEvidence(t *testing.T) {
	a := apptest.New(t)
	disnaker := a.Login(domain.RoleDisnaker)
	id := createReport(a, disnaker, followUpForm("Laporan Juli", "2024-01", "2024-07"))
	item := itemIDs(t, a, id)["Usulan APBD 2025 untuk pekerja rentan"]
	fields := map[string]string{"status": "proses", "on": "2024-08-20"}
	upload := func(name, content string) (*http.Response, string) {
		body, ctype := a.Multipart(fields, name, content)
		return a.Do(disnaker, http.MethodPost, "/followups/"+item, body, map[string]string{"Content-Type": ctype})
	}
	resp, body := upload("bukti.pdf", "<html><script>alert(1)</script></html>")
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("html named .pdf: %d, want 422", resp.StatusCode)
	}
	apptest.MustContain(t, body, "bukan PDF, PNG atau JPEG")
	// Just over the limit (read and refused) and far over it (refused while read).
	for _, size := range []int{5<<20 + 1, 7 << 20} {
		resp, body = upload("pindaian.pdf", "%PDF-1.4\n"+strings.Repeat("0", size))
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%d bytes: %d, want 422", size, resp.StatusCode)
		}
		apptest.MustContain(t, body, "lebih besar dari 5 MB")
	}
	if n := a.CountRows("followup_note"); n != 0 {
		t.Fatalf("%d notes after refused uploads", n)
	}
	resp, _ = upload("surat usulan.pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("pdf: %d", resp.StatusCode)
	}
	_, page := a.Get(disnaker, "/followups/"+item)
	apptest.MustContain(t, page, "surat usulan.pdf", "/evidence/")
	var note int64
	if err := a.DB.Pool().QueryRow(context.Background(), `SELECT max(id) FROM followup_note`).Scan(&note); err != nil {
		t.Fatal(err)
	}
	resp, file := a.Get(a.Login(domain.RolePimpinan), "/followups/"+item+"/evidence/"+apptest.Itoa(note))
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("pimpinan downloads evidence of a draft report: %d", resp.StatusCode)
	}
	resp, file = a.Get(disnaker, "/followups/"+item+"/evidence/"+apptest.Itoa(note))
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(file, "%PDF-1.4") {
		t.Fatalf("download: %d %q", resp.StatusCode, file[:min(len(file), 20)])
	}
	for k, want := range map[string]string{"Content-Type": "application/pdf", "X-Content-Type-Options": "nosniff",
		"Content-Disposition": `attachment; filename="surat_usulan.pdf"`} {
		if got := resp.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	var downloads int
	if err := a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FROM audit_log
		WHERE action = 'download' AND entity = 'followup_note' AND entity_id = $1 AND summary LIKE '%surat usulan.pdf%'`, apptest.Itoa(note)).Scan(&downloads); err != nil || downloads != 1 {
		t.Errorf("evidence downloads in the audit log: %d (%v), want 1", downloads, err)
	}

	// Editing the draft keeps the item, its status and its evidence; an item left out is removed.
	v := followUpForm("Laporan Juli", "2024-01", "2024-07")
	v["action_id"], v["action"] = []string{item}, []string{"Usulan APBD 2025 (diperbaiki)"}
	v["action_kind"], v["action_owner"], v["action_due"] = []string{"bappeda"}, []string{""}, []string{"2024-09-15"}
	if resp, body := a.Post(disnaker, reportPath(id), v); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", resp.StatusCode, body)
	}
	rep, err := a.Reports().Report(context.Background(), "3672", id)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Actions) != 1 || apptest.Itoa(rep.Actions[0].ID) != item || rep.Actions[0].Status != "proses" ||
		rep.Actions[0].OwnerKind != "bappeda" || rep.Actions[0].Owner != "Bappeda" || a.CountRows("followup_note") != 1 {
		t.Errorf("after editing: %+v, %d notes", rep.Actions, a.CountRows("followup_note"))
	}
}

// TestFollowUpAPIAndNotice lists items in the API by status and shows the
// overdue ones on the dashboard of the roles they concern.
func TestFollowUpAPIAndNotice(t *testing.T) {
	a := apptest.New(t)
	disnaker, bpjs := a.Login(domain.RoleDisnaker), a.Login(domain.RoleBPJS)
	id := createReport(a, disnaker, followUpForm("Laporan Juli", "2024-01", "2024-07"))
	deaths := itemIDs(t, a, id)["Verifikasi kematian peserta"]
	if resp, _ := setStatus(a, bpjs, deaths, map[string]string{"status": "selesai", "on": "2024-08-14"}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("bpjs: %d", resp.StatusCode)
	}
	type item struct {
		ID       int64   `json:"id"`
		ReportID int64   `json:"report_id"`
		Text     string  `json:"text"`
		Owner    string  `json:"owner"`
		Due      *string `json:"due"`
		Status   string  `json:"status"`
		Overdue  bool    `json:"overdue"`
	}
	list := func(token, status string) []item {
		t.Helper()
		var got struct{ Items []item }
		resp, js := a.API(token, "/api/v1/followups?status="+status)
		if err := json.Unmarshal([]byte(js), &got); err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("status=%s: %d %v %s", status, resp.StatusCode, err, js)
		}
		return got.Items
	}
	tok := a.Token(domain.RoleBPJS)
	open := list(tok, "open")
	if len(open) != 1 || open[0].Text != "Usulan APBD 2025 untuk pekerja rentan" || open[0].Owner != "Dinas Tenaga Kerja" ||
		open[0].Due == nil || *open[0].Due != "2024-08-30" || open[0].Status != "belum" || !open[0].Overdue || open[0].ReportID != id {
		t.Errorf("open %+v", open)
	}
	if done := list(tok, "done"); len(done) != 1 || done[0].Status != "selesai" || done[0].Overdue {
		t.Errorf("done %+v", done)
	}
	if all := list(tok, "all"); len(all) != 2 {
		t.Errorf("all %+v", all)
	}
	if got := list(a.Token(domain.RolePimpinan), "all"); len(got) != 0 {
		t.Errorf("pimpinan reads the items of a draft: %+v", got)
	}
	if resp, _ := a.API(tok, "/api/v1/followups?status=later"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("status=later: %d", resp.StatusCode)
	}

	// Disnaker's item is overdue: Disnaker is told on the dashboard, BPJS (whose item is done) is not.
	_, body := a.Get(disnaker, "/")
	apptest.MustContain(t, body, "1 tindak lanjut rapat monev lewat batas waktu", "Usulan APBD 2025 untuk pekerja rentan", `href="/followups?overdue=1"`)
	if _, body := a.Get(bpjs, "/"); strings.Contains(body, "lewat batas waktu") {
		t.Error("bpjs is told of Disnaker's overdue item")
	}
	_, body = a.Get(disnaker, "/followups?overdue=1")
	apptest.MustContain(t, body, "Usulan APBD 2025 untuk pekerja rentan", "Lewat batas waktu")
	if strings.Contains(body, "Verifikasi kematian peserta") {
		t.Error("the overdue filter lists a finished item")
	}
	resp, csv := a.Get(disnaker, "/followups/export.csv?status=all")
	if resp.StatusCode != http.StatusOK || !strings.Contains(csv, "Verifikasi kematian peserta") || a.AuditCount("followup") != 2 {
		t.Errorf("export: %d audit %d\n%s", resp.StatusCode, a.AuditCount("followup"), csv)
	}
}
