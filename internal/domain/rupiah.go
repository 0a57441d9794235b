package domain

import (
	"strconv"
	"strings"
)

// Rupiah is an amount of money in whole rupiah; money is never a float.
type Rupiah int64

// String formats r for display: "Rp 480.457.660", "−Rp 309.542.340" (U+2212 MINUS SIGN), "Rp 0".
func (r Rupiah) String() string {
	mag, neg := magnitude(int64(r))
	s := "Rp " + groupThousands(strconv.FormatUint(mag, 10))
	if neg {
		return minusSign + s
	}
	return s
}

// Plain formats r without prefix and with an ASCII minus ("480.457.660", "-309.542.340"), for CSV files and form inputs.
func (r Rupiah) Plain() string {
	mag, neg := magnitude(int64(r))
	s := groupThousands(strconv.FormatUint(mag, 10))
	if neg {
		return "-" + s
	}
	return s
}

// shortUnits are the headline units, largest first.
var shortUnits = []struct {
	size uint64
	name string
}{
	{1_000_000_000_000, "triliun"},
	{1_000_000_000, "miliar"},
	{1_000_000, "juta"},
}

// Short formats r for headlines with one decimal and a unit ("Rp 790 juta",
// "Rp 2,2 miliar", "Rp 480,5 juta", "−Rp 309,5 juta"), rounding half away
// from zero and dropping a trailing ",0"; amounts below Rp 1 juta get String.
func (r Rupiah) Short() string {
	mag, neg := magnitude(int64(r))
	if mag < 1_000_000 {
		return r.String()
	}
	i := 0
	for mag < shortUnits[i].size {
		i++
	}
	tenths := roundTenths(mag, shortUnits[i].size)
	// 999.960.000 rounds to 1.000,0 juta: say 1 miliar instead.
	if i > 0 && tenths >= 10_000 {
		i--
		tenths = roundTenths(mag, shortUnits[i].size)
	}
	var b strings.Builder
	if neg {
		b.WriteString(minusSign)
	}
	b.WriteString("Rp ")
	b.WriteString(groupThousands(strconv.FormatUint(tenths/10, 10)))
	if d := tenths % 10; d != 0 {
		b.WriteByte(',')
		b.WriteByte(byte('0' + d))
	}
	b.WriteByte(' ')
	b.WriteString(shortUnits[i].name)
	return b.String()
}

// roundTenths returns mag/unit in tenths, rounded half up, without overflow.
func roundTenths(mag, unit uint64) uint64 {
	return mag/unit*10 + (mag%unit*10+unit/2)/unit
}

// ParseRupiah reads a rupiah amount as people type it: "480457660",
// "480.457.660", "Rp 480.457.660", "rp. 16.800", "16.800,00", "16.800,-",
// "-16.800", "−Rp 309.542.340". Dots group thousands; a decimal part is
// accepted only when it is zero (",00", ",0") or ",-". Ambiguous input such
// as "16.80", "16,8" or "1,234,567" is rejected, as is an amount beyond
// MaxRupiah either way.
func ParseRupiah(s string) (Rupiah, error) {
	orig := s
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, Invalidf("nilai rupiah belum diisi")
	}
	s, neg := cutSign(s)
	if rest, ok := cutPrefixFold(strings.TrimSpace(s), "rp"); ok {
		s = strings.TrimPrefix(rest, ".")
		if !neg {
			s, neg = cutSign(strings.TrimSpace(s))
		}
	}
	s = strings.TrimSpace(s)

	if i := strings.LastIndexByte(s, ','); i >= 0 {
		switch s[i+1:] {
		case "0", "00", "-":
			s = s[:i]
		default:
			return 0, Invalidf("nilai rupiah tidak valid: %s; tulis rupiah bulat tanpa sen, misalnya 16.800", Quote(orig))
		}
	}
	if !validRupiahDigits(s) {
		return 0, Invalidf("nilai rupiah tidak valid: %s; tulis angka seperti 16.800 atau 16800", Quote(orig))
	}

	var mag uint64
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			continue
		}
		d := uint64(s[i] - '0')
		if mag > (uint64(MaxRupiah)-d)/10 {
			return 0, TooLarge(orig)
		}
		mag = mag*10 + d
	}
	if neg {
		return -Rupiah(mag), nil
	}
	return Rupiah(mag), nil
}

// MaxRupiah is the largest amount monev accepts anywhere, Rp 1 triliun:
// far above any payment, claim, income or budget of the programme, and low
// enough that sums over millions of rows stay within int64.
const MaxRupiah Rupiah = 1_000_000_000_000

// TooLarge is the message for an amount beyond MaxRupiah, as typed.
func TooLarge(typed string) error {
	return Invalidf("nilai rupiah terlalu besar: %s; paling banyak %s", Quote(typed), MaxRupiah)
}

// validRupiahDigits reports whether s is plain ASCII digits, or digit groups
// joined by dots where the first group has 1–3 digits and the others exactly 3.
func validRupiahDigits(s string) bool {
	if s == "" {
		return false
	}
	groups := strings.Split(s, ".")
	for i, g := range groups {
		if g == "" || !AllDigits(g) {
			return false
		}
		if len(groups) > 1 && ((i == 0 && len(g) > 3) || (i > 0 && len(g) != 3)) {
			return false
		}
	}
	return true
}

// cutSign removes a leading ASCII hyphen-minus or U+2212 MINUS SIGN.
func cutSign(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		return rest, true
	}
	if rest, ok := strings.CutPrefix(s, minusSign); ok {
		return rest, true
	}
	return s, false
}

// cutPrefixFold removes prefix from s, ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// AllDigits reports whether s is non-empty and made only of ASCII digits.
func AllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
