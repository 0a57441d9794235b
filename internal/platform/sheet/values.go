package sheet

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Messages for values Excel has turned into numbers.
const (
	msgNIKNumber = "NIK tersimpan sebagai angka di Excel sehingga digit terakhir bisa hilang; format kolom nik sebagai Teks lalu ketik ulang"
	msgKPJNumber = "No. KPJ tersimpan sebagai angka di Excel sehingga angka 0 di depan bisa hilang; format kolom no_kpj sebagai Teks lalu ketik ulang"
)

// nik reads a NIK; an XLSX number cell is refused even when it shows 16
// digits, since Excel keeps only 15 significant digits.
func (p *rowParser) nik(col int) (domain.NIK, bool) {
	return parseText(p, col, msgNIKNumber, domain.ParseNIK)
}

// date reads a day typed as text or stored as an XLSX date cell; the zero
// time when the cell is empty and not required.
func (p *rowParser) date(col int, required bool) (time.Time, bool) {
	c, ok := p.cell(col)
	switch {
	case !ok:
		return time.Time{}, false
	case c.text == "" && !required:
		return time.Time{}, true
	case c.kind == numberCell:
		p.fail(col, "tanggal tersimpan sebagai angka biasa ("+c.text+"); format sel sebagai Tanggal atau ketik seperti 17/07/2024")
		return time.Time{}, false
	}
	m := &p.dates[col]
	if !m.set || m.in != c.text {
		t, err := domain.ParseDate(c.text)
		*m = dateMemo{in: c.text, t: t, err: err, set: true}
	}
	if m.err != nil {
		p.fail(col, m.err.Error())
		return time.Time{}, false
	}
	return m.t, true
}

// month reads a coverage month as text ("2024-07", "Juli 2024") or from an XLSX date cell.
func (p *rowParser) month(col int) (domain.Month, bool) {
	c, ok := p.cell(col)
	if !ok {
		return 0, false
	}
	if c.kind == dateCell {
		t, err := domain.ParseDate(c.text)
		if err == nil {
			return domain.MonthOf(t), true
		}
	}
	if c.kind == numberCell {
		p.fail(col, "bulan tersimpan sebagai angka ("+c.text+"); ketik seperti 2024-07 atau Juli 2024")
		return 0, false
	}
	m, err := domain.ParseMonth(c.text)
	if err != nil {
		p.fail(col, err.Error())
		return 0, false
	}
	return m, true
}

// money reads a non-negative rupiah amount typed as text or stored as an
// XLSX number. ok is false when the cell is empty or invalid; a problem is
// recorded when it is invalid, or empty and required.
func (p *rowParser) money(col int, required bool) (r domain.Rupiah, ok bool) {
	c, ok := p.cell(col)
	switch {
	case !ok:
		return 0, false
	case c.text == "" && !required:
		return 0, false
	}
	if c.kind == numberCell {
		n, msg := wholeNumber(c.text)
		if msg != "" {
			p.fail(col, "nilai rupiah "+msg)
			return 0, false
		}
		if r = domain.Rupiah(n); r > domain.MaxRupiah {
			p.fail(col, domain.TooLarge(c.text).Error())
			return 0, false
		}
	} else {
		var err error
		if r, err = domain.ParseRupiah(c.text); err != nil {
			p.fail(col, err.Error())
			return 0, false
		}
	}
	if r < 0 {
		p.fail(col, "nilai rupiah tidak boleh negatif")
		return 0, false
	}
	return r, true
}

// count reads a whole number of people ("4143", "4.143"); ok is false when
// the cell is empty or invalid.
func (p *rowParser) count(col int) (n int64, ok bool) {
	c, ok := p.cell(col)
	if !ok || c.text == "" {
		return 0, false
	}
	msg := ""
	if c.kind == numberCell {
		n, msg = wholeNumber(c.text)
	} else if n, ok = parseCount(c.text); !ok {
		msg = "tidak valid: " + quote(c.text)
	}
	if msg == "" && n < 0 {
		msg = "tidak boleh negatif"
	}
	if msg != "" {
		p.fail(col, "jumlah peserta "+msg+"; tulis bilangan bulat seperti 4.143")
		return 0, false
	}
	return n, true
}

// wholeNumber reads the raw value of an XLSX number cell that must be a
// whole number, allowing the tiny error of computed values; msg says what is wrong.
func wholeNumber(raw string) (n int64, msg string) {
	f, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, "tidak valid: " + quote(raw)
	}
	r := math.Round(f)
	if math.Abs(f-r) > 1e-9*math.Max(1, math.Abs(f)) {
		return 0, "harus bilangan bulat tanpa desimal: " + strconv.FormatFloat(f, 'f', -1, 64)
	}
	if math.Abs(r) > 1<<53 {
		return 0, "terlalu besar untuk sel angka Excel; simpan sebagai Teks"
	}
	return int64(r), ""
}

// parseCount reads plain digits or digits grouped by dots in threes ("4.143").
func parseCount(s string) (int64, bool) {
	groups := strings.Split(s, ".")
	for i, g := range groups {
		if !allDigits(g) || len(groups) > 1 && (i == 0 && len(g) > 3 || i > 0 && len(g) != 3) {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(s, ".", ""), 10, 64)
	return n, err == nil
}

// parseKPJ reads a BPJS card number: 8–16 digits kept as text (leading
// zeros matter), spaces and a leading apostrophe ignored; "" stays "".
func parseKPJ(s string) (string, error) {
	s = strings.ReplaceAll(strings.TrimPrefix(s, "'"), " ", "")
	switch {
	case s == "":
		return "", nil
	case looksScientific(s):
		return "", problem("No. KPJ terbaca sebagai angka oleh Excel (" + s + "); format kolom no_kpj sebagai Teks lalu ketik ulang")
	case !allDigits(s):
		return "", problem("No. KPJ harus berisi angka saja")
	case len(s) < 8 || len(s) > 16:
		return "", problem("No. KPJ harus 8–16 digit (terisi " + strconv.Itoa(len(s)) + " digit)")
	}
	return s, nil
}

// phoneCleaner removes what people put between the digits of a phone number.
var phoneCleaner = strings.NewReplacer(" ", "", "-", "")

// parsePhone reads a phone number: digits with an optional leading +,
// spaces, dashes and a leading apostrophe removed; "" stays "".
func parsePhone(s string) (string, error) {
	s = strings.TrimPrefix(s, "'")
	if strings.ContainsAny(s, " -") {
		s = phoneCleaner.Replace(s)
	}
	digits := strings.TrimPrefix(s, "+")
	switch {
	case s == "":
		return "", nil
	case !allDigits(digits):
		return "", problem("nomor HP hanya boleh berisi angka, boleh diawali +, misalnya 081234567890")
	case len(digits) < 8 || len(digits) > 15:
		return "", problem("nomor HP harus 8–15 digit (terisi " + strconv.Itoa(len(digits)) + " digit)")
	}
	return s, nil
}

// problem is an invalid value with an Indonesian message, as the domain parsers return.
func problem(msg string) error { return &domain.ValueError{Msg: msg} }

// looksScientific reports whether s is a number in Excel's scientific notation, such as "2.30123E+10".
func looksScientific(s string) bool {
	i := strings.IndexAny(s, "eE")
	if i <= 0 || i == len(s)-1 {
		return false
	}
	mant, exp := s[:i], strings.TrimPrefix(s[i+1:], "+")
	mant = strings.Replace(mant, ",", ".", 1)
	_, err := strconv.ParseFloat(mant, 64)
	return err == nil && allDigits(exp)
}

// allDigits reports whether s is non-empty ASCII digits.
func allDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// notBefore records a problem with column col when its date day is before
// the date ref of another column; empty dates are not compared.
func notBefore(p *rowParser, col int, what string, day time.Time, refWhat string, ref time.Time) {
	if !day.IsZero() && !ref.IsZero() && day.Before(ref) {
		p.fail(col, what+" "+domain.FormatDate(day)+" tidak boleh sebelum "+refWhat+" "+domain.FormatDate(ref))
	}
}
