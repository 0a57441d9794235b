package ui_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
)

// TestKeyboardReport writes, saves and submits a report with the keyboard
// alone, then has BPJS open the review, comment on the findings and return
// it: Tab to each control, keys to type, Enter and Space to press.
func TestKeyboardReport(t *testing.T) {
	a := apptest.New(t)
	for _, r := range []domain.Role{domain.RoleDisnaker, domain.RoleBPJS} {
		a.User(r)
	}
	base := a.TS.URL
	ctx := apptest.BrowserFor(t, 3*time.Minute) // a Tab at a time, on a busy machine

	// Disnaker writes the report and submits it.
	apptest.SignIn(t, ctx, base, "u-disnaker-3672")
	apptest.Visit(t, ctx, base+"/reports")
	apptest.TabTo(t, ctx, "a[href='/reports/new']")
	apptest.PressForPage(t, ctx, apptest.Enter)
	apptest.TabTo(t, ctx, "#meeting_on")
	apptest.Press(t, ctx, dateKeys(t, ctx, 2024, 7, 17))
	apptest.TabTo(t, ctx, "#meeting_place")
	apptest.Press(t, ctx, "Aula Disnaker")
	apptest.TabTo(t, ctx, "input[name=attendee_name]")
	apptest.Press(t, ctx, "Rina Marlina")
	apptest.TabTo(t, ctx, "#background")
	apptest.Press(t, ctx, "Klaim melampaui iuran pada pertengahan 2024.")
	apptest.TabTo(t, ctx, "#findings")
	apptest.Press(t, ctx, "Klaim melampaui iuran.")
	apptest.TabTo(t, ctx, "#recommendations")
	apptest.Press(t, ctx, "1. Anggarkan iuran pekerja rentan dalam APBD 2025.")
	apptest.TabTo(t, ctx, ".report-form button[type=submit]")
	apptest.PressForPage(t, ctx, apptest.Enter)
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.HasSuffix(loc, "/edit") {
		t.Fatalf("after saving: %s\n%s", loc, apptest.DocText(t, ctx))
	}
	reportURL := strings.TrimSuffix(loc, "/edit")
	apptest.TabTo(t, ctx, ".form-actions a") // Batal: back to the report
	apptest.PressForPage(t, ctx, apptest.Enter)
	apptest.TabTo(t, ctx, "form[action$='/submit'] button")
	apptest.PressForPage(t, ctx, apptest.Space)
	if text := apptest.DocText(t, ctx); !strings.Contains(text, "Status laporan: Diajukan") {
		t.Fatalf("the report was not submitted:\n%s", text)
	}

	// BPJS opens the review, comments on the findings and returns the report.
	apptest.SignIn(t, ctx, base, "u-bpjs-3672")
	apptest.Visit(t, ctx, reportURL)
	apptest.TabTo(t, ctx, "form[action$='/review'] button")
	apptest.PressForPage(t, ctx, apptest.Enter)
	const findings = "aside[aria-label='Komentar reviu: Temuan']"
	apptest.TabTo(t, ctx, findings+" summary")
	apptest.Press(t, ctx, apptest.Enter) // unfolds the comment form
	apptest.TabTo(t, ctx, "#comment-findings")
	apptest.Press(t, ctx, "Sebutkan sumber angka klaim.")
	apptest.TabTo(t, ctx, findings+" form[action$='/comments'] button")
	apptest.PressForPage(t, ctx, apptest.Enter)
	apptest.TabTo(t, ctx, "#note-return")
	apptest.Press(t, ctx, "Perbaiki temuan sesuai komentar.")
	apptest.PressForPage(t, ctx, apptest.Enter) // Enter in the reason sends its form
	if text := apptest.DocText(t, ctx); !strings.Contains(strings.ToLower(text), "dikembalikan untuk perbaikan") {
		t.Fatalf("the report was not returned:\n%s", text)
	}

	list, _ := a.Reports().Reports(context.Background(), "3672")
	if len(list) != 1 {
		t.Fatalf("%d reports, want 1", len(list))
	}
	r, err := a.Reports().Report(context.Background(), "3672", list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Meeting.Place != "Aula Disnaker" || r.Meeting.On.Format("2006-01-02") != "2024-07-17" || len(r.Attendees) != 1 {
		t.Errorf("the report as typed: meeting %+v, attendees %+v", r.Meeting, r.Attendees)
	}
	want := "create@u-disnaker-3672 submit@u-disnaker-3672 review@u-bpjs-3672 return@u-bpjs-3672"
	if got := history(a, r.ID); got != want {
		t.Errorf("history\n%s\nwant\n%s", got, want)
	}
	comments, _ := a.Reports().Comments(context.Background(), "3672", r.ID)
	if len(comments) != 1 || comments[0].Section != "findings" {
		t.Errorf("comments %+v", comments)
	}
}

// dateKeys are the keys that type a date into a date field, in the order of
// the browser's language (month first in en-US, day first in Indonesian).
func dateKeys(t *testing.T, ctx context.Context, year, month, day int) string {
	t.Helper()
	keys, err := chromedp.Run(ctx, chromedp.Evaluate[string](`new Intl.DateTimeFormat(navigator.language, {year: "numeric", month: "2-digit", day: "2-digit"})
		.formatToParts(new Date(`+strconv.Itoa(year)+`, `+strconv.Itoa(month-1)+`, `+strconv.Itoa(day)+`))
		.filter(p => p.type !== "literal").map(p => p.value).join("")`))
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// TestKeyboardFollowUp updates a follow-up item's status with the keyboard
// alone: from the Tindak lanjut list to the item, the status chosen by
// typing, a note, and the form sent with Enter.
func TestKeyboardFollowUp(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleDisnaker)
	ch := laporan.Change{Actor: domain.ActorFor(u, "", ""), Role: u.Role}
	c := laporan.Content{Title: "Laporan Juli", Period: domain.RangePeriod(domain.NewMonth(2024, time.January), domain.NewMonth(2024, time.July)),
		Basis: domain.BasisCash, Actions: []laporan.FollowUp{{Action: "Usulan APBD 2025", OwnerKind: laporan.OwnerDisnaker, Due: domain.Date(2024, time.August, 30)}}}
	if _, err := a.Reports().Create(context.Background(), ch, c); err != nil {
		t.Fatal(err)
	}
	base := a.TS.URL
	ctx := apptest.BrowserFor(t, 2*time.Minute)
	apptest.SignIn(t, ctx, base, "u-disnaker-3672")
	apptest.Visit(t, ctx, base+"/followups")
	apptest.TabTo(t, ctx, "table a[href^='/followups/']")
	apptest.PressForPage(t, ctx, apptest.Enter)
	apptest.TabTo(t, ctx, "#status")
	apptest.Press(t, ctx, "Sel")
	apptest.TabTo(t, ctx, "#note")
	apptest.Press(t, ctx, "Ditetapkan dalam APBD 2025")
	apptest.TabTo(t, ctx, "form[enctype] button[type=submit]")
	apptest.PressForPage(t, ctx, apptest.Enter)
	text := apptest.DocText(t, ctx)
	for _, want := range []string{"Status tindak lanjut disimpan: Selesai.", "Belum dimulai → Selesai", "Ditetapkan dalam APBD 2025"} {
		if !strings.Contains(text, want) {
			t.Fatalf("after sending the form, no %q:\n%s", want, text)
		}
	}
}
