package domain

import "time"

// DefaultIncome is the lowest income band a BPU worker can report, on which the Pemda pays contributions.
const DefaultIncome Rupiah = 1_000_000

// Rate is the monthly contribution for one BPU participant from ValidFrom until the next rate.
type Rate struct {
	ValidFrom  time.Time
	JKK, JKM   Rupiah
	Regulation string
}

// Total returns the monthly contribution per participant at the lowest
// income band, JKK plus JKM.
func (r Rate) Total() Rupiah { return r.JKK + r.JKM }

// JKKFor is the JKK of a participant reporting income: JKK is a share of
// the reported income (the rate's JKK is that share of the lowest band,
// Rp 10.000 of Rp 1.000.000 is 1 %), and an income below the lowest band
// counts as the lowest band. Rupiah fractions are dropped.
func (r Rate) JKKFor(income Rupiah) Rupiah {
	return Rupiah(int64(max(income, DefaultIncome)) * int64(r.JKK) / int64(DefaultIncome))
}

// For is the monthly contribution of a participant reporting income: JKK
// by the income plus JKM, which is flat.
func (r Rate) For(income Rupiah) Rupiah { return r.JKKFor(income) + r.JKM }

// Monthly returns the contribution for workers participants for one month.
func (r Rate) Monthly(workers int64) Rupiah { return Rupiah(workers) * r.Total() }

// Annual returns the contribution for workers participants for twelve months, the sum budgets are planned with.
func (r Rate) Annual(workers int64) Rupiah { return 12 * r.Monthly(workers) }

// RateTable is a list of rates sorted by ValidFrom, oldest first.
type RateTable []Rate

// At returns the rate in force on the first day of month m, and false when m is before the first rate.
func (t RateTable) At(m Month) (Rate, bool) {
	day := DayNumber(m.First())
	for i := len(t) - 1; i >= 0; i-- {
		if DayNumber(t[i].ValidFrom) <= day {
			return t[i], true
		}
	}
	return Rate{}, false
}

// DefaultBPURates returns the BPU rates at the lowest income band (Rp 1 juta):
// JKK Rp 10.000 + JKM Rp 6.800 from 1 July 2015 (PP 44/2015); 1 % of that,
// JKK Rp 100 + JKM Rp 68, for August 2020 to January 2021 (the 99 % relief of
// PP 49/2020); and Rp 10.000 + Rp 6.800 again from 1 February 2021. They are
// the national defaults: settings.Service.Rates returns them for a Pemda
// with no rates of its own, and calculations read rates only through it.
func DefaultBPURates() RateTable {
	return RateTable{
		{Date(2015, time.July, 1), 10_000, 6_800, "PP 44/2015"},
		{Date(2020, time.August, 1), 100, 68, "PP 49/2020 (keringanan 99 %)"},
		{Date(2021, time.February, 1), 10_000, 6_800, "PP 44/2015 jo. PP 82/2019"},
	}
}
