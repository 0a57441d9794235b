package ui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
)

// TestBrowserReportWorkflow walks a report through every step in a real
// browser, each by its role: Disnaker writes and submits; BPJS opens the
// review, comments and returns it; Disnaker replies, fixes and resubmits;
// BPJS approves; the Kepala Dinas signs; pimpinan reads it and its print view.
func TestBrowserReportWorkflow(t *testing.T) {
	a := apptest.New(t)
	for _, r := range []domain.Role{domain.RoleDisnaker, domain.RoleBPJS, domain.RolePimpinan} {
		a.User(r)
	}
	kadis(a)
	base := a.TS.URL
	ctx := apptest.Browser(t)

	// Disnaker writes the report.
	apptest.SignIn(t, ctx, base, "u-disnaker-3672")
	apptest.Visit(t, ctx, base+"/reports")
	apptest.Click(t, ctx, "a[href='/reports/new']")
	err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#from"), "2024-01"),
		chromedp.SetValue(chromedp.CSS("#to"), "2024-07"),
		chromedp.SetValue(chromedp.CSS("#meeting_on"), "2024-07-17"),
		chromedp.SendKeys(chromedp.CSS("#meeting_place"), "Zuka Resto Iga Konro"),
		chromedp.SendKeys(chromedp.CSS("input[name=attendee_name]"), "Rina Marlina"),
		chromedp.SendKeys(chromedp.CSS("input[name=attendee_institution]"), "Dinas Tenaga Kerja"),
		chromedp.SendKeys(chromedp.CSS("#background"), "Klaim melampaui iuran pada pertengahan 2024."),
		chromedp.SendKeys(chromedp.CSS("#recommendations"), "1. Anggarkan iuran pekerja rentan dalam APBD 2025."),
	)
	if err != nil {
		t.Fatal(err)
	}
	apptest.Click(t, ctx, ".report-form button[type=submit]")
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.HasSuffix(loc, "/edit") {
		t.Fatalf("after saving: %s", loc)
	}
	reportURL := strings.TrimSuffix(loc, "/edit")
	text := apptest.Visit(t, ctx, reportURL)
	for _, want := range []string{"DRAF", "Zuka Resto Iga Konro", "Selama Januari–Juli 2024"} {
		if !strings.Contains(text, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	apptest.Click(t, ctx, "form[action$='/submit'] button")

	// BPJS opens the review, comments on the findings and returns the report.
	apptest.SignIn(t, ctx, base, "u-bpjs-3672")
	apptest.Visit(t, ctx, reportURL)
	apptest.Click(t, ctx, "form[action$='/review'] button")
	// The comment form of a section is folded away until asked for.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("aside[aria-label='Komentar reviu: Temuan'] summary"))); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS("#comment-findings")),
		chromedp.SendKeys(chromedp.CSS("#comment-findings"), "Sebutkan bahwa angka klaim adalah klaim yang sudah dibayar."),
	)
	if err != nil {
		t.Fatal(err)
	}
	apptest.Click(t, ctx, "aside[aria-label='Komentar reviu: Temuan'] form[action$='/comments'] button")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#note-return"), "Perbaiki temuan sesuai komentar.")); err != nil {
		t.Fatal(err)
	}
	apptest.Click(t, ctx, "form[action$='/return'] button")
	if text := apptest.DocText(t, ctx); !strings.Contains(strings.ToLower(text), "dikembalikan untuk perbaikan") {
		t.Fatal("the report was not returned")
	}

	// Disnaker replies, fixes the findings and submits again.
	apptest.SignIn(t, ctx, base, "u-disnaker-3672")
	apptest.Visit(t, ctx, reportURL)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(".reply-form textarea"), "Sudah kami tegaskan.")); err != nil {
		t.Fatal(err)
	}
	apptest.Click(t, ctx, ".reply-form button")
	apptest.Visit(t, ctx, reportURL+"/edit")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#findings"), "\nAngka klaim adalah klaim yang sudah dibayar.")); err != nil {
		t.Fatal(err)
	}
	apptest.Click(t, ctx, ".report-form button[type=submit]")
	apptest.Click(t, ctx, "form[action$='/submit'] button")

	// BPJS reviews again and approves.
	apptest.SignIn(t, ctx, base, "u-bpjs-3672")
	apptest.Visit(t, ctx, reportURL)
	apptest.Click(t, ctx, "form[action$='/review'] button")
	apptest.Click(t, ctx, "form[action$='/approve'] button")

	// The Kepala Dinas signs.
	apptest.SignIn(t, ctx, base, "kadis")
	apptest.Visit(t, ctx, reportURL)
	apptest.Click(t, ctx, "a[href$='/sign']")
	text = apptest.DocText(t, ctx)
	for _, want := range []string{"Drs. H. Ahmad Suhendi, M.Si.", "Pembina Utama Muda (IV/c)", "19680512 199403 1 007"} {
		if !strings.Contains(text, want) {
			t.Errorf("the signing form lacks %q", want)
		}
	}
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#date"), "2024-07-31"), chromedp.Click(chromedp.CSS("input[name=confirm]"))); err != nil {
		t.Fatal(err)
	}
	apptest.Click(t, ctx, "form[action$='/sign'] button[type=submit]")
	if text := apptest.DocText(t, ctx); !strings.Contains(strings.ToLower(text), "final, ditandatangani") || !strings.Contains(text, "dibekukan") {
		t.Fatalf("not signed:\n%s", text)
	}

	// Pimpinan finds it in the list and reads it and its print view.
	apptest.SignIn(t, ctx, base, "u-pimpinan-3672")
	text = apptest.Visit(t, ctx, base+"/reports")
	if !strings.Contains(strings.ToLower(text), "final, ditandatangani") {
		t.Errorf("pimpinan's list lacks the final report:\n%s", text)
	}
	text = apptest.Visit(t, ctx, reportURL)
	for _, want := range []string{"Riwayat laporan", "Ditandatangani; angka dibekukan", "oleh kadis", "Sidik SHA-256"} {
		if !strings.Contains(text, want) {
			t.Errorf("the final report lacks %q", want)
		}
	}
	apptest.Click(t, ctx, "a[href$='/print']")
	text = apptest.DocText(t, ctx)
	for _, want := range []string{"PEMERINTAH KOTA CILEGON", "LEMBAR PENGESAHAN", "Mengetahui,", "NIP 19680512 199403 1 007", "Cilegon, 31 Juli 2024"} {
		if !strings.Contains(text, want) {
			t.Errorf("the print view lacks %q", want)
		}
	}
	if visible, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.querySelector("[data-print]").hidden`)); !visible {
		t.Error("the print button is hidden although scripts run")
	}

	list, _ := a.Reports().Reports(context.Background(), "3672")
	want := "create@u-disnaker-3672 submit@u-disnaker-3672 review@u-bpjs-3672 return@u-bpjs-3672 update@u-disnaker-3672 " +
		"submit@u-disnaker-3672 review@u-bpjs-3672 approve@u-bpjs-3672 sign@kadis"
	if got := history(a, list[0].ID); got != want {
		t.Errorf("history\n%s\nwant\n%s", got, want)
	}
	comments, _ := a.Reports().Comments(context.Background(), "3672", list[0].ID)
	if th := laporan.Threads(comments); len(th) != 1 || th[0].Section != "findings" || len(th[0].Replies) != 1 {
		t.Errorf("review threads %+v", th)
	}
}
