package pdf

import (
	"bytes"
	"context"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

// TestPrinterServesThePageInProcess prints a page whose stylesheet comes
// from the same handler, and checks that a request to any other origin
// never leaves the browser.
func TestPrinterServesThePageInProcess(t *testing.T) {
	var mu sync.Mutex
	var others []string
	mux := http.NewServeMux()
	mux.HandleFunc("GET /doc", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html lang="id"><head><meta charset="utf-8"><link rel="stylesheet" href="/s.css">` +
			`<link rel="stylesheet" href="http://127.0.0.1:1/leak.css"></head><body><h1>Laporan Monev</h1>` +
			`<p class="a">Halaman satu</p><p class="b">Rp 480.457.660</p></body></html>`))
	})
	mux.HandleFunc("GET /s.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		w.Write([]byte(`.b { break-before: page; }`))
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		others = append(others, r.Host+r.URL.Path)
		mu.Unlock()
		http.NotFound(w, r)
	})
	p := NewPrinter()
	defer p.Close()
	pdf, err := p.PDF(context.Background(), mux, "/doc", Page{Footer: "Laporan <uji> · SHA-256 abc"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"Laporan Monev", "Rp 480.457.660", "Halaman 1 dari 2", "Halaman 2 dari 2", "Laporan <uji> · SHA-256 abc"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	mu.Lock()
	for _, o := range others {
		if !strings.HasPrefix(o, "monev.invalid/") || strings.Contains(o, "leak") {
			t.Errorf("the handler served %s, a request for another origin", o)
		}
	}
	mu.Unlock()
	// A second document reuses the warm browser.
	if _, err := p.PDF(context.Background(), mux, "/doc", Page{}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.PDF(context.Background(), mux, "/missing", Page{}); err == nil {
		t.Error("a page answering 404 was printed")
	}
}

// pdfText extracts the text of a PDF with pdftotext (poppler-utils).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext (apt-get install poppler-utils): %v", err)
	}
	return string(out)
}
