// Package pdf prints pages to PDF in a warm headless Chromium (Printer), and
// finds and starts Chromium for it and for the browser tests (NewAllocator).
// It imports nothing of the project.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium reports that no Chromium or Chrome executable was found.
var ErrNoChromium = errors.New("chromium not found: install it with `apt-get install chromium` or set MONEV_CHROMIUM to its path")

// Find returns the path of a Chromium or Chrome executable: MONEV_CHROMIUM
// when set, else the first of the usual names on PATH.
func Find() (string, error) {
	if p := os.Getenv("MONEV_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("pdf: MONEV_CHROMIUM: %w", err)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// Sandbox reports whether Chromium may run in its own sandbox here, and
// why not when it may not: Chromium refuses its sandbox to root (run monev
// as its own user), and MONEV_CHROMIUM_NO_SANDBOX=1 turns it off for hosts
// whose kernel forbids the user namespaces it needs. A host where the
// sandboxed start fails anyway is found out by the Printer, which then
// starts Chromium without it and logs a warning.
func Sandbox() (bool, string) {
	switch {
	case os.Getenv("MONEV_CHROMIUM_NO_SANDBOX") == "1":
		return false, "MONEV_CHROMIUM_NO_SANDBOX=1"
	case os.Geteuid() == 0:
		return false, "monev runs as root, and Chromium refuses its sandbox to root"
	}
	return true, ""
}

// NewAllocator starts an allocator for a fresh headless Chromium with its own
// temporary profile, in its sandbox when Sandbox allows it. Flags keep it
// off the network (this machine's network is closed).
func NewAllocator(ctx context.Context) (context.Context, context.CancelFunc, error) {
	ok, _ := Sandbox()
	return newAllocator(ctx, ok)
}

func newAllocator(ctx context.Context, sandbox bool) (context.Context, context.CancelFunc, error) {
	path, err := Find()
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("no-sandbox", !sandbox),
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(ctx, opts...)
	return actx, cancel, nil
}
