package domain_test

import (
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

func TestMonth(t *testing.T) {
	tests := []struct {
		m                   domain.Month
		year                int
		month               time.Month
		first, last         time.Time
		str, label, shortLb string
	}{
		{domain.NewMonth(2024, time.July), 2024, time.July, domain.Date(2024, 7, 1), domain.Date(2024, 7, 31), "2024-07", "Juli 2024", "Jul 2024"},
		{domain.NewMonth(2024, time.February), 2024, time.February, domain.Date(2024, 2, 1), domain.Date(2024, 2, 29), "2024-02", "Februari 2024", "Feb 2024"},
		{domain.NewMonth(2023, time.February), 2023, time.February, domain.Date(2023, 2, 1), domain.Date(2023, 2, 28), "2023-02", "Februari 2023", "Feb 2023"},
		{domain.NewMonth(2024, time.December), 2024, time.December, domain.Date(2024, 12, 1), domain.Date(2024, 12, 31), "2024-12", "Desember 2024", "Des 2024"},
		{domain.NewMonth(2024, 13), 2025, time.January, domain.Date(2025, 1, 1), domain.Date(2025, 1, 31), "2025-01", "Januari 2025", "Jan 2025"},
		{domain.NewMonth(2024, 0), 2023, time.December, domain.Date(2023, 12, 1), domain.Date(2023, 12, 31), "2023-12", "Desember 2023", "Des 2023"},
		{domain.NewMonth(2024, time.August), 2024, time.August, domain.Date(2024, 8, 1), domain.Date(2024, 8, 31), "2024-08", "Agustus 2024", "Agu 2024"},
	}
	for _, tt := range tests {
		if tt.m.Year() != tt.year || tt.m.Month() != tt.month {
			t.Errorf("%d: Year, Month = %d, %v; want %d, %v", int32(tt.m), tt.m.Year(), tt.m.Month(), tt.year, tt.month)
		}
		if !tt.m.First().Equal(tt.first) || !tt.m.Last().Equal(tt.last) {
			t.Errorf("%s: First, Last = %v, %v; want %v, %v", tt.str, tt.m.First(), tt.m.Last(), tt.first, tt.last)
		}
		if tt.m.String() != tt.str || tt.m.Label() != tt.label || tt.m.ShortLabel() != tt.shortLb {
			t.Errorf("%s: String, Label, ShortLabel = %q, %q, %q", tt.str, tt.m.String(), tt.m.Label(), tt.m.ShortLabel())
		}
	}
}

func TestMonthOfAndAdd(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	tests := []struct {
		t    time.Time
		want string
	}{
		{domain.Date(2024, time.July, 17), "2024-07"},
		{time.Date(2024, time.August, 1, 0, 30, 0, 0, wib), "2024-08"}, // still July in UTC
		{time.Date(2024, time.December, 31, 23, 59, 0, 0, time.UTC), "2024-12"},
	}
	for _, tt := range tests {
		if got := domain.MonthOf(tt.t).String(); got != tt.want {
			t.Errorf("MonthOf(%v) = %s, want %s", tt.t, got, tt.want)
		}
	}
	m := domain.NewMonth(2024, time.November)
	adds := []struct {
		n    int
		want string
	}{{0, "2024-11"}, {1, "2024-12"}, {2, "2025-01"}, {-11, "2023-12"}, {-12, "2023-11"}, {14, "2026-01"}}
	for _, a := range adds {
		if got := m.Add(a.n).String(); got != a.want {
			t.Errorf("2024-11 + %d = %s, want %s", a.n, got, a.want)
		}
	}
	if domain.NewMonth(2024, time.July)-domain.NewMonth(2023, time.July) != 12 {
		t.Error("months a year apart must differ by 12")
	}
}

func TestParseMonth(t *testing.T) {
	jul := domain.NewMonth(2024, time.July)
	for _, in := range []string{"2024-07", "2024-7", "07/2024", "7/2024", "07-2024", "2024/07", "07.2024",
		"Juli 2024", "Jul 2024", "juli 2024", "JULI 2024", "July 2024", "Jul-2024", " Juli  2024 "} {
		got, err := domain.ParseMonth(in)
		if err != nil {
			t.Errorf("ParseMonth(%q) error: %v", in, err)
			continue
		}
		if got != jul {
			t.Errorf("ParseMonth(%q) = %s, want 2024-07", in, got)
		}
	}
	others := []struct {
		in   string
		want domain.Month
	}{
		{"Agustus 2024", domain.NewMonth(2024, time.August)},
		{"Agt 2024", domain.NewMonth(2024, time.August)},
		{"Desember 2100", domain.NewMonth(2100, time.December)},
		{"1900-01", domain.NewMonth(1900, time.January)},
	}
	for _, tt := range others {
		got, err := domain.ParseMonth(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseMonth(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestParseMonthRejects(t *testing.T) {
	for _, in := range []string{"", "2024", "2024-13", "2024-00", "13/2024", "07/24", "24-07", "2024-07-17",
		"Juli", "Foo 2024", "1899-12", "2101-01", "2024-007", "2024--07", "2024 07", "Juli 24", "17 Juli 2024"} {
		got, err := domain.ParseMonth(in)
		if err == nil {
			t.Errorf("ParseMonth(%q) = %s, want an error", in, got)
			continue
		}
		wantValueError(t, in, err)
	}
	_, err := domain.ParseMonth("2024-13")
	if want := `bulan tidak valid: "2024-13"; gunakan format 2024-07 atau Juli 2024`; err == nil || err.Error() != want {
		t.Errorf("ParseMonth error = %v, want %q", err, want)
	}
}

func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2024-07", "7/2024", "Juli 2024", "Agt 2024", "July 2024", "2024-13", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := domain.ParseMonth(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		if m.Year() < 1900 || m.Year() > 2100 {
			t.Fatalf("ParseMonth(%q) = %s, year out of range", s, m)
		}
		for _, form := range []string{m.String(), m.Label(), m.ShortLabel()} {
			back, err := domain.ParseMonth(form)
			if err != nil || back != m {
				t.Fatalf("ParseMonth(%q) = %s, but %q parses back as %s, %v", s, m, form, back, err)
			}
		}
		if domain.MonthOf(m.First()) != m || domain.MonthOf(m.Last()) != m {
			t.Fatalf("First/Last of %s are outside it", m)
		}
	})
}
