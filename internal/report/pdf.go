package report

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/chrome"
)

// PrintOrigin is the made-up origin the printing browser loads pages
// from. The .invalid top-level domain never resolves, and every request
// the browser makes is answered in-process (see PDF), so the page never
// travels over a network and no session or token is needed to print it.
const PrintOrigin = "http://monev.invalid"

// PDFTimeout bounds the printing of one document.
const PDFTimeout = 45 * time.Second

// ErrNoChromium reports that PDF printing needs a Chromium that is not installed.
var ErrNoChromium = chrome.ErrNotFound

// Available reports whether a Chromium to print with is installed,
// without starting it.
func Available() error {
	_, err := chrome.Find()
	return err
}

// Page is how a document is printed: its footer and the A4 margins.
type Page struct {
	// Footer is the text at the left of every page's footer, e.g. the
	// title and checksum; "Halaman X dari Y" is at the right.
	Footer string
}

// Printer prints pages to PDF in one headless Chromium, started on first
// use and kept warm for the next document. It is safe for concurrent use:
// each document gets its own tab.
type Printer struct {
	mu      sync.Mutex
	browser context.Context
	stop    func()
}

// NewPrinter returns a printer; Chromium starts with the first PDF.
func NewPrinter() *Printer { return &Printer{} }

// start returns the running browser, starting one when there is none or
// the last one died.
func (p *Printer) start() (context.Context, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.browser != nil && p.browser.Err() == nil {
		return p.browser, nil
	}
	actx, cancelAlloc, err := chrome.NewAllocator(context.Background())
	if err != nil {
		return nil, err
	}
	bctx, cancelBrowser := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, fmt.Errorf("report: start chromium: %w", err)
	}
	p.browser = bctx
	p.stop = func() { cancelBrowser(); cancelAlloc() }
	return bctx, nil
}

// Close stops the browser, if one runs. The printer can start another later.
func (p *Printer) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stop != nil {
		p.stop()
		p.stop, p.browser = nil, nil
	}
}

// PDF loads path (with its query) in a new tab and prints it on A4
// portrait. Every request of the tab, the page and its stylesheets alike,
// is answered by h in-process; requests for any other origin fail. h sees
// the requests with ctx's values, so the handler knows who prints.
func (p *Printer) PDF(ctx context.Context, h http.Handler, path string, page Page) ([]byte, error) {
	browser, err := p.start()
	if err != nil {
		return nil, err
	}
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	if err := chromedp.Do(tab); err != nil {
		return nil, fmt.Errorf("report: open tab: %w", err)
	}
	tctx, cancel := context.WithTimeout(tab, PDFTimeout)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()

	paused := chromedp.Events(tctx, fetch.RequestPaused)
	if _, err := chromedp.Call(tctx, fetch.Enable, fetch.EnableParams{}); err != nil {
		return nil, fmt.Errorf("report: intercept requests: %w", err)
	}
	go serveTab(tctx, ctx, h, paused)

	resp, err := chromedp.Run(tctx, chromedp.NavigateResponse(PrintOrigin+path))
	if err != nil {
		return nil, fmt.Errorf("report: load %s: %w", path, err)
	}
	if resp.Status != http.StatusOK {
		return nil, fmt.Errorf("report: load %s: status %d", path, resp.Status)
	}
	// Wait for the fonts, so the first print does not lay out with fallbacks.
	if err := chromedp.Do(tctx, chromedp.Evaluate[chromedp.Void](`document.fonts.ready.then(() => true)`,
		chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("report: wait for fonts: %w", err)
	}
	buf, err := chromedp.Run(tctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFMargins(MarginTop, MarginRight, MarginBottom, MarginLeft),
		chromedp.PDFPrintBackground(),
		chromedp.PDFHeaderTemplate(`<span></span>`),
		chromedp.PDFFooterTemplate(footerTemplate(page.Footer)),
		chromedp.PDFOutlineAndTagged(),
	))
	if err != nil {
		return nil, fmt.Errorf("report: print %s: %w", path, err)
	}
	return buf, nil
}

// The A4 margins in inches, as Indonesian official letters set them: 3 cm
// on the binding side, 2 cm elsewhere and room for the footer at the bottom.
const (
	MarginTop    = 2.0 / 2.54
	MarginRight  = 2.0 / 2.54
	MarginBottom = 2.4 / 2.54
	MarginLeft   = 3.0 / 2.54
)

// footerTemplate is the footer of every page: the document's line on the
// left and "Halaman X dari Y" on the right. Chromium fills the spans; the
// template is rendered apart from the page, so it carries its own styles.
func footerTemplate(text string) string {
	return `<div style="width:100%;margin:0 2cm 0 3cm;padding-top:2mm;border-top:0.5pt solid #777;` +
		`font-family:Arial,'Liberation Sans',sans-serif;font-size:7.5pt;color:#333;display:flex;justify-content:space-between;gap:8mm">` +
		`<span>` + escape(text) + `</span>` +
		`<span style="white-space:nowrap">Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></span></div>`
}

// escape makes text safe inside the footer's HTML.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// serveTab answers every paused request of a tab: requests for the print
// origin from h, anything else fails. It runs until the tab's context ends.
func serveTab(tab, values context.Context, h http.Handler, paused iter.Seq2[fetch.EventRequestPaused, error]) {
	for ev, err := range paused {
		if err != nil {
			return
		}
		go answer(tab, values, h, ev)
	}
}

// answer serves one paused request.
func answer(tab, values context.Context, h http.Handler, ev fetch.EventRequestPaused) {
	u, err := url.Parse(ev.Request.URL)
	if err != nil || u.Scheme+"://"+u.Host != PrintOrigin || ev.Request.Method != http.MethodGet {
		_, _ = chromedp.Call(tab, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID,
			ErrorReason: network.ErrorReasonBlockedByClient})
		return
	}
	req := httptest.NewRequestWithContext(context.WithoutCancel(values), http.MethodGet, u.RequestURI(), nil)
	req.Host = u.Host
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var headers []*fetch.HeaderEntry
	for k, vs := range rec.Header() {
		for _, v := range vs {
			headers = append(headers, &fetch.HeaderEntry{Name: k, Value: v})
		}
	}
	// An error means the tab is gone: nothing waits for the answer.
	_, _ = chromedp.Call(tab, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: ev.RequestID,
		ResponseCode: int64(rec.Code), ResponseHeaders: headers, Body: rec.Body.Bytes()})
}
