package domain

import "strings"

// ParseCount reads a whole number of workers as people type it: "1528",
// "1.528", " 1.528 "; "" is an error, as are negatives and decimals.
func ParseCount(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, Invalidf("jumlah belum diisi")
	}
	if strings.ContainsAny(t, ",-\u2212") || !validRupiahDigits(t) {
		return 0, Invalidf("jumlah tidak valid: %s; tulis bilangan bulat seperti 1.528", Quote(s))
	}
	r, err := ParseRupiah(t)
	if err != nil {
		return 0, Invalidf("jumlah terlalu besar: %s", Quote(s))
	}
	return int64(r), nil
}

// ParsePermille reads a percentage with at most one decimal, "55", "55,5",
// "55 %" or "55,5%", as per mille (550, 555); it must lie within 0–100 %.
func ParsePermille(s string) (int, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	whole, frac, hasFrac := strings.Cut(t, ",")
	if !hasFrac {
		whole, frac, hasFrac = strings.Cut(t, ".")
	}
	if !AllDigits(whole) || len(whole) > 3 || (hasFrac && (len(frac) != 1 || !AllDigits(frac))) {
		return 0, Invalidf("persentase tidak valid: %s; tulis misalnya 55 atau 55,5", Quote(s))
	}
	n := 0
	for _, c := range whole + frac {
		n = n*10 + int(c-'0')
	}
	if !hasFrac {
		n *= 10
	}
	if n > 1000 {
		return 0, Invalidf("persentase tidak valid: %s; paling banyak 100 %%", Quote(s))
	}
	return n, nil
}
