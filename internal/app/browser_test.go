package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
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

// TestBrowserImportPreviewConfirm uploads a workers file in a real browser,
// reads the preview and confirms it.
func TestBrowserImportPreviewConfirm(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleDisnaker)
	path := filepath.Join(t.TempDir(), "peserta.csv")
	if err := os.WriteFile(path, []byte(workersFile), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := apptest.Browser(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(a.TS.URL+"/imports/new?kind=workers"),
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
		chromedp.WaitVisible(chromedp.CSS("#file")),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{path}),
		chromedp.Click(chromedp.CSS("form[data-upload-progress] button[type=submit]")),
	)
	if err != nil {
		t.Fatal(err)
	}
	// The batch page refreshes itself until the check is done.
	text := apptest.WaitForText(t, ctx, "Siap diimpor: 2 baris baru")
	if !strings.Contains(text, "Konfirmasi impor") {
		t.Fatalf("preview lacks the confirm button:\n%s", text)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form[action$='/confirm'] button"))); err != nil {
		t.Fatal(err)
	}
	apptest.WaitForText(t, ctx, "Berhasil diimpor")
	if n := a.CountRows("worker"); n != 2 {
		t.Errorf("after confirming in the browser: %d workers, want 2", n)
	}
}
