package domain

import "strings"

// Granularity is the size of the sub-periods a report or chart splits a period into.
type Granularity string

// The granularities a period can be split by.
const (
	ByMonth    Granularity = "month"    // calendar months
	ByQuarter  Granularity = "quarter"  // triwulan I–IV
	BySemester Granularity = "semester" // semester I–II
	ByYear     Granularity = "year"     // fiscal years
)

// Granularities lists every granularity, finest first.
var Granularities = []Granularity{ByMonth, ByQuarter, BySemester, ByYear}

// ParseGranularity reads a granularity in English or Indonesian ("month",
// "bulan", "bulanan", "quarter", "triwulan", ...); "" means ByMonth.
func ParseGranularity(s string) (Granularity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "month", "monthly", "bulan", "bulanan":
		return ByMonth, nil
	case "quarter", "quarterly", "triwulan", "triwulanan":
		return ByQuarter, nil
	case "semester", "semesteran":
		return BySemester, nil
	case "year", "yearly", "tahun", "tahunan":
		return ByYear, nil
	}
	return "", Invalidf("pengelompokan tidak valid: %s; gunakan bulan, triwulan, semester atau tahun", Quote(s))
}

// Label returns the Indonesian adjective for the granularity ("bulanan", "triwulanan", "semesteran", "tahunan").
func (g Granularity) Label() string {
	switch g {
	case ByQuarter:
		return "triwulanan"
	case BySemester:
		return "semesteran"
	case ByYear:
		return "tahunan"
	case ByMonth:
		return "bulanan"
	}
	return ""
}

// months returns the number of months in one sub-period and the kind a full one has; unknown values mean ByMonth.
func (g Granularity) months() (int, PeriodKind) {
	switch g {
	case ByQuarter:
		return 3, PeriodQuarter
	case BySemester:
		return 6, PeriodSemester
	case ByYear:
		return 12, PeriodYear
	}
	return 1, PeriodMonth
}
