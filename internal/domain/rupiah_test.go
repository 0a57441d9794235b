package domain_test

import (
	"math"
	"testing"

	"github.com/cilegon/monev/internal/domain"
)

func TestRupiahString(t *testing.T) {
	tests := []struct {
		in          domain.Rupiah
		want, plain string
	}{
		{480_457_660, "Rp 480.457.660", "480.457.660"},
		{-309_542_340, "−Rp 309.542.340", "-309.542.340"},
		{0, "Rp 0", "0"},
		{999, "Rp 999", "999"},
		{1_000, "Rp 1.000", "1.000"},
		{16_800, "Rp 16.800", "16.800"},
		{-5, "−Rp 5", "-5"},
		{math.MaxInt64, "Rp 9.223.372.036.854.775.807", "9.223.372.036.854.775.807"},
		{math.MinInt64, "−Rp 9.223.372.036.854.775.808", "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("Rupiah(%d).String() = %q, want %q", int64(tt.in), got, tt.want)
		}
		if got := tt.in.Plain(); got != tt.plain {
			t.Errorf("Rupiah(%d).Plain() = %q, want %q", int64(tt.in), got, tt.plain)
		}
	}
}

func TestRupiahShort(t *testing.T) {
	tests := []struct {
		in   domain.Rupiah
		want string
	}{
		{790_000_000, "Rp 790 juta"},
		{2_200_000_000, "Rp 2,2 miliar"},
		{1_500_000, "Rp 1,5 juta"},
		{480_457_660, "Rp 480,5 juta"},
		{1_000_000_000_000, "Rp 1 triliun"},
		{-309_542_340, "−Rp 309,5 juta"},
		{1_008_000_000, "Rp 1 miliar"},
		{1_000_000, "Rp 1 juta"},
		{999_999, "Rp 999.999"},
		{16_800, "Rp 16.800"},
		{0, "Rp 0"},
		{-500_000, "−Rp 500.000"},
		{1_050_000, "Rp 1,1 juta"},   // half rounds up
		{1_049_999, "Rp 1 juta"},     // below half rounds down
		{-1_050_000, "−Rp 1,1 juta"}, // half rounds away from zero
		{999_940_000, "Rp 999,9 juta"},
		{999_960_000, "Rp 1 miliar"}, // 1.000,0 juta is said as 1 miliar
		{999_960_000_000, "Rp 1 triliun"},
		{1_250_000_000_000_000, "Rp 1.250 triliun"},
		{math.MaxInt64, "Rp 9.223.372 triliun"},
		{math.MinInt64, "−Rp 9.223.372 triliun"},
	}
	for _, tt := range tests {
		if got := tt.in.Short(); got != tt.want {
			t.Errorf("Rupiah(%d).Short() = %q, want %q", int64(tt.in), got, tt.want)
		}
	}
}

func TestParseRupiah(t *testing.T) {
	tests := []struct {
		in   string
		want domain.Rupiah
	}{
		{"480457660", 480_457_660},
		{"480.457.660", 480_457_660},
		{"Rp 480.457.660", 480_457_660},
		{"Rp480.457.660", 480_457_660},
		{"rp. 16.800", 16_800},
		{"RP.16.800", 16_800},
		{"16.800,00", 16_800},
		{"16800,00", 16_800},
		{"16.800,0", 16_800},
		{"16.800,-", 16_800},
		{" 16.800 ", 16_800},
		{"-16.800", -16_800},
		{"−16.800", -16_800},
		{"−Rp 309.542.340", -309_542_340},
		{"-Rp 309.542.340", -309_542_340},
		{"Rp -309.542.340", -309_542_340},
		{"Rp 0", 0},
		{"0", 0},
		{"1.000", 1_000},
		{"1.000.000.000.000", domain.MaxRupiah},
		{"-Rp 1.000.000.000.000", -domain.MaxRupiah},
	}
	for _, tt := range tests {
		got, err := domain.ParseRupiah(tt.in)
		if err != nil {
			t.Errorf("ParseRupiah(%q) error: %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseRupiah(%q) = %d, want %d", tt.in, int64(got), int64(tt.want))
		}
	}
}

func TestParseRupiahRejects(t *testing.T) {
	for _, in := range []string{
		"", "   ", "16.80", "1.2345", "16,8", "16,80", "16.800,5", "16.800.5", "1,234,567",
		"abc", "Rp", "Rp ", "-", "--5", "16 800", "16800.00", ".800", "16.", "1..000",
		"+16.800", "Rp 16.800 juta", "16.800,00,00", "９９", "9223372036854775808",
		"-9223372036854775809", "99999999999999999999", "12e3", "1.000.000.000.001", "9223372036854775807",
		"-9.223.372.036.854.775.808",
	} {
		got, err := domain.ParseRupiah(in)
		if err == nil {
			t.Errorf("ParseRupiah(%q) = %d, want an error", in, int64(got))
			continue
		}
		wantValueError(t, in, err)
	}
}

func TestParseRupiahMessages(t *testing.T) {
	tests := []struct{ in, want string }{
		{"16,8", `nilai rupiah tidak valid: "16,8"; tulis rupiah bulat tanpa sen, misalnya 16.800`},
		{"16.80", `nilai rupiah tidak valid: "16.80"; tulis angka seperti 16.800 atau 16800`},
		{"", "nilai rupiah belum diisi"},
		{"99999999999999999999", `nilai rupiah terlalu besar: "99999999999999999999"; paling banyak Rp 1.000.000.000.000`},
		{"1.000.000.000.001", `nilai rupiah terlalu besar: "1.000.000.000.001"; paling banyak Rp 1.000.000.000.000`},
	}
	for _, tt := range tests {
		_, err := domain.ParseRupiah(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseRupiah(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func FuzzParseRupiah(f *testing.F) {
	for _, s := range []string{"480457660", "Rp 480.457.660", "−Rp 309.542.340", "16.800,00",
		"rp. 16.800", "16.80", "1,234,567", "-9.223.372.036.854.775.808", "16.800,-", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := domain.ParseRupiah(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		for _, form := range []string{r.String(), r.Plain()} {
			back, err := domain.ParseRupiah(form)
			if err != nil || back != r {
				t.Fatalf("ParseRupiah(%q) = %d, but %q parses back as %d, %v", s, int64(r), form, int64(back), err)
			}
		}
		if r.Short() == "" {
			t.Fatalf("empty Short() for %d", int64(r))
		}
	})
}
