package app_test

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// axeScript is axe-core, vendored with its licence in testdata/axe.
const axeScript = "../../testdata/axe/axe.min.js"

// axeAll widens the sweep to violations of every impact, for a closer look:
// go test ./internal/app -run TestAxe -axe.all
var axeAll = flag.Bool("axe.all", false, "TestAxe: fail on axe-core violations of every impact, not only serious and critical")

// axeRun runs axe-core on the page with the WCAG 2 A and AA rules and
// Deque's best practices, and keeps the violations of the impacts that fail
// the sweep, and a page without a main landmark, which axe-core rates
// moderate but screen-reader users need to skip to the content.
const axeRun = `axe.run(document, {
	runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "best-practice"]},
	resultTypes: ["violations"],
}).then(r => r.violations
	.filter(v => IMPACTS.includes(v.impact) || v.id === "landmark-one-main")
	.map(v => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(" "))})))`

// axeImpacts are the impacts that fail the sweep, as a JavaScript list.
func axeImpacts() string {
	if *axeAll {
		return `["minor", "moderate", "serious", "critical"]`
	}
	return `["serious", "critical"]`
}

// axeViolation is one rule a page breaks, with the elements that break it.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// axeWidths are the window widths of the sweep: a laptop and a phone.
var axeWidths = []int64{1280, 390}

// axeRoute is a page route of the policy with the addresses that show it.
type axeRoute struct {
	pattern string
	rule    httpx.Access
	pages   []axePage
}

// TestAxe opens every page of the route policy in a real Chromium, as every
// role allowed to see it (anonymous for public pages), at 1280 and 390 px,
// print views included, and fails on any serious or critical violation that
// axe-core finds, and on a page that scrolls sideways. Each role has a
// browser of its own and opens its pages one after another in one tab.
func TestAxe(t *testing.T) {
	script, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatal(err)
	}
	a := apptest.NewDemo(t)
	routes := axeRoutes(t, a)
	for _, role := range append([]domain.Role{""}, domain.Roles...) {
		name := string(role)
		if role == "" {
			name = "anonymous"
		}
		username := ""
		if role != "" {
			username = a.User(role).Username
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel() // a browser each: two run at once on two cores
			ctx := apptest.BrowserFor(t, 10*time.Minute)
			// Every page the tab opens gets axe-core before its own scripts.
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
				page.AddScriptToEvaluateOnNewDocumentParams{Source: string(script)}); err != nil {
				t.Fatal(err)
			}
			if role != "" {
				apptest.SignIn(t, ctx, a.TS.URL, username)
			}
			for _, r := range routes {
				if r.rule.Public != (role == "") || (role != "" && !r.rule.Allows(role)) {
					continue
				}
				for _, p := range r.pages {
					if p.Roles != nil && !slices.Contains(p.Roles, role) {
						continue
					}
					for _, v := range axeCheck(t, ctx, a.TS.URL, p) {
						t.Errorf("GET %s as %s: %s", r.pattern, name, v)
					}
				}
			}
		})
	}
}

// axeRoutes are the GET routes of the policy that render a page, each with
// the addresses to open; a route with a parameter and no sample fails.
func axeRoutes(t *testing.T, a *apptest.App) []axeRoute {
	t.Helper()
	samples := axePages(t, a)
	var routes []axeRoute
	for key, rule := range a.App.Policy() {
		method, pattern, _ := strings.Cut(key, " ")
		if method != http.MethodGet || rule.API || !rendersPage(pattern) {
			continue
		}
		pages, ok := samples[pattern]
		delete(samples, pattern)
		if !ok {
			if strings.Contains(pattern, "{") {
				t.Errorf("GET %s: no page to sweep; give it one in axePages", pattern)
				continue
			}
			pages = []axePage{{Path: pattern}}
		}
		routes = append(routes, axeRoute{pattern: pattern, rule: rule, pages: pages})
	}
	for pattern := range samples {
		t.Errorf("axePages names %s, which is no page route", pattern)
	}
	slices.SortFunc(routes, func(x, y axeRoute) int { return strings.Compare(x.pattern, y.pattern) })
	return routes
}

// axeCheck opens a page and runs axe-core on it at each width; it returns
// what it finds, each with the address and the width.
func axeCheck(t *testing.T, ctx context.Context, base string, p axePage) []string {
	t.Helper()
	resp, err := chromedp.RunResponse(ctx, chromedp.EmulateViewport(axeWidths[0], 900), chromedp.Navigate(base+p.Path))
	if err != nil {
		t.Fatalf("%s: %v", p.Path, err)
	}
	want := p.Status
	if want == 0 {
		want = http.StatusOK
	}
	if resp.Status != int64(want) || resp.MimeType != "text/html" {
		return []string{fmt.Sprintf("%s answered %d %s, want %d text/html", p.Path, resp.Status, resp.MimeType, want)}
	}
	var found []string
	for _, w := range axeWidths {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900)); err != nil {
			t.Fatal(err)
		}
		run := strings.Replace(axeRun, "IMPACTS", axeImpacts(), 1)
		vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](run, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s at %d px: axe-core: %v", p.Path, w, err)
		}
		for _, v := range vs {
			found = append(found, fmt.Sprintf("%s at %d px: %s (%s) %s:\n\t%s", p.Path, w, v.ID, v.Impact, v.Help, targets(v.Targets)))
		}
		if wide, err := chromedp.Run(ctx, chromedp.Evaluate[string](overflowing)); err != nil {
			t.Fatal(err)
		} else if wide != "" {
			found = append(found, fmt.Sprintf("%s at %d px: the page scrolls sideways: %s", p.Path, w, wide))
		}
	}
	return found
}

// overflowing names the elements that make the page wider than the window
// (content in a scrolling box of its own does not count, unless it is
// positioned out of it), "" when none do.
const overflowing = `(() => {
	const W = document.documentElement.clientWidth;
	if (document.documentElement.scrollWidth <= W) return "";
	const out = [];
	for (const el of document.body.querySelectorAll("*")) {
		if (el.getBoundingClientRect().right <= W + 1) continue;
		let p = el.parentElement, clipped = false;
		for (; p && p !== document.body; p = p.parentElement) {
			const o = getComputedStyle(p).overflowX;
			if (o !== "visible") { clipped = true; break; }
		}
		if (clipped && !["absolute", "fixed"].includes(getComputedStyle(el).position)) continue;
		const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.classList.length ? "." + [...el.classList].join(".") : "");
		out.push(name + " (" + Math.round(el.getBoundingClientRect().right) + " px)");
		if (out.length >= 5) break;
	}
	return document.documentElement.scrollWidth + " px wide: " + out.join(", ");
})()`

// targets lists the selectors of the elements a rule names, at most eight.
func targets(ts []string) string {
	if len(ts) > 8 {
		return strings.Join(ts[:8], "\n\t") + fmt.Sprintf("\n\t… and %d more", len(ts)-8)
	}
	return strings.Join(ts, "\n\t")
}
