package pdf_test

import (
	"os"
	"testing"

	"github.com/cilegon/monev/internal/platform/pdf"
)

// TestSandbox: Chromium runs in its sandbox unless monev runs as root or
// the operator turned it off, and then the reason is given.
func TestSandbox(t *testing.T) {
	t.Setenv("MONEV_CHROMIUM_NO_SANDBOX", "")
	ok, why := pdf.Sandbox()
	if root := os.Geteuid() == 0; ok == root || (why == "") == root {
		t.Errorf("as uid %d: sandbox %v, reason %q", os.Geteuid(), ok, why)
	}
	t.Setenv("MONEV_CHROMIUM_NO_SANDBOX", "1")
	if ok, why := pdf.Sandbox(); ok || why == "" {
		t.Errorf("MONEV_CHROMIUM_NO_SANDBOX=1: sandbox %v, reason %q", ok, why)
	}
}
