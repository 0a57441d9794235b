package server

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/chrome"
	"github.com/cilegon/monev/internal/demo"
)

// browser starts a headless Chromium for a test. Without one the test fails:
// CI installs Chromium, and a browser test must never be skipped.
func browser(t *testing.T) context.Context {
	t.Helper()
	actx, cancel, err := chrome.NewAllocator(context.Background())
	if err != nil {
		t.Fatalf("browser test needs Chromium: %v", err)
	}
	t.Cleanup(cancel)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancelTimeout)
	return ctx
}

// TestBrowserPimpinanSeesTheDeficit signs in as the mayor's office in a real
// browser, chooses January–July 2024 and reads the meeting's figures.
func TestBrowserPimpinanSeesTheDeficit(t *testing.T) {
	a := newDemoApp(t)
	ctx := browser(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(a.ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "pimpinan"),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".stats")),
		chromedp.SetValue(chromedp.CSS("#from"), "2024-01"),
		chromedp.SetValue(chromedp.CSS("#to"), "2024-07"),
		chromedp.Click(chromedp.CSS("form.filters button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".alert-deficit")),
	)
	if err != nil {
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
