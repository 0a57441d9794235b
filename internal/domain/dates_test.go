package domain_test

import (
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

func TestFormatDates(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	tests := []struct {
		in                    time.Time
		date, short, dateTime string
	}{
		{domain.Date(2024, time.July, 17), "17 Juli 2024", "17 Jul 2024", "17 Juli 2024 00.00"},
		{domain.Date(2024, time.August, 1), "1 Agustus 2024", "1 Agu 2024", "1 Agustus 2024 00.00"},
		{time.Date(2024, time.July, 17, 7, 5, 0, 0, time.UTC).In(wib), "17 Juli 2024", "17 Jul 2024", "17 Juli 2024 14.05"},
		{time.Date(2024, time.December, 31, 23, 59, 59, 0, wib), "31 Desember 2024", "31 Des 2024", "31 Desember 2024 23.59"},
		{time.Time{}, "–", "–", "–"},
	}
	for _, tt := range tests {
		if got := domain.FormatDate(tt.in); got != tt.date {
			t.Errorf("FormatDate(%v) = %q, want %q", tt.in, got, tt.date)
		}
		if got := domain.FormatDateShort(tt.in); got != tt.short {
			t.Errorf("FormatDateShort(%v) = %q, want %q", tt.in, got, tt.short)
		}
		if got := domain.FormatDateTime(tt.in); got != tt.dateTime {
			t.Errorf("FormatDateTime(%v) = %q, want %q", tt.in, got, tt.dateTime)
		}
	}
}

func TestMonthName(t *testing.T) {
	want := []string{"", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
		"Agustus", "September", "Oktober", "November", "Desember", ""}
	for m := range want {
		if got := domain.MonthName(time.Month(m)); got != want[m] {
			t.Errorf("MonthName(%d) = %q, want %q", m, got, want[m])
		}
	}
}

func TestDate(t *testing.T) {
	d := domain.Date(2024, time.July, 17)
	if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
		t.Errorf("Date() = %v, want midnight UTC", d)
	}
	if y, m, day := d.Date(); y != 2024 || m != time.July || day != 17 {
		t.Errorf("Date() = %v", d)
	}
}

func TestParseDate(t *testing.T) {
	jul17 := domain.Date(2024, time.July, 17)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2024-07-17", jul17},
		{"2024-7-17", jul17},
		{"2024/07/17", jul17},
		{"17/07/2024", jul17},
		{"17-07-2024", jul17},
		{"17.07.2024", jul17},
		{"7/7/2024", domain.Date(2024, time.July, 7)},
		{"17 Juli 2024", jul17},
		{"17 Jul 2024", jul17},
		{"17 juli 2024", jul17},
		{"17 JULI 2024", jul17},
		{"17 Jul. 2024", jul17},
		{"17-Jul-2024", jul17},
		{"17 July 2024", jul17},
		{"17 Agustus 2024", domain.Date(2024, time.August, 17)},
		{"17 Agu 2024", domain.Date(2024, time.August, 17)},
		{"17 Agt 2024", domain.Date(2024, time.August, 17)},
		{"17 Ags 2024", domain.Date(2024, time.August, 17)},
		{"17 Aug 2024", domain.Date(2024, time.August, 17)},
		{"10 Nopember 2024", domain.Date(2024, time.November, 10)},
		{"1 Mei 2024", domain.Date(2024, time.May, 1)},
		{"1 May 2024", domain.Date(2024, time.May, 1)},
		{"  17 /07/ 2024 ", jul17},
		{"17   Juli\t2024", jul17},
		{"\u00a017/07/2024\u00a0", jul17},
		{"29/02/2024", domain.Date(2024, time.February, 29)},
		{"29/02/2000", domain.Date(2000, time.February, 29)},
		{"01/01/1900", domain.Date(1900, time.January, 1)},
		{"31/12/2100", domain.Date(2100, time.December, 31)},
	}
	for _, tt := range tests {
		got, err := domain.ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q) error: %v", tt.in, err)
			continue
		}
		if !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{
		"", " ", "31/02/2024", "30/02/2024", "29/02/2023", "29/02/1900", "31/04/2024", "32/01/2024",
		"0/07/2024", "17/00/2024", "17/13/2024", "07/17/2024", "17/07/24", "24-07-17",
		"2024-07", "17/07", "Juli 2024", "17 Juli", "17/07-2024", "17//07/2024", "20240717",
		"17 Foo 2024", "17 Juli 2024 10:00", "1899-12-31", "2101-01-01", "0024-07-17",
		"017/07/2024", "17/007/2024", "2024-07-17T00:00:00Z", "tujuh belas Juli", "17 07 2024",
		"17,07,2024", "17 Juli 24",
	} {
		got, err := domain.ParseDate(in)
		if err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", in, got)
			continue
		}
		wantValueError(t, in, err)
	}
}

func TestParseDateMessages(t *testing.T) {
	tests := []struct{ in, want string }{
		{"kemarin", `tanggal tidak valid: "kemarin"; gunakan format 17/07/2024 atau 2024-07-17`},
		{"31/02/2024", `tanggal tidak valid: "31/02/2024"; Februari 2024 hanya punya 29 hari`},
		{"17/07/24", `tanggal tidak valid: "17/07/24"; tahun harus ditulis 4 digit, misalnya 17/07/2024`},
		{"17/07/1850", `tanggal tidak valid: "17/07/1850"; tahun harus antara 1900 dan 2100`},
		{"", "tanggal belum diisi; gunakan format 17/07/2024 atau 2024-07-17"},
	}
	for _, tt := range tests {
		_, err := domain.ParseDate(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseDate(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-07-17", "17/07/2024", "7/7/2024", "17 Juli 2024", "17 Agt 2024",
		"17-Jul-2024", "29/02/2023", "17/07/24", "", "31 Desember 2100"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := domain.ParseDate(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		if d.Location() != time.UTC || !d.Equal(d.Truncate(24*time.Hour)) {
			t.Fatalf("ParseDate(%q) = %v, not midnight UTC", s, d)
		}
		if d.Year() < 1900 || d.Year() > 2100 {
			t.Fatalf("ParseDate(%q) = %v, year out of range", s, d)
		}
		for _, form := range []string{domain.FormatDate(d), domain.FormatDateShort(d), d.Format("2006-01-02"), d.Format("02/01/2006")} {
			back, err := domain.ParseDate(form)
			if err != nil || !back.Equal(d) {
				t.Fatalf("ParseDate(%q) = %v, but %q parses back as %v, %v", s, d, form, back, err)
			}
		}
	})
}
