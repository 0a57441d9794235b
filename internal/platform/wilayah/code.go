package wilayah

import (
	"fmt"
	"strings"
)

// segmentWidths are the digits in each part of a Kemendagri code, from the
// province down to the village: 36, 36.72, 36.72.01, 36.72.01.1001.
var segmentWidths = [...]int{2, 2, 2, 4}

// ParseCode returns the dotted form of a Kemendagri region code given with or
// without dots ("3672" and "36.72" both give "36.72"), after trimming spaces;
// it checks only the code's shape, not that the region exists (see Lookup).
func ParseCode(s string) (string, error) {
	t := strings.TrimSpace(s)
	if strings.Contains(t, ".") {
		if dottedLevel(t) != 0 {
			return t, nil
		}
	} else if lv := compactLevel(t); lv != 0 {
		return addDots(t, lv), nil
	}
	return "", fmt.Errorf("kode wilayah %q tidak dikenal: gunakan kode Kemendagri seperti 36.72 atau 3672", s)
}

// Compact returns code without its dots ("36.72" gives "3672"), or "" when
// ParseCode rejects it.
func Compact(code string) string {
	c, err := ParseCode(code)
	if err != nil {
		return ""
	}
	return strings.ReplaceAll(c, ".", "")
}

// dottedLevel returns the level of a well-formed dotted code such as
// "36.72.01", or 0 when s is not one.
func dottedLevel(s string) Level {
	for i, w := range segmentWidths {
		if len(s) < w || !allDigits(s[:w]) {
			return 0
		}
		if len(s) == w {
			return Level(i + 1)
		}
		if s[w] != '.' {
			return 0
		}
		s = s[w+1:]
	}
	return 0
}

// compactLevel returns the level of a code written without dots, such as
// "367201", or 0 when s is not one.
func compactLevel(s string) Level {
	if !allDigits(s) {
		return 0
	}
	n := 0
	for i, w := range segmentWidths {
		n += w
		if len(s) == n {
			return Level(i + 1)
		}
	}
	return 0
}

// addDots returns a code without dots of level lv ("367201") in dotted form
// ("36.72.01").
func addDots(s string, lv Level) string {
	if lv == Province {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + int(lv) - 1)
	for i, w := range segmentWidths[:lv] {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s[:w])
		s = s[w:]
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
