package apptest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/platform/pdf"
)

// Browser starts a headless Chromium for a test. Without one the test fails:
// CI installs Chromium, and a browser test must never be skipped.
func Browser(t *testing.T) context.Context {
	t.Helper()
	return BrowserFor(t, 60*time.Second)
}

// BrowserFor starts a headless Chromium for a test that may use it for as
// long as d, for tests that walk many pages.
func BrowserFor(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	actx, cancel, err := pdf.NewAllocator(context.Background())
	if err != nil {
		t.Fatalf("browser test needs Chromium: %v", err)
	}
	t.Cleanup(cancel)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, d)
	t.Cleanup(cancelTimeout)
	return ctx
}

// SignIn signs a user in through the sign-in page, signing out whoever was signed in.
func SignIn(t *testing.T, ctx context.Context, base, username string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/login")); err != nil {
		t.Fatal(err)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("form[action='/logout']").length`)); n > 0 {
		Click(t, ctx, "form[action='/logout'] button")
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/login")); err != nil {
			t.Fatal(err)
		}
	}
	err := chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), username),
		chromedp.SendKeys(chromedp.CSS("#password"), Password),
	)
	if err != nil {
		t.Fatal(err)
	}
	Click(t, ctx, "form button[type=submit]")
}

// Click clicks what loads a new page and waits for its response.
func Click(t *testing.T, ctx context.Context, css string) {
	t.Helper()
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(css))); err != nil {
		t.Fatalf("click %s: %v", css, err)
	}
}

// Visit opens a page and returns the text of its body.
func Visit(t *testing.T, ctx context.Context, url string) string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("main, .doc"))); err != nil {
		t.Fatal(err)
	}
	return DocText(t, ctx)
}

// DocText is the text of the page's body.
func DocText(t *testing.T, ctx context.Context) string {
	t.Helper()
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// WaitForText polls the page's main text until it contains want, across the
// reloads of pages that refresh themselves, and returns it once that page
// has finished loading: a click on a page still loading may be lost to the
// navigation in progress.
func WaitForText(t *testing.T, ctx context.Context, want string) string {
	t.Helper()
	var text string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === "complete" && document.querySelector("main") ? document.querySelector("main").innerText : ""`))
		if err == nil {
			text = got
			if strings.Contains(text, want) {
				return text
			}
		}
	}
	t.Fatalf("the page never showed %q; last:\n%s", want, text)
	return ""
}

// PDFPages reads a PDF back with pdftotext (poppler-utils): its text, page
// by page. The test fails when pdf is not a PDF.
func PDFPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 40)])
	}
	file := filepath.Join(t.TempDir(), "dokumen.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (apt-get install poppler-utils): %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}
