package wilayah_test

import (
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/platform/wilayah"
)

// FuzzParseCode checks that ParseCode never panics, that what it returns is
// a dotted code it returns unchanged, that Compact gives the same code back,
// and that its errors speak Indonesian.
func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"36", "3604", "36.04", "367201", "3672011001", "36.72.01.1001", " 3672 ", "36.7", "x", "", "36..72", "٣٦"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, err := wilayah.ParseCode(s)
		if err != nil {
			if code != "" || !strings.Contains(err.Error(), "tidak dikenal") {
				t.Fatalf("ParseCode(%q) = %q, %v", s, code, err)
			}
			return
		}
		if again, err := wilayah.ParseCode(code); err != nil || again != code {
			t.Fatalf("ParseCode(%q) = %q, but ParseCode(%q) = %q, %v", s, code, code, again, err)
		}
		compact := wilayah.Compact(code)
		if compact != strings.ReplaceAll(strings.TrimSpace(s), ".", "") {
			t.Fatalf("Compact(%q) = %q for input %q", code, compact, s)
		}
		switch len(compact) {
		case 2, 4, 6, 10:
		default:
			t.Fatalf("Compact(%q) = %q has an odd length", code, compact)
		}
		if back, err := wilayah.ParseCode(compact); err != nil || back != code {
			t.Fatalf("ParseCode(Compact(%q)) = %q, %v", code, back, err)
		}
	})
}
