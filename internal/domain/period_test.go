package domain_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

func month(y int, m time.Month) domain.Month { return domain.NewMonth(y, m) }

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in    string
		want  domain.Period
		str   string
		label string
	}{
		{"2024", domain.YearPeriod(2024), "2024", "Tahun 2024"},
		{"2024-S1", domain.SemesterPeriod(2024, 1), "2024-S1", "Semester I 2024"},
		{"2024-s2", domain.SemesterPeriod(2024, 2), "2024-S2", "Semester II 2024"},
		{"2024-Q1", domain.QuarterPeriod(2024, 1), "2024-Q1", "Triwulan I 2024"},
		{"2024-q2", domain.QuarterPeriod(2024, 2), "2024-Q2", "Triwulan II 2024"},
		{"2024-Q3", domain.QuarterPeriod(2024, 3), "2024-Q3", "Triwulan III 2024"},
		{"2024-Q4", domain.QuarterPeriod(2024, 4), "2024-Q4", "Triwulan IV 2024"},
		{"2024-07", domain.MonthPeriod(month(2024, 7)), "2024-07", "Juli 2024"},
		{"Juli 2024", domain.MonthPeriod(month(2024, 7)), "2024-07", "Juli 2024"},
		{"2024-01..2024-07", domain.RangePeriod(month(2024, 1), month(2024, 7)), "2024-01..2024-07", "Januari–Juli 2024"},
		{"2023-11..2024-02", domain.RangePeriod(month(2023, 11), month(2024, 2)), "2023-11..2024-02", "November 2023–Februari 2024"},
		{"2024-07..2024-07", domain.RangePeriod(month(2024, 7), month(2024, 7)), "2024-07..2024-07", "Juli 2024"},
		{" 2024-1 .. 2024-7 ", domain.RangePeriod(month(2024, 1), month(2024, 7)), "2024-01..2024-07", "Januari–Juli 2024"},
		{"2015-01..2024-12", domain.RangePeriod(month(2015, 1), month(2024, 12)), "2015-01..2024-12", "Januari 2015–Desember 2024"},
	}
	for _, tt := range tests {
		got, err := domain.ParsePeriod(tt.in)
		if err != nil {
			t.Errorf("ParsePeriod(%q) error: %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParsePeriod(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if got.String() != tt.str || got.Label() != tt.label {
			t.Errorf("ParsePeriod(%q): String, Label = %q, %q; want %q, %q", tt.in, got.String(), got.Label(), tt.str, tt.label)
		}
	}
}

func TestParsePeriodRejects(t *testing.T) {
	for _, in := range []string{"", "24", "20245", "2024-S3", "2024-S0", "2024-Q5", "2024-Q0", "2024-X1",
		"2024-07..2024-01", "2014-12..2024-12", "2024-07..", "..2024-07", "2024-13", "1899", "2101",
		"2024-01..2024-07..2024-09", "2024-Q1..2024-Q2", "Tahun 2024"} {
		got, err := domain.ParsePeriod(in)
		if err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", in, got)
			continue
		}
		wantValueError(t, in, err)
	}
	_, err := domain.ParsePeriod("2024-07..2024-01")
	if want := "periode tidak valid: bulan awal (Juli 2024) sesudah bulan akhir (Januari 2024)"; err == nil || err.Error() != want {
		t.Errorf("reversed range error = %v, want %q", err, want)
	}
	_, err = domain.ParsePeriod("2014-12..2024-12")
	if err == nil || !strings.Contains(err.Error(), "paling lama 120 bulan") {
		t.Errorf("long range error = %v", err)
	}
}

func TestPeriodFromTo(t *testing.T) {
	p, err := domain.PeriodFromTo("2024-07", "2024-07")
	if err != nil || p != (domain.Period{Kind: domain.PeriodRange, From: month(2024, 7), To: month(2024, 7)}) {
		t.Errorf("PeriodFromTo(2024-07, 2024-07) = %+v, %v", p, err)
	}
	p, err = domain.PeriodFromTo("2024-01", "Juli 2024")
	if err != nil || p != domain.RangePeriod(month(2024, 1), month(2024, 7)) {
		t.Errorf("PeriodFromTo(2024-01, Juli 2024) = %+v, %v", p, err)
	}
	for _, in := range [][2]string{{"2024-07", "2024-01"}, {"", "2024-01"}, {"2024-01", ""}, {"2010-01", "2024-01"}, {"2024", "2024-02"}} {
		if p, err := domain.PeriodFromTo(in[0], in[1]); err == nil {
			t.Errorf("PeriodFromTo(%q, %q) = %v, want an error", in[0], in[1], p)
		} else {
			wantValueError(t, in[0]+"|"+in[1], err)
		}
	}
	_, err = domain.PeriodFromTo("2024-13", "2024-07")
	if err == nil || !strings.HasPrefix(err.Error(), "bulan awal: ") {
		t.Errorf("error %v should name the from field", err)
	}
}

func TestPeriodConstructors(t *testing.T) {
	tests := []struct {
		p        domain.Period
		kind     domain.PeriodKind
		from, to domain.Month
	}{
		{domain.YearPeriod(2024), domain.PeriodYear, month(2024, 1), month(2024, 12)},
		{domain.SemesterPeriod(2024, 1), domain.PeriodSemester, month(2024, 1), month(2024, 6)},
		{domain.SemesterPeriod(2024, 2), domain.PeriodSemester, month(2024, 7), month(2024, 12)},
		{domain.SemesterPeriod(2024, 3), domain.PeriodSemester, month(2025, 1), month(2025, 6)},
		{domain.QuarterPeriod(2024, 3), domain.PeriodQuarter, month(2024, 7), month(2024, 9)},
		{domain.QuarterPeriod(2024, 0), domain.PeriodQuarter, month(2023, 10), month(2023, 12)},
		{domain.MonthPeriod(month(2024, 7)), domain.PeriodMonth, month(2024, 7), month(2024, 7)},
		{domain.RangePeriod(month(2024, 7), month(2024, 1)), domain.PeriodRange, month(2024, 1), month(2024, 7)},
	}
	for _, tt := range tests {
		if tt.p.Kind != tt.kind || tt.p.From != tt.from || tt.p.To != tt.to {
			t.Errorf("%v = %+v, want kind %d, %s..%s", tt.p, tt.p, tt.kind, tt.from, tt.to)
		}
	}
	if got := domain.SemesterPeriod(2024, 3).String(); got != "2025-S1" {
		t.Errorf("rolled-over semester String() = %q", got)
	}
}

func TestPeriodDays(t *testing.T) {
	p := domain.RangePeriod(month(2024, 1), month(2024, 2))
	if !p.Start().Equal(domain.Date(2024, 1, 1)) || !p.End().Equal(domain.Date(2024, 2, 29)) {
		t.Errorf("Start, End = %v, %v", p.Start(), p.End())
	}
	if got := domain.YearPeriod(2023).End(); !got.Equal(domain.Date(2023, 12, 31)) {
		t.Errorf("YearPeriod(2023).End() = %v", got)
	}
	if got := domain.QuarterPeriod(2024, 1).Months(); !reflect.DeepEqual(got, []domain.Month{month(2024, 1), month(2024, 2), month(2024, 3)}) {
		t.Errorf("Q1 Months() = %v", got)
	}
	if got := domain.YearPeriod(2024).Len(); got != 12 {
		t.Errorf("Len() = %d", got)
	}
	wib := time.FixedZone("WIB", 7*3600)
	contains := []struct {
		t    time.Time
		want bool
	}{
		{domain.Date(2024, 1, 1), true},
		{domain.Date(2024, 2, 29), true},
		{time.Date(2024, 2, 29, 23, 59, 59, 0, time.UTC), true},
		{domain.Date(2024, 3, 1), false},
		{domain.Date(2023, 12, 31), false},
		{time.Date(2024, 3, 1, 6, 0, 0, 0, wib), false}, // 1 March in Cilegon, though still February in UTC
		{time.Time{}, false},
	}
	for _, c := range contains {
		if got := p.Contains(c.t); got != c.want {
			t.Errorf("Contains(%v) = %v, want %v", c.t, got, c.want)
		}
	}
}

func TestPeriodSplit(t *testing.T) {
	jan := month(2024, 1)
	tests := []struct {
		name string
		p    domain.Period
		by   domain.Granularity
		want []string
	}{
		{"Jan–Jul by quarter", domain.RangePeriod(jan, month(2024, 7)), domain.ByQuarter, []string{"2024-Q1", "2024-Q2", "2024-07..2024-07"}},
		{"year by quarter", domain.YearPeriod(2024), domain.ByQuarter, []string{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"}},
		{"year by semester", domain.YearPeriod(2024), domain.BySemester, []string{"2024-S1", "2024-S2"}},
		{"year by year", domain.YearPeriod(2024), domain.ByYear, []string{"2024"}},
		{"quarter by month", domain.QuarterPeriod(2024, 3), domain.ByMonth, []string{"2024-07", "2024-08", "2024-09"}},
		{"across years by year", domain.RangePeriod(month(2023, 11), month(2025, 2)), domain.ByYear, []string{"2023-11..2023-12", "2024", "2025-01..2025-02"}},
		{"mid-quarter", domain.RangePeriod(month(2024, 2), month(2024, 5)), domain.ByQuarter, []string{"2024-02..2024-03", "2024-04..2024-05"}},
		{"month by year", domain.MonthPeriod(month(2024, 7)), domain.ByYear, []string{"2024-07..2024-07"}},
		{"unknown means month", domain.QuarterPeriod(2024, 1), domain.Granularity("week"), []string{"2024-01", "2024-02", "2024-03"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range tt.p.Split(tt.by) {
				got = append(got, sp.String())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%s) = %v, want %v", tt.by, got, tt.want)
			}
		})
	}
	for _, sp := range domain.YearPeriod(2024).Split(domain.ByMonth) {
		if sp.Kind != domain.PeriodMonth {
			t.Errorf("Split(ByMonth) gave kind %d", sp.Kind)
		}
	}
}

func TestPeriodYearEarlier(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024", "2023"},
		{"2024-S2", "2023-S2"},
		{"2024-Q3", "2023-Q3"},
		{"2024-02", "2023-02"},
		{"2023-11..2024-02", "2022-11..2023-02"},
	}
	for _, tt := range tests {
		p, err := domain.ParsePeriod(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.YearEarlier().String(); got != tt.want {
			t.Errorf("%s.YearEarlier() = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseGranularity(t *testing.T) {
	tests := []struct {
		in   string
		want domain.Granularity
	}{
		{"", domain.ByMonth}, {"month", domain.ByMonth}, {"Bulanan", domain.ByMonth},
		{"quarter", domain.ByQuarter}, {"triwulan", domain.ByQuarter},
		{"semester", domain.BySemester}, {"YEAR", domain.ByYear}, {"tahunan", domain.ByYear},
	}
	for _, tt := range tests {
		if got, err := domain.ParseGranularity(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseGranularity(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"week", "harian", "q"} {
		if _, err := domain.ParseGranularity(in); err == nil {
			t.Errorf("ParseGranularity(%q) accepted", in)
		} else {
			wantValueError(t, in, err)
		}
	}
	for _, g := range domain.Granularities {
		if g.Label() == "" {
			t.Errorf("%q has no label", g)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2024", "2024-S1", "2024-q3", "2024-07", "2024-01..2024-07",
		"2023-11..2024-02", "2024-07..2024-01", "Juli 2024", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := domain.ParsePeriod(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		if p.From > p.To || p.Len() > domain.MaxPeriodMonths {
			t.Fatalf("ParsePeriod(%q) = %+v, bad bounds", s, p)
		}
		if p.From.Year() < 1900 || p.To.Year() > 2100 {
			t.Fatalf("ParsePeriod(%q) = %+v, year out of range", s, p)
		}
		back, err := domain.ParsePeriod(p.String())
		if err != nil || back != p {
			t.Fatalf("ParsePeriod(%q) = %+v, but %q parses back as %+v, %v", s, p, p.String(), back, err)
		}
		if p.Label() == "" || !p.Start().Before(p.End()) && !p.Start().Equal(p.End()) {
			t.Fatalf("ParsePeriod(%q): bad Label or days", s)
		}
		for _, g := range domain.Granularities {
			n := 0
			for _, sp := range p.Split(g) {
				n += sp.Len()
			}
			if n != p.Len() {
				t.Fatalf("%s.Split(%s) covers %d months, want %d", p, g, n, p.Len())
			}
		}
	})
}

func FuzzPeriodFromTo(f *testing.F) {
	f.Add("2024-01", "2024-07")
	f.Add("2024-07", "2024-01")
	f.Add("Juli 2024", "7/2024")
	f.Fuzz(func(t *testing.T, from, to string) {
		p, err := domain.PeriodFromTo(from, to)
		if err != nil {
			wantValueError(t, from+"|"+to, err)
			return
		}
		if p.Kind != domain.PeriodRange || p.From > p.To || p.Len() > domain.MaxPeriodMonths {
			t.Fatalf("PeriodFromTo(%q, %q) = %+v", from, to, p)
		}
		back, err := domain.PeriodFromTo(p.From.String(), p.To.String())
		if err != nil || back != p {
			t.Fatalf("round trip of %+v gave %+v, %v", p, back, err)
		}
	})
}

func FuzzParseGranularity(f *testing.F) {
	for _, s := range []string{"", "month", "triwulan", "Semester", "tahunan", "week"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := domain.ParseGranularity(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		if back, err := domain.ParseGranularity(string(g)); err != nil || back != g {
			t.Fatalf("%q does not round-trip", g)
		}
		if back, err := domain.ParseGranularity(g.Label()); err != nil || back != g {
			t.Fatalf("label of %q does not parse back", g)
		}
	})
}
