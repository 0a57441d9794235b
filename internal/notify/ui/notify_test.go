package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/notify"
	"github.com/cilegon/monev/internal/platform/notice"
)

var unreadCount = regexp.MustCompile(`aria-label="Notifikasi, (\d+) belum dibaca"`)

// unread reads the count in the header of any page.
func unread(t *testing.T, body string) int {
	t.Helper()
	m := unreadCount.FindStringSubmatch(body)
	if m == nil {
		if strings.Contains(body, "Notifikasi, tidak ada yang belum dibaca") {
			return 0
		}
		t.Fatal("the header shows no inbox link")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestReportWorkflowFillsTheInboxes(t *testing.T) {
	a := apptest.NewDemo(t)
	ctx := context.Background()
	svc := notify.NewService(a.DB)
	// The demo's July report went submit → review → return (with comments)
	// → submit → review → approve → sign.
	for _, tc := range []struct {
		user  string
		kinds map[notice.Kind]int
	}{
		{"bpjs", map[notice.Kind]int{notice.ReportWaiting: 2}},     // two submissions
		{"disnaker", map[notice.Kind]int{notice.ReportWaiting: 1}}, // the return
		{"kadis", map[notice.Kind]int{notice.ReportWaiting: 1}},    // the approval: kadis signs
		{"pimpinan", map[notice.Kind]int{}},                        // nothing waits for leaders
		{"admin", map[notice.Kind]int{}},
	} {
		u, err := a.Accounts().UserByUsername(ctx, tc.user)
		if err != nil {
			t.Fatal(err)
		}
		items, _, err := svc.Inbox(ctx, u, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		got := map[notice.Kind]int{}
		for _, n := range items {
			if n.Kind == notice.ReportWaiting {
				got[n.Kind]++
			}
		}
		for k, want := range tc.kinds {
			if got[k] != want {
				t.Errorf("%s: %d notices of %s, want %d (%+v)", tc.user, got[k], k, want, items)
			}
		}
		if len(tc.kinds) == 0 && len(items) != 0 {
			t.Errorf("%s: told %+v", tc.user, items)
		}
	}
	// BPJS's review comments reached the report's author.
	disnaker, _ := a.Accounts().UserByUsername(ctx, "disnaker")
	items, _, _ := svc.Inbox(ctx, disnaker, 0, 100)
	comments := 0
	for _, n := range items {
		if n.Kind == notice.ReviewComment {
			comments++
			if n.Link == "" || !strings.HasPrefix(n.Link, "/reports/") {
				t.Errorf("a comment notice links to %q", n.Link)
			}
		}
	}
	if comments == 0 {
		t.Error("the author was not told of BPJS's review comments")
	}
}

func TestInboxCountMarkReadAndMarkAll(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.LoginAs("bpjs", demo.Password)
	_, body := a.Get(c, "/")
	if n := unread(t, body); n != 2 {
		t.Fatalf("the header counts %d unread, want the 2 submissions", n)
	}
	resp, body := a.Get(c, "/notifications")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("inbox: status %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "2 belum dibaca dari 2 notifikasi", "Laporan menunggu reviu:", "Tandai semua dibaca", "Baru")
	ids := regexp.MustCompile(`action="/notifications/(\d+)/read"`).FindAllStringSubmatch(body, -1)
	if len(ids) != 2 {
		t.Fatalf("%d notifications listed", len(ids))
	}
	// Opening one marks it read and goes to the report.
	resp, _ = a.Post(c, "/notifications/"+ids[0][1]+"/read", url.Values{"open": {"1"}})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/reports/") {
		t.Fatalf("open: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body = a.Get(c, "/notifications")
	if n := unread(t, body); n != 1 {
		t.Fatalf("after opening one: %d unread", n)
	}
	// Another user's notification is not found.
	other := a.LoginAs("disnaker", demo.Password)
	if resp, _ := a.Post(other, "/notifications/"+ids[1][1]+"/read", nil); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("another user's notification: status %d, want 404", resp.StatusCode)
	}
	_, body = a.Get(c, "/")
	if n := unread(t, body); n != 1 {
		t.Fatalf("another user changed the count: %d", n)
	}
	resp, _ = a.Post(c, "/notifications/read-all", nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("read all: status %d", resp.StatusCode)
	}
	_, body = a.Get(c, "/notifications")
	if n := unread(t, body); n != 0 {
		t.Fatalf("after marking all read: %d unread", n)
	}
	apptest.MustContain(t, body, "Tidak ada notifikasi yang belum dibaca.")
}

func TestOverdueBillsAreToldOncePerMonth(t *testing.T) {
	a := apptest.NewDemo(t)
	ctx := context.Background()
	asOf := time.Date(2024, 7, 17, 12, 0, 0, 0, domain.WIB)
	overdue, err := a.Contributions().Overdue(ctx, "3672", asOf)
	if err != nil || len(overdue) == 0 {
		t.Fatalf("the demo has %d overdue months on 17 July 2024 (err %v); the test needs one", len(overdue), err)
	}
	n, err := a.Contributions().NotifyOverdue(ctx, []string{"3672"}, asOf)
	if err != nil {
		t.Fatal(err)
	}
	// admin, disnaker and kadis (a Disnaker user) hear of every overdue month.
	if want := 3 * len(overdue); n != want {
		t.Fatalf("%d notifications, want %d", n, want)
	}
	if n, err := a.Contributions().NotifyOverdue(ctx, []string{"3672"}, asOf.Add(time.Hour)); err != nil || n != 0 {
		t.Fatalf("the job run again told %d (err %v); want nobody", n, err)
	}
	c := a.LoginAs("admin", demo.Password)
	_, body := a.Get(c, "/notifications")
	m := overdue[0].Month
	apptest.MustContain(t, body, "Iuran "+m.Label()+" lewat jatuh tempo", `Iuran lewat jatuh tempo`)
	// BPJS is not told of the Pemda's arrears.
	bpjs, _ := a.Accounts().UserByUsername(ctx, "bpjs")
	items, _, _ := notify.NewService(a.DB).Inbox(ctx, bpjs, 0, 100)
	for _, it := range items {
		if it.Kind == notice.BillOverdue {
			t.Fatalf("BPJS was told %q", it.Title)
		}
	}
}

func TestPreferencesPage(t *testing.T) {
	a := apptest.New(t)
	c := a.Login(domain.RolePimpinan)
	_, body := a.Get(c, "/notifications/preferences")
	apptest.MustContain(t, body, "Preferensi notifikasi", `name="mail" value="report_waiting" checked`)
	if strings.Contains(body, `href="/admin/smtp"`) {
		t.Error("a non-admin is offered the SMTP settings")
	}
	resp, body := a.Post(c, "/notifications/preferences", url.Values{"email": {"bukan-surel"}, "mail": {"import_finished"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a bad address: status %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "alamat surel tidak valid")
	resp, _ = a.Post(c, "/notifications/preferences", url.Values{"email": {"walikota@cilegon.example"}, "mail": {"import_finished"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d", resp.StatusCode)
	}
	p, err := notify.NewService(a.DB).Prefs(context.Background(), a.User(domain.RolePimpinan))
	if err != nil {
		t.Fatal(err)
	}
	if p.Email != "walikota@cilegon.example" || !p.Mails(notice.ImportFinished) || p.Mails(notice.ReportWaiting) || p.Mails(notice.BillOverdue) {
		t.Fatalf("stored %+v", p)
	}
	if a.AuditCount("notify_pref") != 1 {
		t.Error("the change is not in the audit log")
	}
}

func TestSMTPSettingsNeverShowThePassword(t *testing.T) {
	a := apptest.New(t)
	c := a.Login(domain.RoleAdmin)
	form := url.Values{"host": {"smtp.cilegon.example"}, "port": {"587"}, "username": {"monev"},
		"password": {"rahasia-sekali-123"}, "sender": {"monev <monev@cilegon.example>"}, "starttls": {"1"}}
	if resp, _ := a.Post(c, "/admin/smtp", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d", resp.StatusCode)
	}
	_, body := a.Get(c, "/admin/smtp")
	apptest.MustContain(t, body, `value="smtp.cilegon.example"`, "Tersimpan dan tidak ditampilkan", "Kirim surel uji")
	if strings.Contains(body, "rahasia-sekali-123") {
		t.Fatal("the page shows the password")
	}
	// Saving without a password keeps the stored one.
	form.Set("password", "")
	form.Set("port", "2525")
	a.Post(c, "/admin/smtp", form)
	var pw string
	var port int
	if err := a.DB.Pool().QueryRow(context.Background(), `SELECT password, port FROM smtp_setting WHERE pemda = '3672'`).Scan(&pw, &port); err != nil {
		t.Fatal(err)
	}
	if pw != "rahasia-sekali-123" || port != 2525 {
		t.Fatalf("stored password %q port %d", pw, port)
	}
	resp, body := a.Post(c, "/admin/smtp", url.Values{"host": {"smtp.cilegon.example"}, "port": {"99999"}, "sender": {""}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad settings: status %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "port harus 1–65535", "alamat pengirim wajib diisi")
	// The test button queues a mail; the worker sends it, not the request.
	resp, _ = a.Post(c, "/admin/smtp/test", url.Values{"to": {"admin@cilegon.example"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("test mail: status %d", resp.StatusCode)
	}
	_, body = a.Get(c, "/admin/smtp")
	apptest.MustContain(t, body, "admin@cilegon.example", "Surel uji monev")
	for _, entry := range []string{"smtp_setting"} {
		if a.AuditCount(entry) < 3 {
			t.Errorf("%d audit entries for %s, want the two saves and the test", a.AuditCount(entry), entry)
		}
	}
	if got, _ := a.Get(a.Login(domain.RoleDisnaker), "/admin/smtp"); got.StatusCode != http.StatusForbidden {
		t.Errorf("disnaker opened the SMTP settings: %d", got.StatusCode)
	}
}

func TestImportsTellTheirUploader(t *testing.T) {
	a := apptest.New(t)
	c := a.Login(domain.RoleDisnaker)
	good := "nik,nama,kategori,kelurahan,tanggal_mulai\n3672014101900001,Siti Aminah,Kader,Kepuh,01/01/2024\n"
	loc := a.Upload(c, "workers", "peserta.csv", good).Header.Get("Location")
	a.WaitImport(c, loc)
	if resp, _ := a.Post(c, loc+"/confirm", nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d", resp.StatusCode)
	}
	a.WaitImport(c, loc)
	// A file imported through the API with bad rows is refused.
	bad := "nik,nama,kategori,kelurahan,tanggal_mulai\n123,Siti,Kader,Kepuh,01/01/2024\n"
	body, ctype := a.Multipart(nil, "salah.csv", bad)
	resp, _ := a.Do(a.Client(), http.MethodPost, "/api/v1/imports/workers", body,
		map[string]string{"Content-Type": ctype, "Authorization": "Bearer " + a.Token(domain.RoleDisnaker)})
	if resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusCreated {
		t.Fatalf("a bad file imported: %d", resp.StatusCode)
	}
	_, page := a.Get(c, "/notifications")
	apptest.MustContain(t, page, "Impor selesai: peserta.csv", "1 baris baru", "Impor ditolak: salah.csv",
		"Impor ditolak atau gagal")
	if n := unread(t, page); n != 2 {
		t.Fatalf("%d unread, want the import and the refusal", n)
	}
	// Nobody else hears of it.
	_, page = a.Get(a.Login(domain.RoleAdmin), "/")
	if n := unread(t, page); n != 0 {
		t.Fatalf("the admin has %d unread", n)
	}
}

// TestFollowUpsDueAreRemindedOnce: the hourly job reminds the owners of the
// demo's open follow-up items, once while overdue however often it runs;
// items owned by BPJS go to BPJS, the others to Disnaker.
func TestFollowUpsDueAreRemindedOnce(t *testing.T) {
	a := apptest.NewDemo(t)
	ctx := context.Background()
	asOf := time.Date(2025, 6, 1, 9, 0, 0, 0, domain.WIB)
	due, err := a.Reports().FollowUpsDue(ctx, "3672", asOf)
	if err != nil || len(due) == 0 {
		t.Fatalf("the demo has %d follow-ups due on 1 June 2025 (err %v); the test needs one", len(due), err)
	}
	n, err := a.Reports().NotifyFollowUpsDue(ctx, []string{"3672"}, asOf)
	if err != nil || n == 0 {
		t.Fatalf("%d reminders (err %v)", n, err)
	}
	if n, err := a.Reports().NotifyFollowUpsDue(ctx, []string{"3672"}, asOf.Add(time.Hour)); err != nil || n != 0 {
		t.Fatalf("the job run again told %d (err %v); want nobody", n, err)
	}
	inbox := func(username string) string {
		u, err := a.Accounts().UserByUsername(ctx, username)
		if err != nil {
			t.Fatal(err)
		}
		items, _, err := notify.NewService(a.DB).Inbox(ctx, u, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, it := range items {
			if it.Kind == notice.FollowupDue {
				b.WriteString(it.Title + " " + it.Link + "\n")
			}
		}
		return b.String()
	}
	for _, f := range due {
		owner, other := "disnaker", "bpjs"
		if f.OwnerKind == laporan.OwnerBPJS {
			owner, other = other, owner
		}
		link := "/followups/" + apptest.Itoa(f.ID) + "\n"
		if got := inbox(owner); !strings.Contains(got, "Tindak lanjut lewat tenggat") || !strings.Contains(got, link) {
			t.Errorf("%s was not reminded of %q:\n%s", owner, f.Action, got)
		}
		if strings.Contains(inbox(other), link) {
			t.Errorf("%s was reminded of %q, owned by %s", other, f.Action, f.OwnerKind)
		}
	}
}
