package app_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/demo"
)

// TestBrowserPimpinanSeesTheDeficit signs in as the mayor's office in a real
// browser, chooses January–July 2024 and reads the meeting's figures.
func TestBrowserPimpinanSeesTheDeficit(t *testing.T) {
	a := apptest.NewDemo(t)
	ctx := apptest.Browser(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(a.TS.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "pimpinan"),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
	)
	if err != nil {
		t.Fatal(err)
	}
	// Each click loads a new page: wait for its response before going on.
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS(".stats")),
		chromedp.SetValue(chromedp.CSS("#from"), "2024-01"),
		chromedp.SetValue(chromedp.CSS("#to"), "2024-07"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form.filters button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(".alert-deficit"))); err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "from=2024-01") || !strings.Contains(loc, "to=2024-07") || !strings.Contains(loc, "basis=cash") {
		t.Errorf("the address does not carry the choice: %s", loc)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Januari–Juli 2024", "Rp 480.457.660", "Rp 790.000.000", "−Rp 309.542.340", "164,4 %", "DEFISIT"} {
		if !strings.Contains(text, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
