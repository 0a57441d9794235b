package domain_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/cilegon/monev/internal/domain"
)

func TestParseNIK(t *testing.T) {
	today := domain.Date(2025, time.July, 1)
	tests := []struct {
		in    string
		want  domain.NIK
		birth time.Time
		sex   domain.Sex
	}{
		{"3672015708900012", "3672015708900012", domain.Date(1990, 8, 17), domain.SexFemale},
		{"3672011708900012", "3672011708900012", domain.Date(1990, 8, 17), domain.SexMale},
		{" 3672015708900012 ", "3672015708900012", domain.Date(1990, 8, 17), domain.SexFemale},
		{"'3672015708900012", "3672015708900012", domain.Date(1990, 8, 17), domain.SexFemale},
		{"3672 0157 0890 0012", "3672015708900012", domain.Date(1990, 8, 17), domain.SexFemale},
		{"3672012902240001", "3672012902240001", domain.Date(2024, 2, 29), domain.SexMale},   // leap year
		{"3672016902240001", "3672016902240001", domain.Date(2024, 2, 29), domain.SexFemale}, // 29+40
		{"3672012902000001", "3672012902000001", domain.Date(2000, 2, 29), domain.SexMale},   // 2000 is a leap year
		{"3672012902960001", "3672012902960001", domain.Date(1996, 2, 29), domain.SexMale},
		{"3672014101250001", "3672014101250001", domain.Date(2025, 1, 1), domain.SexFemale}, // day 41 = 1st, woman
		{"3672017112260001", "3672017112260001", domain.Date(1926, 12, 31), domain.SexFemale},
		{"1101010101010001", "1101010101010001", domain.Date(2001, 1, 1), domain.SexMale},
		{"9999993112999999", "9999993112999999", domain.Date(1999, 12, 31), domain.SexMale},
	}
	for _, tt := range tests {
		got, err := domain.ParseNIK(tt.in)
		if err != nil {
			t.Errorf("ParseNIK(%q) error: %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseNIK(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if b := got.BirthDateAt(today); !b.Equal(tt.birth) {
			t.Errorf("%s.BirthDateAt(2025) = %v, want %v", got, b, tt.birth)
		}
		if s := got.Sex(); s != tt.sex {
			t.Errorf("%s.Sex() = %q, want %q", got, s, tt.sex)
		}
	}
}

func TestParseNIKRejects(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "NIK belum diisi"},
		{"   ", "NIK belum diisi"},
		{"3.67201E+15", "NIK terbaca sebagai angka oleh Excel (3.67201E+15); format kolom nik sebagai Teks lalu ketik ulang"},
		{"3,67201E+15", "NIK terbaca sebagai angka oleh Excel (3,67201E+15); format kolom nik sebagai Teks lalu ketik ulang"},
		{"3.67201e15", "NIK terbaca sebagai angka oleh Excel (3.67201e15); format kolom nik sebagai Teks lalu ketik ulang"},
		{"367201570890001", "NIK harus 16 digit angka (terisi 15 digit)"},
		{"36720157089000123", "NIK harus 16 digit angka (terisi 17 digit)"},
		{"36720157089000AB", "NIK harus 16 digit angka"},
		{"3672-0157-0890-0012", "NIK harus 16 digit angka"},
		{"３６７２０１５７０８９０００１２", "NIK harus 16 digit angka"},
		{"1072015708900012", "NIK: kode provinsi pada digit 1–2 tidak valid"},
		{"0072015708900012", "NIK: kode provinsi pada digit 1–2 tidak valid"},
		{"3600015708900012", "NIK: kode kabupaten/kota pada digit 3–4 tidak valid"},
		{"3672015708900000", "NIK: nomor urut pada digit 13–16 tidak boleh 0000"},
		{"3672012902230001", "NIK: tanggal lahir pada digit 7–12 tidak valid"}, // 29 Feb 2023
		{"3672016902230001", "NIK: tanggal lahir pada digit 7–12 tidak valid"}, // 29+40 Feb 2023
		{"3672013002240001", "NIK: tanggal lahir pada digit 7–12 tidak valid"}, // 30 Feb
		{"3672013104900001", "NIK: tanggal lahir pada digit 7–12 tidak valid"}, // 31 Apr
		{"3672013201900001", "NIK: tanggal lahir pada digit 7–12 tidak valid"}, // day 32
		{"3672014001900001", "NIK: tanggal lahir pada digit 7–12 tidak valid"}, // day 40
		{"3672017201900001", "NIK: tanggal lahir pada digit 7–12 tidak valid"}, // day 72
		{"3672010001900001", "NIK: tanggal lahir pada digit 7–12 tidak valid"}, // day 00
		{"3672011700900001", "NIK: tanggal lahir pada digit 7–12 tidak valid"}, // month 00
		{"3672011713900001", "NIK: tanggal lahir pada digit 7–12 tidak valid"}, // month 13
	}
	for _, tt := range tests {
		got, err := domain.ParseNIK(tt.in)
		if err == nil {
			t.Errorf("ParseNIK(%q) = %q, want an error", tt.in, got)
			continue
		}
		wantValueError(t, tt.in, err)
		if err.Error() != tt.want {
			t.Errorf("ParseNIK(%q) error = %q, want %q", tt.in, err, tt.want)
		}
	}
}

func TestNIKParts(t *testing.T) {
	n := domain.NIK("3672015708900012")
	if got := n.RegionCode(); got != "3672" {
		t.Errorf("RegionCode() = %q", got)
	}
	if got := n.KecamatanCode(); got != "36.72.01" {
		t.Errorf("KecamatanCode() = %q", got)
	}
	if got := n.Masked(); got != "3672••••••••0012" {
		t.Errorf("Masked() = %q", got)
	}
	var zero domain.NIK
	if zero.Masked() != "" || zero.RegionCode() != "" || zero.KecamatanCode() != "" || zero.Sex() != "" || !zero.BirthDate().IsZero() {
		t.Error("the zero NIK must give empty parts")
	}
	if got := domain.NIK("12345").Masked(); got != "•••••" {
		t.Errorf("short Masked() = %q", got)
	}
	if got := domain.NIK("3672015708900012").BirthDate(); !got.Equal(domain.Date(1990, 8, 17)) {
		t.Errorf("BirthDate() = %v", got)
	}
}

func TestNIKBirthCentury(t *testing.T) {
	n := domain.NIK("3672012512300001") // 25 Dec, YY 30
	tests := []struct {
		today time.Time
		want  int
	}{
		{domain.Date(2025, 1, 1), 1930},
		{domain.Date(2029, 12, 31), 1930},
		{domain.Date(2030, 1, 1), 2030},
	}
	for _, tt := range tests {
		if got := n.BirthDateAt(tt.today).Year(); got != tt.want {
			t.Errorf("BirthDateAt(%v) year = %d, want %d", tt.today, got, tt.want)
		}
	}
}

func TestNIKLogValueIsMasked(t *testing.T) {
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("import", "nik", domain.NIK("3672015708900012"))
	if strings.Contains(buf.String(), "3672015708900012") || !strings.Contains(buf.String(), "3672••••••••0012") {
		t.Errorf("log line %q must hold only the masked NIK", buf.String())
	}
}

func FuzzParseNIK(f *testing.F) {
	for _, s := range []string{"3672015708900012", "3672012902240001", "3.67201E+15", "'3672015708900012",
		"367201570890001", "3672013002240001", "3672015708900000", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := domain.ParseNIK(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		if len(n) != 16 || strings.Trim(string(n), "0123456789") != "" {
			t.Fatalf("ParseNIK(%q) = %q, not 16 digits", s, n)
		}
		if back, err := domain.ParseNIK(string(n)); err != nil || back != n {
			t.Fatalf("ParseNIK(%q) = %q does not parse back: %q, %v", s, n, back, err)
		}
		if n.BirthDate().IsZero() || (n.Sex() != domain.SexMale && n.Sex() != domain.SexFemale) {
			t.Fatalf("%q: no birth date or sex", n)
		}
		if m := n.Masked(); utf8.RuneCountInString(m) != 16 || m != string(n[:4])+strings.Repeat("•", 8)+string(n[12:]) {
			t.Fatalf("%q: bad mask %q", n, m)
		}
	})
}

func TestParseSex(t *testing.T) {
	tests := []struct {
		in   string
		want domain.Sex
	}{
		{"L", domain.SexMale}, {"l", domain.SexMale}, {"Laki-laki", domain.SexMale}, {"laki laki", domain.SexMale},
		{"LAKI-LAKI", domain.SexMale}, {"LK", domain.SexMale}, {"Pria", domain.SexMale}, {"M", domain.SexMale},
		{"male", domain.SexMale},
		{"P", domain.SexFemale}, {"p", domain.SexFemale}, {"Perempuan", domain.SexFemale}, {"PR", domain.SexFemale},
		{"Wanita", domain.SexFemale}, {"F", domain.SexFemale}, {" perempuan ", domain.SexFemale},
	}
	for _, tt := range tests {
		if got, err := domain.ParseSex(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseSex(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", " ", "X", "laki-laki perempuan", "lakilakilaki"} {
		if got, err := domain.ParseSex(in); err == nil {
			t.Errorf("ParseSex(%q) = %q, want an error", in, got)
		} else {
			wantValueError(t, in, err)
		}
	}
	if domain.SexMale.Label() != "Laki-laki" || domain.SexFemale.Label() != "Perempuan" || domain.Sex("X").Label() != "" {
		t.Error("wrong Sex labels")
	}
}

func FuzzParseSex(f *testing.F) {
	for _, s := range []string{"L", "P", "Laki-laki", "perempuan", "Wanita", "", "X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sex, err := domain.ParseSex(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		if sex != domain.SexMale && sex != domain.SexFemale {
			t.Fatalf("ParseSex(%q) = %q", s, sex)
		}
		for _, form := range []string{string(sex), sex.Label()} {
			if back, err := domain.ParseSex(form); err != nil || back != sex {
				t.Fatalf("%q does not parse back to %q", form, sex)
			}
		}
	})
}
