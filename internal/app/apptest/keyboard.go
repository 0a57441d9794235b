package apptest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The keys of keyboard-only tests, for Press and PressForPage.
const (
	Tab   = kb.Tab
	Enter = kb.Enter
	Space = " "
)

// Press presses keys on whatever has the focus, as a keyboard does: Tab,
// Enter, Space, or text to type.
func Press(t *testing.T, ctx context.Context, keys string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(keys)); err != nil {
		t.Fatalf("press %q: %v", keys, err)
	}
}

// PressForPage presses keys that load a new page, and waits for it.
func PressForPage(t *testing.T, ctx context.Context, keys string) {
	t.Helper()
	if _, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(keys)); err != nil {
		t.Fatalf("press %q for a new page: %v", keys, err)
	}
}

// maxTabs is how many times TabTo presses Tab before it gives up.
const maxTabs = 150

// focusProblem says what is wrong with the element that has the focus: it
// is off the screen, or shows no outline or shadow that can be seen (nor
// does its label, for an input hidden inside one); "" when nothing is. Past the last element the
// focus leaves the page for the browser's own controls; SVG links show their
// focus by their marks' strokes.
const focusProblem = `(() => {
	const el = document.activeElement;
	if (!el || el === document.body) return "";
	const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + JSON.stringify((el.innerText || el.value || "").trim().slice(0, 40));
	if (el instanceof SVGElement) return "";
	const r = el.getBoundingClientRect();
	if (r.width === 0 || r.height === 0 || r.right < 0 || r.left > innerWidth) return name + " has the focus but cannot be seen";
	const seen = e => {
		for (let x = e; x; x = x.parentElement) {
			const cs = getComputedStyle(x);
			if (cs.opacity === "0" || cs.visibility === "hidden") return false;
		}
		return true;
	};
	const ring = e => {
		const cs = getComputedStyle(e);
		return seen(e) && ((cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none");
	};
	if (ring(el) || [...(el.labels || [])].some(ring)) return "";
	return name + " has the focus but does not show it";
})()`

// TabTo presses Tab until an element that matches css has the focus. It
// fails when none gets it within maxTabs presses, and when an element on the
// way does not show that it has the focus.
func TabTo(t *testing.T, ctx context.Context, css string) {
	t.Helper()
	for range maxTabs {
		Press(t, ctx, Tab)
		problem, err := chromedp.Run(ctx, chromedp.Evaluate[string](focusProblem))
		if err != nil {
			t.Fatal(err)
		}
		if problem != "" {
			t.Errorf("tabbing to %s: %s", css, problem)
		}
		found, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement.matches(`+jsString(css)+`)`))
		if err != nil {
			t.Fatal(err)
		}
		if found {
			return
		}
	}
	t.Fatalf("%d presses of Tab never reached %s", maxTabs, css)
}

// ChooseFile presses a key on the focused file input and answers the file
// chooser it opens with path, as a person does in the dialog.
func ChooseFile(t *testing.T, ctx context.Context, key, path string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	opened := chromedp.Events(ctx, page.FileChooserOpened)
	Press(t, ctx, key)
	for ev, err := range opened {
		if err != nil {
			t.Fatalf("pressing %q opened no file chooser: %v", key, err)
		}
		if _, err := chromedp.Call(ctx, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: []string{path}, BackendNodeID: ev.BackendNodeID}); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("pressing %q opened no file chooser", key)
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
