package pgdev

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestBinDir(t *testing.T) {
	dir, err := BinDir()
	if err != nil {
		t.Fatal(err)
	}
	if !hasPrograms(dir) {
		t.Errorf("BinDir() = %s, which lacks initdb or pg_ctl", dir)
	}
}

func TestErrNoBinariesSaysHowToInstall(t *testing.T) {
	for _, want := range []string{"initdb, pg_ctl", "apt-get install postgresql", "DATABASE_URL"} {
		if !strings.Contains(ErrNoBinaries.Error(), want) {
			t.Errorf("ErrNoBinaries = %q, want it to mention %q", ErrNoBinaries, want)
		}
	}
}

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		a, b string
		want int // sign
	}{
		{"15", "9.6", 1},
		{"9.6", "15", -1},
		{"16", "15", 1},
		{"15", "15", 0},
		{"9.6", "9.5", 1},
		{"10", "10.0", 0},
	}
	for _, tt := range tests {
		got := compareVersions(tt.a, tt.b)
		if sign(got) != tt.want {
			t.Errorf("compareVersions(%q, %q) = %d, want sign %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestVersionOf(t *testing.T) {
	if got := versionOf(filepath.FromSlash("/usr/lib/postgresql/15/bin")); got != "15" {
		t.Errorf("versionOf = %q, want 15", got)
	}
}

func sign(n int) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}
