package domain

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Display signs: a real minus sign for negative figures on screen and paper,
// and an en dash for "no value" (a ratio without a denominator, a zero date).
const (
	minusSign = "\u2212"
	// NoValue is what a page shows where there is no figure: an en dash.
	NoValue = "\u2013"
)

// maxDecimals caps the decimals FormatDecimal and Ratio will produce.
const maxDecimals = 18

// FormatInt formats n the Indonesian way, with dots between thousands: 3012 → "3.012", −5 → "−5" (U+2212).
func FormatInt(n int64) string {
	mag, neg := magnitude(n)
	s := groupThousands(strconv.FormatUint(mag, 10))
	if neg {
		return minusSign + s
	}
	return s
}

// FormatDecimal formats the exact rational num/den with the given decimals,
// a decimal comma and dots between thousands, rounding half away from zero
// ("164,4"); it returns "–" when den is 0. Decimals are clamped to 0..18.
func FormatDecimal(num, den int64, decimals int) string {
	return formatRational(big.NewInt(num), big.NewInt(den), decimals)
}

// Ratio is an exact ratio of two integers, such as claims ÷ contributions.
type Ratio struct{ Num, Den int64 }

// Valid reports whether the ratio has a non-zero denominator.
func (r Ratio) Valid() bool { return r.Den != 0 }

// Float returns the ratio rounded to 4 decimals (1.6443) for JSON, or 0 when it is invalid.
func (r Ratio) Float() float64 {
	if !r.Valid() {
		return 0
	}
	q := roundQuo(new(big.Int).Mul(big.NewInt(r.Num), big.NewInt(10_000)), big.NewInt(r.Den))
	f, _ := new(big.Float).SetInt(q).Float64()
	return f / 10_000
}

// Percent formats the ratio as a percentage with a space before the sign ("164,4 %"), or "–" when invalid.
func (r Ratio) Percent(decimals int) string {
	if !r.Valid() {
		return NoValue
	}
	num := new(big.Int).Mul(big.NewInt(r.Num), big.NewInt(100))
	return formatRational(num, big.NewInt(r.Den), decimals) + " %"
}

// Per formats the ratio as a plain decimal ("1,64"), as in "benefit per Rp 1 of contributions", or "–" when invalid.
func (r Ratio) Per(decimals int) string {
	return FormatDecimal(r.Num, r.Den, decimals)
}

// formatRational does the work of FormatDecimal on big integers, so that
// scaling by 100 or 10^decimals cannot overflow.
func formatRational(num, den *big.Int, decimals int) string {
	if den.Sign() == 0 {
		return NoValue
	}
	decimals = min(max(decimals, 0), maxDecimals)
	neg := num.Sign()*den.Sign() < 0
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	n := new(big.Int).Mul(new(big.Int).Abs(num), scale)
	q := roundQuo(n, new(big.Int).Abs(den))
	whole, frac := new(big.Int).QuoRem(q, scale, new(big.Int))

	var b strings.Builder
	if neg && q.Sign() != 0 {
		b.WriteString(minusSign)
	}
	b.WriteString(groupThousands(whole.String()))
	if decimals > 0 {
		b.WriteByte(',')
		fs := frac.String()
		b.WriteString(strings.Repeat("0", decimals-len(fs)))
		b.WriteString(fs)
	}
	return b.String()
}

// roundQuo returns num/den rounded half away from zero; den must not be 0.
func roundQuo(num, den *big.Int) *big.Int {
	neg := num.Sign()*den.Sign() < 0
	n := new(big.Int).Abs(num)
	d := new(big.Int).Abs(den)
	// floor((2n + d) / 2d) is n/d rounded half up, for non-negative n and positive d.
	n.Lsh(n, 1).Add(n, d)
	q := n.Quo(n, d.Lsh(d, 1))
	if neg {
		q.Neg(q)
	}
	return q
}

// groupThousands puts a dot between every three digits of an unsigned decimal string.
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3)
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(digits[:head])
	for i := head; i < len(digits); i += 3 {
		b.WriteByte('.')
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// magnitude returns |n| as a uint64 (exact even for math.MinInt64) and whether n is negative.
func magnitude(n int64) (uint64, bool) {
	if n < 0 {
		return uint64(-(n + 1)) + 1, true
	}
	return uint64(n), false
}

// PercentValue is the ratio as a percentage rounded to decimals, as
// Percent shows it (164,4 % is 164.4), for spreadsheet cells; 0 when invalid.
func (r Ratio) PercentValue(decimals int) float64 {
	if !r.Valid() {
		return 0
	}
	decimals = min(max(decimals, 0), 6)
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	num := new(big.Int).Mul(big.NewInt(r.Num), big.NewInt(100))
	q := roundQuo(num.Mul(num, scale), big.NewInt(r.Den))
	f, _ := new(big.Float).SetInt(q).Float64()
	return f / math.Pow10(decimals)
}
