package ui_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// TestBrowserAddWorkerThroughTheForm registers a worker through the form in
// a real browser, fixing a refused NIK on the way, and finds them in the list.
func TestBrowserAddWorkerThroughTheForm(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleDisnaker)
	ctx := apptest.Browser(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(a.TS.URL+"/workers/new"),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), u.Username),
		chromedp.SendKeys(chromedp.CSS("#password"), apptest.Password),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS("#nik")),
		chromedp.SendKeys(chromedp.CSS("#nik"), "3672045707900000"),
		chromedp.SendKeys(chromedp.CSS("#nama"), "Siti Aminah"),
		chromedp.SetValue(chromedp.CSS("#kategori"), "nelayan"),
		chromedp.SetValue(chromedp.CSS("#kelurahan"), "36.72.04.1005"),
		chromedp.SetValue(chromedp.CSS("#tanggal_mulai"), "2024-01-01"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form.record-form button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "tidak boleh 0000") {
		t.Fatalf("the refused form lacks the NIK's problem:\n%s", text)
	}
	// The form kept what was typed: only the NIK needs fixing.
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#nik"), "3672045707900012"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form.record-form button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(".flash-ok"))); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(a.TS.URL+"/workers"),
		chromedp.WaitVisible(chromedp.CSS("#q")),
		chromedp.SendKeys(chromedp.CSS("#q"), "aminah"),
		chromedp.SetValue(chromedp.CSS("#category"), "nelayan"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form.registry-filters button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	text, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("table.registry tbody")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Siti Aminah", "3672045707900012", "Nelayan", "Kepuh", "Ciwandan", "Aktif", "1 Jan 2024"} {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) { // badges are upper-cased by CSS
			t.Errorf("the list lacks %q:\n%s", want, text)
		}
	}
}
