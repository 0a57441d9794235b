package components

import (
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// RupiahOrDash formats an amount, or "–" when it is not known.
func RupiahOrDash(r domain.Rupiah, known bool) string {
	if !known {
		return "\u2013"
	}
	return r.String()
}

// PerRupiah formats a ratio as money per rupiah, "Rp 1,64", or "–".
func PerRupiah(r domain.Ratio) string {
	if !r.Valid() {
		return "\u2013"
	}
	return "Rp " + r.Per(2)
}

// SignedRupiah formats a difference with an explicit plus sign for increases.
func SignedRupiah(r domain.Rupiah) string {
	if r > 0 {
		return "+" + r.String()
	}
	return r.String()
}

// SignedInt formats a count difference with an explicit sign.
func SignedInt(n int64) string {
	if n > 0 {
		return "+" + domain.FormatInt(n)
	}
	return domain.FormatInt(n)
}

// DateOf formats the last day of a period, "31 Desember 2024".
func DateOf(t time.Time) string { return domain.FormatDate(t) }

// SeriesLabel names a sub-period on a chart axis: "Jan" within one year,
// "Jan 2024" across years, "TW I", "Semester I" or "2024".
func SeriesLabel(p domain.Period, acrossYears bool) string {
	year := ""
	if acrossYears {
		year = " " + p.From.Label()[len(p.From.Label())-4:]
	}
	switch p.Kind {
	case domain.PeriodMonth:
		if acrossYears {
			return p.From.ShortLabel()
		}
		return p.From.ShortLabel()[:3]
	case domain.PeriodQuarter:
		l := p.Label() // "Triwulan III 2024"
		return "TW " + l[len("Triwulan "):len(l)-5] + year
	case domain.PeriodSemester:
		l := p.Label()
		return l[:len(l)-5] + year
	case domain.PeriodYear:
		return p.From.Label()[len(p.From.Label())-4:]
	}
	return p.Label()
}

// SeriesLabels names every sub-period of a series.
func SeriesLabels(ps []domain.Period) []string {
	across := len(ps) > 0 && ps[0].From.Year() != ps[len(ps)-1].To.Year()
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = SeriesLabel(p, across)
	}
	return out
}

// DateOrEmpty formats a day that may be unknown: "17 Juli 2024", or "".
func DateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return domain.FormatDate(t)
}

// DayOf formats an optional day: "17 Jul 2024", or "–".
func DayOf(t *time.Time) string {
	if t == nil {
		return domain.FormatDateShort(time.Time{})
	}
	return domain.FormatDateShort(*t)
}

// OptionalCount is a count that may be unknown.
func OptionalCount(n *int64) string {
	if n == nil {
		return "–"
	}
	return domain.FormatInt(*n)
}

// OptionalRupiah is an amount that may be unknown.
func OptionalRupiah(r *domain.Rupiah) string {
	if r == nil {
		return "–"
	}
	return r.String()
}

// OrDash shows "–" for an empty value.
func OrDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// CountOrDash formats a count, or "–" when there is no target.
func CountOrDash(n int64, ok bool) string {
	if !ok {
		return "\u2013"
	}
	return domain.FormatInt(n)
}

// NoBreak keeps "Rp" with its amount and a number with its "%" on one line.
func NoBreak(s string) string {
	return strings.NewReplacer("Rp ", "Rp\u00a0", " %", "\u00a0%", " × ", "\u00a0× ").Replace(s)
}

// DateOrDash formats a day, or "–" when unknown.
func DateOrDash(t time.Time) string { return domain.FormatDate(t) }

// Upper writes a letterhead line in capitals, "PEMERINTAH KOTA CILEGON".
func Upper(s string) string { return strings.ToUpper(s) }

// YearText writes a year without a thousands dot, "2024".
func YearText(y int) string { return domain.YearPeriod(y).String() }

// SaldoLine is the line of a cumulative saldo at each sub-period's end,
// with the saldo carried in from before the first one in its caption.
func SaldoLine(id, title, summary string, opening domain.Rupiah, periods []domain.Period, values []int64) LineChart {
	return LineChart{
		ID:            id,
		Title:         title,
		Summary:       summary,
		Caption:       "Saldo awal periode (semua bulan sebelumnya): " + opening.String() + ".",
		Labels:        SeriesLabels(periods),
		Series:        []Series{{Name: "Saldo kumulatif", Values: values}},
		Unit:          UnitRupiah,
		ZeroLabel:     "Impas",
		NegativeLabel: "Defisit",
	}
}
