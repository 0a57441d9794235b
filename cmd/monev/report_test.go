package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/platform/pgdev"
)

// TestReportCommand lists the demo's reports and prints the signed one to
// PDF from the command line.
func TestReportCommand(t *testing.T) {
	url := pgdev.URL(t)
	if _, _, err := monev(t, url, "", "demo"); err != nil {
		t.Fatal(err)
	}
	out, _, err := monev(t, url, "", "report", "list")
	if err != nil || !strings.Contains(out, "2024-01..2024-07") || !strings.Contains(out, "final") || !strings.Contains(out, "2024-07-31") {
		t.Fatalf("report list: %q %v", out, err)
	}
	id := strings.Fields(strings.Split(out, "\n")[1])[0]
	file := filepath.Join(t.TempDir(), "laporan.pdf")
	out, _, err = monev(t, url, "", "report", "pdf", "--id", id, "--out", file)
	if err != nil || !strings.Contains(out, "wrote "+file) {
		t.Fatalf("report pdf: %q %v", out, err)
	}
	pdf, err := os.ReadFile(file)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %v", err)
	}
	if _, _, err := monev(t, url, "", "report", "pdf", "--id", "999", "--out", file); !errors.Is(err, errUsage) {
		t.Errorf("unknown report: %v", err)
	}
	if _, _, err := monev(t, url, "", "report", "pdf", "--out", file); !errors.Is(err, errUsage) {
		t.Errorf("no --id: %v", err)
	}
	if _, _, err := monev(t, url, "", "report"); !errors.Is(err, errUsage) {
		t.Errorf("no subcommand: %v", err)
	}
}
