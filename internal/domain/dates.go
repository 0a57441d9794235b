package domain

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// WIB is Western Indonesia Time (UTC+7), the time zone of Banten and so of
// Kota Cilegon; times are shown to users in it.
var WIB = time.FixedZone("WIB", 7*60*60)

// Year bounds for parsed dates, months and periods: anything outside is a typing error.
const (
	minYear = 1900
	maxYear = 2100
)

var monthNames = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni",
	"Juli", "Agustus", "September", "Oktober", "November", "Desember"}

var monthShortNames = [...]string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
	"Jul", "Agu", "Sep", "Okt", "Nov", "Des"}

// monthWords maps lower-case Indonesian and English month names and
// abbreviations, including old spellings (Pebruari, Nopember), to months.
var monthWords = map[string]time.Month{
	"januari": 1, "january": 1, "jan": 1,
	"februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
	"maret": 3, "march": 3, "mar": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "june": 6, "jun": 6,
	"juli": 7, "july": 7, "jul": 7,
	"agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "october": 10, "okt": 10, "oct": 10,
	"november": 11, "nopember": 11, "nov": 11, "nop": 11,
	"desember": 12, "december": 12, "des": 12, "dec": 12,
}

// MonthName returns the Indonesian name of m ("Juli"), or "" when m is not 1..12.
func MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthNames[m-1]
}

// monthShortName returns the Indonesian abbreviation of m ("Jul", "Agu"), or "" when m is not 1..12.
func monthShortName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthShortNames[m-1]
}

// Date returns midnight UTC of the given day, the form every date in this package takes.
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// FormatDate formats t as "17 Juli 2024", or "–" for the zero time.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return NoValue
	}
	return fmt.Sprintf("%d %s %d", t.Day(), MonthName(t.Month()), t.Year())
}

// FormatDateShort formats t as "17 Jul 2024", or "–" for the zero time.
func FormatDateShort(t time.Time) string {
	if t.IsZero() {
		return NoValue
	}
	return fmt.Sprintf("%d %s %d", t.Day(), monthShortName(t.Month()), t.Year())
}

// FormatDateTime formats t in its own location as "17 Juli 2024 14.05" (a dot between hour and minute), or "–" for the zero time.
func FormatDateTime(t time.Time) string {
	if t.IsZero() {
		return NoValue
	}
	return fmt.Sprintf("%s %02d.%02d", FormatDate(t), t.Hour(), t.Minute())
}

// ParseDate reads a day as office staff type it and returns it as midnight
// UTC. Day comes before month: "17/07/2024", "17-07-2024", "17.07.2024",
// "7/7/2024", "17 Juli 2024", "17 Agt 2024", "17-Jul-2024", "17 July 2024";
// ISO "2024-07-17" is accepted too. Years need four digits within 1900–2100,
// and the day must exist.
func ParseDate(s string) (time.Time, error) {
	fail := func(why string) (time.Time, error) {
		return time.Time{}, Invalidf("tanggal tidak valid: %s; %s", Quote(s), why)
	}
	const formats = "gunakan format 17/07/2024 atau 2024-07-17"
	if strings.TrimSpace(s) == "" {
		return time.Time{}, Invalidf("tanggal belum diisi; %s", formats)
	}
	toks, ok := lexDate(s)
	if !ok {
		return fail(formats)
	}
	var y, d string
	var m time.Month
	switch {
	case matchTokens(toks, "n-n-n"):
		sep := toks[1].text
		if toks[3].text != sep || !strings.Contains("-/.", sep) {
			return fail(formats)
		}
		y, d = toks[4].text, toks[0].text
		if len(toks[0].text) == 4 {
			y, d = toks[0].text, toks[4].text
		}
		m = numericMonth(toks[2].text)
	case matchTokens(toks, "nwn"), matchTokens(toks, "n-wn"), matchTokens(toks, "nw-n"), matchTokens(toks, "n-w-n"):
		d, y = toks[0].text, toks[len(toks)-1].text
		for _, t := range toks[1 : len(toks)-1] {
			if t.kind == 'w' {
				m = monthWords[t.text]
			}
		}
	default:
		return fail(formats)
	}
	if len(d) > 2 || m == 0 {
		return fail(formats)
	}
	if len(y) != 4 {
		return fail("tahun harus ditulis 4 digit, misalnya 17/07/2024")
	}
	year, _ := strconv.Atoi(y)
	day, _ := strconv.Atoi(d)
	if year < minYear || year > maxYear {
		return fail(fmt.Sprintf("tahun harus antara %d dan %d", minYear, maxYear))
	}
	if day < 1 {
		return fail(formats)
	}
	if last := daysIn(year, m); day > last {
		return fail(fmt.Sprintf("%s %d hanya punya %d hari", MonthName(m), year, last))
	}
	return Date(year, m, day), nil
}

// numericMonth reads a one- or two-digit month number, returning 0 when it is not 1..12.
func numericMonth(s string) time.Month {
	if len(s) > 2 {
		return 0
	}
	n, _ := strconv.Atoi(s)
	if n < 1 || n > 12 {
		return 0
	}
	return time.Month(n)
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	return Date(y, m+1, 0).Day()
}

// dateToken is a run of ASCII digits ('n'), a run of letters ('w', lower-cased) or one other character ('-').
type dateToken struct {
	kind byte
	text string
}

// lexDate splits s into date tokens, dropping white space so that stray
// spaces around separators do not matter. It fails on any character that
// cannot be part of a date, and on suspiciously long input.
func lexDate(s string) ([]dateToken, bool) {
	var toks []dateToken
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		j := i + 1
		switch {
		case unicode.IsSpace(r):
			i = j
			continue
		case r >= '0' && r <= '9':
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
				j++
			}
			toks = append(toks, dateToken{'n', string(rs[i:j])})
		case unicode.IsLetter(r):
			for j < len(rs) && unicode.IsLetter(rs[j]) {
				j++
			}
			toks = append(toks, dateToken{'w', strings.ToLower(string(rs[i:j]))})
		case r == '-' || r == '/' || r == '.':
			toks = append(toks, dateToken{'-', string(r)})
		default:
			return nil, false
		}
		if len(toks) > 8 {
			return nil, false
		}
		i = j
	}
	return toks, true
}

// matchTokens reports whether the token kinds spell pattern exactly ("n-n-n", "wn").
func matchTokens(toks []dateToken, pattern string) bool {
	if len(toks) != len(pattern) {
		return false
	}
	for i, t := range toks {
		if t.kind != pattern[i] {
			return false
		}
	}
	return true
}

// FormatShortDay writes a day as import messages do: 17/07/2024.
func FormatShortDay(t time.Time) string { return t.Format("02/01/2006") }

// DayNumber numbers calendar days, taking the date of t in t's own location, so a time of day never matters.
func DayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return Date(y, m, d).Unix() / 86400
}
