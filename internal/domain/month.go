package domain

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Month is a calendar month as an ordinal number, year*12 + (month-1), so months compare and subtract like integers.
type Month int32

// MonthOf returns the calendar month of t in t's own location.
func MonthOf(t time.Time) Month { return NewMonth(t.Year(), t.Month()) }

// NewMonth returns month m of year y; m outside 1..12 rolls over into the neighbouring years, as in time.Date.
func NewMonth(y int, m time.Month) Month { return Month(y*12 + int(m) - 1) }

// Year returns the calendar year of m.
func (m Month) Year() int {
	y, _ := m.split()
	return y
}

// Month returns the month of the year of m.
func (m Month) Month() time.Month {
	_, mm := m.split()
	return mm
}

// split returns the year and month of m, flooring so that months before year 0 stay correct.
func (m Month) split() (int, time.Month) {
	y, r := int(m)/12, int(m)%12
	if r < 0 {
		y, r = y-1, r+12
	}
	return y, time.Month(r + 1)
}

// First returns the first day of m, midnight UTC.
func (m Month) First() time.Time { return Date(m.Year(), m.Month(), 1) }

// Last returns the last day of m, midnight UTC.
func (m Month) Last() time.Time { return Date(m.Year(), m.Month()+1, 0) }

// Add returns the month n months after m (before m when n is negative).
func (m Month) Add(n int) Month { return m + Month(n) }

// String returns the canonical form "2024-07".
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Month())) }

// Label returns the Indonesian name with the year, "Juli 2024".
func (m Month) Label() string { return MonthName(m.Month()) + " " + strconv.Itoa(m.Year()) }

// ShortLabel returns the abbreviated Indonesian name with the year, "Jul 2024".
func (m Month) ShortLabel() string { return monthShortName(m.Month()) + " " + strconv.Itoa(m.Year()) }

// ParseMonth reads a month as "2024-07", "2024-7", "07/2024", "7/2024",
// "07-2024", "Juli 2024", "Jul 2024" or "July 2024"; the year must be within 1900–2100.
func ParseMonth(s string) (Month, error) {
	const formats = "gunakan format 2024-07 atau Juli 2024"
	if strings.TrimSpace(s) == "" {
		return 0, Invalidf("bulan belum diisi; %s", formats)
	}
	fail := func() (Month, error) {
		return 0, Invalidf("bulan tidak valid: %s; %s", Quote(s), formats)
	}
	toks, ok := lexDate(s)
	if !ok {
		return fail()
	}
	var y string
	var m time.Month
	switch {
	case matchTokens(toks, "n-n"):
		y, m = toks[0].text, numericMonth(toks[2].text)
		if len(y) != 4 {
			y, m = toks[2].text, numericMonth(toks[0].text)
		}
	case matchTokens(toks, "wn"):
		y, m = toks[1].text, monthWords[toks[0].text]
	case matchTokens(toks, "w-n"):
		y, m = toks[2].text, monthWords[toks[0].text]
	default:
		return fail()
	}
	if m == 0 || len(y) != 4 {
		return fail()
	}
	year, _ := strconv.Atoi(y)
	if year < minYear || year > maxYear {
		return 0, Invalidf("bulan tidak valid: %s; tahun harus antara %d dan %d", Quote(s), minYear, maxYear)
	}
	return NewMonth(year, m), nil
}
