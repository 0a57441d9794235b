package ui

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestPrintHandlerSendsStrictCSP: every answer the printing Chromium gets
// carries a CSP that allows no script, connection, form or frame.
func TestPrintHandlerSendsStrictCSP(t *testing.T) {
	h := (&Documents{}).printHandler()
	for _, path := range []string{"/reports/x/print", "/reports/x/summary", "/static/app.css", "/elsewhere"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		csp := rec.Header().Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'none'", "connect-src 'none'", "form-action 'none'",
			"frame-ancestors 'none'", "base-uri 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
	}
}
