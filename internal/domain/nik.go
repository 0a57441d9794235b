package domain

import (
	"log/slog"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// NIK is a validated 16-digit Indonesian population number (Nomor Induk
// Kependudukan). It is personal data under UU 27/2022: show it in full only
// to roles whose SeesFullNIK is true.
type NIK string

// excelScientific matches what Excel makes of a 16-digit number typed into a cell formatted as a number.
var excelScientific = regexp.MustCompile(`^[0-9]+([.,][0-9]+)?[eE]\+?[0-9]+$`)

// ParseNIK reads a NIK, ignoring white space and a leading apostrophe (the
// way Excel users force text). It checks the structure: 16 ASCII digits,
// province code (digits 1–2) 11..99, city code (digits 3–4) not 00, a real
// birth date DDMMYY in digits 7–12 (women have 40 added to the day) and a
// serial (digits 13–16) other than 0000. It cannot prove the NIK was issued.
func ParseNIK(s string) (NIK, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "'")
	t = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, t)
	switch {
	case t == "":
		return "", Invalidf("NIK belum diisi")
	case excelScientific.MatchString(t):
		return "", Invalidf("NIK terbaca sebagai angka oleh Excel (%s); format kolom nik sebagai Teks lalu ketik ulang", t)
	case !AllDigits(t):
		return "", Invalidf("NIK harus 16 digit angka")
	case len(t) != 16:
		return "", Invalidf("NIK harus 16 digit angka (terisi %d digit)", len(t))
	case t[:2] < "11":
		return "", Invalidf("NIK: kode provinsi pada digit 1–2 tidak valid")
	case t[2:4] == "00":
		return "", Invalidf("NIK: kode kabupaten/kota pada digit 3–4 tidak valid")
	case t[12:] == "0000":
		return "", Invalidf("NIK: nomor urut pada digit 13–16 tidak boleh 0000")
	}
	if _, _, _, ok := nikBirth(t); !ok {
		return "", Invalidf("NIK: tanggal lahir pada digit 7–12 tidak valid")
	}
	return NIK(t), nil
}

// nikBirth decodes digits 7–12 of a 16-digit string into day, month and
// two-digit year, reporting whether they form a real date. The leap-year
// test uses 20YY, which for every YY agrees with the century BirthDate picks
// (00 always means 2000 until the year 2100).
func nikBirth(s string) (day int, m time.Month, yy int, ok bool) {
	if len(s) != 16 || !AllDigits(s) {
		return 0, 0, 0, false
	}
	day = int(s[6]-'0')*10 + int(s[7]-'0')
	m = time.Month(int(s[8]-'0')*10 + int(s[9]-'0'))
	yy = int(s[10]-'0')*10 + int(s[11]-'0')
	if day > 40 {
		day -= 40
	}
	if m < time.January || m > time.December || day < 1 || day > daysIn(2000+yy, m) {
		return 0, 0, 0, false
	}
	return day, m, yy, true
}

// BirthDate returns the birth date encoded in the NIK, reading YY as 20YY
// unless that is after the current year, then 19YY; the zero time when n is invalid.
func (n NIK) BirthDate() time.Time { return n.BirthDateAt(time.Now()) }

// BirthDateAt is BirthDate with the century decided against today instead of the clock.
func (n NIK) BirthDateAt(today time.Time) time.Time {
	d, m, yy, ok := nikBirth(string(n))
	if !ok {
		return time.Time{}
	}
	y := 2000 + yy
	if y > today.Year() {
		y -= 100
	}
	return Date(y, m, d)
}

// Sex returns the sex encoded in the NIK (day of birth above 40 means female), or "" when n is invalid.
func (n NIK) Sex() Sex {
	if _, _, _, ok := nikBirth(string(n)); !ok {
		return ""
	}
	if n[6] >= '4' {
		return SexFemale
	}
	return SexMale
}

// RegionCode returns the province and city code of the NIK (digits 1–4, "3672" for Kota Cilegon), or "" when n is too short.
func (n NIK) RegionCode() string {
	if len(n) < 4 {
		return ""
	}
	return string(n[:4])
}

// KecamatanCode returns the Kemendagri district code of the NIK formatted as "36.72.01", or "" when n is too short.
func (n NIK) KecamatanCode() string {
	if len(n) < 6 {
		return ""
	}
	return string(n[0:2]) + "." + string(n[2:4]) + "." + string(n[4:6])
}

// Masked returns the NIK with only its first and last four digits visible, "3672••••••••0012".
func (n NIK) Masked() string {
	const bullet = "\u2022"
	if len(n) < 16 {
		return strings.Repeat(bullet, len(n))
	}
	return string(n[:4]) + strings.Repeat(bullet, len(n)-8) + string(n[len(n)-4:])
}

// LogValue makes slog record the masked NIK, so logs never hold the full number.
func (n NIK) LogValue() slog.Value { return slog.StringValue(n.Masked()) }
