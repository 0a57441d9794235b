package domain

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind says which calendar shape a Period has.
type PeriodKind int

// The kinds of reporting period.
const (
	PeriodYear     PeriodKind = iota // a fiscal (calendar) year
	PeriodSemester                   // semester I (Jan–Jun) or II (Jul–Dec)
	PeriodQuarter                    // triwulan I–IV
	PeriodMonth                      // one calendar month
	PeriodRange                      // any run of whole months
)

// MaxPeriodMonths is the longest range ParsePeriod and PeriodFromTo accept, ten years.
const MaxPeriodMonths = 120

// Period is a reporting period: the months From through To, both inclusive.
type Period struct {
	Kind     PeriodKind
	From, To Month
}

// YearPeriod returns fiscal year y.
func YearPeriod(y int) Period {
	return Period{PeriodYear, NewMonth(y, time.January), NewMonth(y, time.December)}
}

// SemesterPeriod returns semester s (1 or 2) of year y; other s roll over into neighbouring years.
func SemesterPeriod(y, s int) Period {
	from := NewMonth(y, time.January).Add((s - 1) * 6)
	return Period{PeriodSemester, from, from.Add(5)}
}

// QuarterPeriod returns quarter (triwulan) q (1..4) of year y; other q roll over into neighbouring years.
func QuarterPeriod(y, q int) Period {
	from := NewMonth(y, time.January).Add((q - 1) * 3)
	return Period{PeriodQuarter, from, from.Add(2)}
}

// MonthPeriod returns the period of the single month m.
func MonthPeriod(m Month) Period { return Period{PeriodMonth, m, m} }

// RangePeriod returns the months from through to as a range; it swaps them if from is after to.
func RangePeriod(from, to Month) Period {
	if from > to {
		from, to = to, from
	}
	return Period{PeriodRange, from, to}
}

// ParsePeriod reads the canonical period forms: "2024", "2024-S1", "2024-Q3"
// (s and q in either case), "2024-07" (or any form ParseMonth accepts) and
// "2024-01..2024-07". A range must run forward and span at most 120 months.
func ParsePeriod(s string) (Period, error) {
	t := strings.TrimSpace(s)
	fail := func() (Period, error) {
		return Period{}, Invalidf("periode tidak valid: %s; gunakan 2024, 2024-S1, 2024-Q3, 2024-07 atau 2024-01..2024-07", Quote(s))
	}
	if t == "" {
		return Period{}, Invalidf("periode belum diisi; gunakan 2024, 2024-S1, 2024-Q3, 2024-07 atau 2024-01..2024-07")
	}
	if from, to, ok := strings.Cut(t, ".."); ok {
		f, err := ParseMonth(from)
		if err != nil {
			return fail()
		}
		l, err := ParseMonth(to)
		if err != nil {
			return fail()
		}
		return checkRange(f, l)
	}
	if len(t) == 4 && AllDigits(t) {
		y, _ := strconv.Atoi(t)
		if y < minYear || y > maxYear {
			return Period{}, Invalidf("periode tidak valid: %s; tahun harus antara %d dan %d", Quote(s), minYear, maxYear)
		}
		return YearPeriod(y), nil
	}
	if len(t) == 7 && AllDigits(t[:4]) && t[4] == '-' && t[6] >= '0' && t[6] <= '9' {
		y, _ := strconv.Atoi(t[:4])
		n := int(t[6] - '0')
		if y < minYear || y > maxYear {
			return Period{}, Invalidf("periode tidak valid: %s; tahun harus antara %d dan %d", Quote(s), minYear, maxYear)
		}
		switch t[5] {
		case 'S', 's':
			if n < 1 || n > 2 {
				return Period{}, Invalidf("periode tidak valid: %s; semester hanya 1 atau 2", Quote(s))
			}
			return SemesterPeriod(y, n), nil
		case 'Q', 'q':
			if n < 1 || n > 4 {
				return Period{}, Invalidf("periode tidak valid: %s; triwulan hanya 1 sampai 4", Quote(s))
			}
			return QuarterPeriod(y, n), nil
		}
	}
	m, err := ParseMonth(t)
	if err != nil {
		return fail()
	}
	return MonthPeriod(m), nil
}

// PeriodFromTo reads the from= and to= query form (each any form ParseMonth
// accepts) as a PeriodRange, even when from equals to.
func PeriodFromTo(from, to string) (Period, error) {
	f, err := ParseMonth(from)
	if err != nil {
		return Period{}, Invalidf("bulan awal: %s", err)
	}
	l, err := ParseMonth(to)
	if err != nil {
		return Period{}, Invalidf("bulan akhir: %s", err)
	}
	return checkRange(f, l)
}

// checkRange validates the months of a range typed by a user.
func checkRange(from, to Month) (Period, error) {
	if from > to {
		return Period{}, Invalidf("periode tidak valid: bulan awal (%s) sesudah bulan akhir (%s)", from.Label(), to.Label())
	}
	if n := int(to-from) + 1; n > MaxPeriodMonths {
		return Period{}, Invalidf("periode terlalu panjang: %d bulan; paling lama %d bulan", n, MaxPeriodMonths)
	}
	return RangePeriod(from, to), nil
}

var romans = [...]string{"I", "II", "III", "IV"}

// quarter returns the quarter (1..4) of the year that m falls in.
func quarter(m Month) int { return (int(m.Month())-1)/3 + 1 }

// semester returns the semester (1 or 2) of the year that m falls in.
func semester(m Month) int { return (int(m.Month())-1)/6 + 1 }

// String returns the canonical form that ParsePeriod reads back: "2024", "2024-S1", "2024-Q3", "2024-07", "2024-01..2024-07".
func (p Period) String() string {
	switch p.Kind {
	case PeriodYear:
		return fmt.Sprintf("%04d", p.From.Year())
	case PeriodSemester:
		return fmt.Sprintf("%04d-S%d", p.From.Year(), semester(p.From))
	case PeriodQuarter:
		return fmt.Sprintf("%04d-Q%d", p.From.Year(), quarter(p.From))
	case PeriodMonth:
		return p.From.String()
	default:
		return p.From.String() + ".." + p.To.String()
	}
}

// Label returns the Indonesian name of the period: "Tahun 2024",
// "Semester I 2024", "Triwulan III 2024", "Juli 2024", "Januari–Juli 2024",
// "November 2023–Februari 2024".
func (p Period) Label() string {
	switch p.Kind {
	case PeriodYear:
		return "Tahun " + strconv.Itoa(p.From.Year())
	case PeriodSemester:
		return "Semester " + romans[semester(p.From)-1] + " " + strconv.Itoa(p.From.Year())
	case PeriodQuarter:
		return "Triwulan " + romans[quarter(p.From)-1] + " " + strconv.Itoa(p.From.Year())
	}
	switch {
	case p.From == p.To:
		return p.From.Label()
	case p.From.Year() == p.To.Year():
		return MonthName(p.From.Month()) + "\u2013" + p.To.Label()
	default:
		return p.From.Label() + "\u2013" + p.To.Label()
	}
}

// Start returns the first day of the period, midnight UTC.
func (p Period) Start() time.Time { return p.From.First() }

// End returns the last day of the period (inclusive), midnight UTC.
func (p Period) End() time.Time { return p.To.Last() }

// Len returns the number of months in the period.
func (p Period) Len() int { return int(p.To-p.From) + 1 }

// Months returns every month of the period in order.
func (p Period) Months() []Month {
	ms := make([]Month, 0, max(p.Len(), 0))
	for m := p.From; m <= p.To; m++ {
		ms = append(ms, m)
	}
	return ms
}

// Contains reports whether the calendar date of t, in t's own location, falls within the period.
func (p Period) Contains(t time.Time) bool {
	m := MonthOf(t)
	return p.From <= m && m <= p.To
}

// Split cuts the period into calendar months, quarters, semesters or years,
// clipped to the period: full calendar quarters, semesters and years keep
// their kind, clipped ones become ranges. An unknown granularity splits by month.
func (p Period) Split(by Granularity) []Period {
	size, kind := by.months()
	var out []Period
	for m := p.From; m <= p.To; {
		start := NewMonth(m.Year(), time.Month((int(m.Month())-1)/size*size+1))
		end := start.Add(size - 1)
		from, to := max(start, p.From), min(end, p.To)
		if from == start && to == end {
			out = append(out, Period{kind, from, to})
		} else {
			out = append(out, RangePeriod(from, to))
		}
		m = end + 1
	}
	return out
}

// YearEarlier returns the period of the same shape one year before, for year-on-year comparison.
func (p Period) YearEarlier() Period {
	return Period{p.Kind, p.From.Add(-12), p.To.Add(-12)}
}
