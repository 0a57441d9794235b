package ui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// TestBrowserImportPreviewConfirm uploads a workers file in a real browser,
// reads the preview and confirms it.
func TestBrowserImportPreviewConfirm(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleDisnaker)
	path := workersOnDisk(t)
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

// TestKeyboardImport uploads, previews and confirms a workers file with the
// keyboard alone: Tab to each control, Space to open the file chooser and
// to press the confirm button, Enter to upload.
func TestKeyboardImport(t *testing.T) {
	a := apptest.New(t)
	u := a.User(domain.RoleDisnaker)
	path := workersOnDisk(t)
	ctx := apptest.BrowserFor(t, 3*time.Minute) // a Tab at a time, on a busy machine
	apptest.SignIn(t, ctx, a.TS.URL, u.Username)
	apptest.Visit(t, ctx, a.TS.URL+"/imports")

	apptest.TabTo(t, ctx, "a[href='/imports/new?kind=workers']")
	apptest.PressForPage(t, ctx, apptest.Enter)
	apptest.TabTo(t, ctx, "#file")
	apptest.ChooseFile(t, ctx, apptest.Space, path)
	apptest.TabTo(t, ctx, "form[data-upload-progress] button[type=submit]")
	apptest.PressForPage(t, ctx, apptest.Enter)

	text := apptest.WaitForText(t, ctx, "Siap diimpor: 2 baris baru")
	if !strings.Contains(text, "Konfirmasi impor") {
		t.Fatalf("preview lacks the confirm button:\n%s", text)
	}
	apptest.TabTo(t, ctx, "form[action$='/confirm'] button")
	apptest.PressForPage(t, ctx, apptest.Space)
	apptest.WaitForText(t, ctx, "Berhasil diimpor")
	if n := a.CountRows("worker"); n != 2 {
		t.Errorf("after confirming by keyboard: %d workers, want 2", n)
	}
}

// workersOnDisk writes the workers file where a browser can upload it, and
// returns its path.
func workersOnDisk(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "peserta.csv")
	if err := os.WriteFile(path, []byte(workersFile), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
