package pdf

import (
	"context"
	"fmt"
	"iter"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// PrintOrigin is the made-up origin the printing browser loads pages
// from. The .invalid top-level domain never resolves, and every request
// the browser makes is answered in-process (see PDF), so the page never
// travels over a network and no session or token is needed to print it.
const PrintOrigin = "http://monev.invalid"

// PDFTimeout bounds the printing of one document.
const PDFTimeout = 45 * time.Second

// Available reports whether a Chromium to print with is installed,
// without starting it.
func Available() error {
	_, err := Find()
	return err
}

// Page is how a document is printed: its footer and the A4 margins.
type Page struct {
	// Footer is the text at the left of every page's footer, e.g. the
	// title and checksum; "Halaman X dari Y" is at the right.
	Footer string
}

// Printer prints pages to PDF in one headless Chromium, started on first
// use and kept warm, with its tabs, for the next document. It is safe for
// concurrent use: a document has a tab to itself, and up to MaxTabs
// documents print at once.
type Printer struct {
	mu      sync.Mutex
	browser context.Context
	stop    func()
	idle    chan *printTab // warm tabs waiting for a document
	open    int            // tabs in use or idle
	ready   *sync.Cond     // signalled when a tab is returned or closed
	warned  bool           // the missing sandbox was logged
}

// MaxTabs bounds how many documents print at once.
const MaxTabs = 2

// printTab is a tab that serves its page's requests from the current job's handler.
type printTab struct {
	ctx   context.Context
	close func()
	mu    sync.Mutex
	job   *printJob
}

// printJob is the handler and request values of the document a tab prints.
type printJob struct {
	h      http.Handler
	values context.Context
}

// NewPrinter returns a printer; Chromium starts with the first PDF.
func NewPrinter() *Printer {
	p := &Printer{idle: make(chan *printTab, MaxTabs)}
	p.ready = sync.NewCond(&p.mu)
	return p
}

// startLocked returns the running browser, starting one when there is none
// or the last one died. p.mu must be held.
func (p *Printer) startLocked() (context.Context, error) {
	if p.browser != nil && p.browser.Err() == nil {
		return p.browser, nil
	}
	p.closeLocked()
	sandbox, why := Sandbox()
	bctx, stop, err := launch(sandbox)
	if err != nil && sandbox {
		// The host does not allow the sandbox (no user namespaces).
		if bctx, stop, err = launch(false); err == nil {
			why = "the sandboxed start failed on this host"
		}
	}
	if err != nil {
		return nil, err
	}
	if why != "" && !p.warned {
		slog.Warn("chromium prints PDFs without its sandbox; see docs/operations.md", "reason", why)
		p.warned = true
	}
	p.browser, p.stop = bctx, stop
	return bctx, nil
}

// launch starts a headless Chromium, sandboxed or not.
func launch(sandbox bool) (context.Context, func(), error) {
	actx, cancelAlloc, err := newAllocator(context.Background(), sandbox)
	if err != nil {
		return nil, nil, err
	}
	bctx, cancelBrowser := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, nil, fmt.Errorf("report: start chromium: %w", err)
	}
	return bctx, func() { cancelBrowser(); cancelAlloc() }, nil
}

// Close stops the browser, if one runs. The printer can start another later.
func (p *Printer) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closeLocked()
}

func (p *Printer) closeLocked() {
	for {
		select {
		case t := <-p.idle:
			t.close()
			p.open--
			continue
		default:
		}
		break
	}
	if p.stop != nil {
		p.stop()
		p.stop, p.browser = nil, nil
	}
	p.ready.Broadcast()
}

// take returns a warm tab, opening one when fewer than MaxTabs are open
// and waiting for one otherwise.
func (p *Printer) take() (*printTab, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		browser, err := p.startLocked()
		if err != nil {
			return nil, err
		}
		select {
		case t := <-p.idle:
			if t.ctx.Err() == nil {
				return t, nil
			}
			p.open--
			continue
		default:
		}
		if p.open < MaxTabs {
			t, err := openTab(browser)
			if err != nil {
				return nil, err
			}
			p.open++
			return t, nil
		}
		p.ready.Wait()
	}
}

// give returns a tab after a document: to the idle ones when it printed,
// closed when something went wrong with it.
func (p *Printer) give(t *printTab, ok bool) {
	t.mu.Lock()
	t.job = nil
	t.mu.Unlock()
	p.mu.Lock()
	defer p.mu.Unlock()
	if ok && t.ctx.Err() == nil && p.browser != nil {
		p.idle <- t
	} else {
		t.close()
		p.open--
	}
	p.ready.Signal()
}

// openTab opens a tab whose every request pauses for the printer to answer.
func openTab(browser context.Context) (*printTab, error) {
	ctx, cancel := chromedp.NewContext(browser)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, fmt.Errorf("report: open tab: %w", err)
	}
	t := &printTab{ctx: ctx, close: cancel}
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{}); err != nil {
		cancel()
		return nil, fmt.Errorf("report: intercept requests: %w", err)
	}
	go t.serve(paused)
	return t, nil
}

// serve answers every paused request of the tab with the current job's
// handler; a request while no job runs fails. It runs until the tab closes.
func (t *printTab) serve(paused iter.Seq2[fetch.EventRequestPaused, error]) {
	for ev, err := range paused {
		if err != nil {
			return
		}
		t.mu.Lock()
		job := t.job
		t.mu.Unlock()
		go answer(t.ctx, job, ev)
	}
}

// PDF loads path (with its query) in a warm tab and prints it on A4
// portrait. Every request of the tab, the page and its stylesheets alike,
// is answered by h in-process; requests for any other origin fail. h sees
// the requests with ctx's values, so the handler knows who prints.
func (p *Printer) PDF(ctx context.Context, h http.Handler, path string, page Page) ([]byte, error) {
	t, err := p.take()
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	t.job = &printJob{h: h, values: ctx}
	t.mu.Unlock()
	pdf, err := t.print(ctx, path, page)
	p.give(t, err == nil)
	return pdf, err
}

// print loads the page in the tab and prints it, within PDFTimeout.
func (t *printTab) print(ctx context.Context, path string, page Page) ([]byte, error) {
	tctx, cancel := context.WithTimeout(t.ctx, PDFTimeout)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	resp, err := chromedp.Run(tctx, chromedp.NavigateResponse(PrintOrigin+path))
	if err != nil {
		return nil, fmt.Errorf("report: load %s: %w", path, err)
	}
	if resp.Status != http.StatusOK {
		return nil, fmt.Errorf("report: load %s: status %d", path, resp.Status)
	}
	// Wait for the fonts, so that nothing is laid out with a fallback.
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

// answer serves one paused request: from the job's handler when it is a
// GET for the print origin, failed otherwise.
func answer(tab context.Context, job *printJob, ev fetch.EventRequestPaused) {
	u, err := url.Parse(ev.Request.URL)
	if job == nil || err != nil || u.Scheme+"://"+u.Host != PrintOrigin || ev.Request.Method != http.MethodGet {
		_, _ = chromedp.Call(tab, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID,
			ErrorReason: network.ErrorReasonBlockedByClient})
		return
	}
	req := httptest.NewRequestWithContext(context.WithoutCancel(job.values), http.MethodGet, u.RequestURI(), nil)
	req.Host = u.Host
	rec := httptest.NewRecorder()
	job.h.ServeHTTP(rec, req)
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
