package wilayah_test

import (
	"testing"

	"github.com/cilegon/monev/internal/platform/wilayah"
)

func TestParseCode(t *testing.T) {
	valid := []struct{ in, want string }{
		{"36", "36"},
		{"3604", "36.04"},
		{"36.04", "36.04"},
		{"367201", "36.72.01"},
		{"36.72.01", "36.72.01"},
		{"3672011001", "36.72.01.1001"},
		{"36.72.01.1001", "36.72.01.1001"},
		{"  3672\t", "36.72"},
		{"\n36.72.01 ", "36.72.01"},
		{"99.99", "99.99"}, // the shape is right; Lookup says whether it exists
	}
	for _, tc := range valid {
		got, err := wilayah.ParseCode(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseCode(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	invalid := []string{
		"", " ", "x", "3", "367", "36721", "3672011", "36720110", "367201100", "36720110011",
		"36.7", "36.072", "36.72.1", "36.72.01.100", "36.72.01.10011", "36.72.01.1001.01",
		"3672.01", "36.7201", "36..72", ".36", "36.", "36 72", "36,72", "+36", "-3672",
		"36.72.0a", "３６", "٣٦", "36.72\x00",
	}
	for _, in := range invalid {
		got, err := wilayah.ParseCode(in)
		if err == nil {
			t.Errorf("ParseCode(%q) = %q, want an error", in, got)
		}
	}
}

func TestParseCodeMessage(t *testing.T) {
	_, err := wilayah.ParseCode("x")
	want := `kode wilayah "x" tidak dikenal: gunakan kode Kemendagri seperti 36.72 atau 3672`
	if err == nil || err.Error() != want {
		t.Fatalf("ParseCode(%q) error = %v, want %q", "x", err, want)
	}
}

func TestCompact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"36", "36"},
		{"36.72", "3672"},
		{"3672", "3672"},
		{" 36.72.01 ", "367201"},
		{"36.72.01.1001", "3672011001"},
		{"36.7", ""},
		{"", ""},
	} {
		if got := wilayah.Compact(tc.in); got != tc.want {
			t.Errorf("Compact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLevelString(t *testing.T) {
	for lv, want := range map[wilayah.Level]string{
		wilayah.Province: "provinsi", wilayah.Regency: "kabupaten/kota",
		wilayah.District: "kecamatan", wilayah.Village: "kelurahan/desa", 0: "Level(0)",
	} {
		if got := lv.String(); got != want {
			t.Errorf("Level(%d).String() = %q, want %q", int(lv), got, want)
		}
	}
}
