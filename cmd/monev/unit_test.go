package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestOperationsUnit checks the systemd unit in docs/operations.md: with a
// read-only system (ProtectSystem=strict), monev still has a writable
// private /tmp, a writable home and temp dir for Chromium and large XLSX
// files, and its upload dir, all under ReadWritePaths.
func TestOperationsUnit(t *testing.T) {
	b, err := os.ReadFile("../../docs/operations.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```ini\n(.*?)```").FindSubmatch(b)
	if m == nil {
		t.Fatal("no systemd unit in docs/operations.md")
	}
	unit := map[string][]string{}
	for _, line := range strings.Split(string(m[1]), "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
		if ok {
			unit[k] = append(unit[k], v)
		}
	}
	env := map[string]string{}
	for _, e := range unit["Environment"] {
		k, v, _ := strings.Cut(e, "=")
		env[k] = v
	}
	if strings.Join(unit["ProtectSystem"], "") != "strict" {
		t.Error("the unit should keep the file system read-only (ProtectSystem=strict)")
	}
	if strings.Join(unit["PrivateTmp"], "") != "true" {
		t.Error("ProtectSystem=strict without PrivateTmp=true: /tmp is read-only")
	}
	writable := strings.Fields(strings.Join(unit["ReadWritePaths"], " "))
	under := func(p string) bool {
		for _, w := range writable {
			if p == w || strings.HasPrefix(p, strings.TrimSuffix(w, "/")+"/") {
				return true
			}
		}
		return false
	}
	for _, k := range []string{"HOME", "TMPDIR", "MONEV_UPLOAD_DIR"} {
		if p := env[k]; p == "" || !under(p) {
			t.Errorf("%s=%q is not under ReadWritePaths %v", k, p, writable)
		}
	}
	if env["MONEV_MIGRATE_URL"] == "" || env["DATABASE_URL"] == "" {
		t.Error("the unit does not give both database roles (DATABASE_URL, MONEV_MIGRATE_URL)")
	}
}
