package domain_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

func TestParseEnrollmentStatus(t *testing.T) {
	tests := []struct {
		in   string
		want domain.EnrollmentStatus
	}{
		{"", domain.StatusActive}, {"Aktif", domain.StatusActive}, {"AKTIF", domain.StatusActive},
		{"non aktif", domain.StatusInactive}, {"non-aktif", domain.StatusInactive},
		{"tidak aktif", domain.StatusInactive}, {"nonaktif", domain.StatusInactive}, {"Nonaktif", domain.StatusInactive},
		{"meninggal", domain.StatusDeceased}, {"Meninggal Dunia", domain.StatusDeceased}, {"wafat", domain.StatusDeceased},
	}
	for _, tt := range tests {
		if got, err := domain.ParseEnrollmentStatus(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseEnrollmentStatus(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"keluar", "x", "aktif?!x"} {
		if got, err := domain.ParseEnrollmentStatus(in); err == nil {
			t.Errorf("ParseEnrollmentStatus(%q) = %q, want an error", in, got)
		} else {
			wantValueError(t, in, err)
		}
	}
	want := map[domain.EnrollmentStatus]string{domain.StatusActive: "Aktif", domain.StatusInactive: "Nonaktif", domain.StatusDeceased: "Meninggal"}
	for _, s := range domain.EnrollmentStatuses {
		if s.Label() != want[s] {
			t.Errorf("%s.Label() = %q", s, s.Label())
		}
	}
}

func FuzzParseEnrollmentStatus(f *testing.F) {
	for _, s := range []string{"", "Aktif", "non-aktif", "tidak aktif", "meninggal dunia", "wafat", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := domain.ParseEnrollmentStatus(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		if !slices.Contains(domain.EnrollmentStatuses, st) {
			t.Fatalf("ParseEnrollmentStatus(%q) = %q", s, st)
		}
		for _, form := range []string{string(st), st.Label()} {
			if back, err := domain.ParseEnrollmentStatus(form); err != nil || back != st {
				t.Fatalf("%q does not parse back to %q", form, st)
			}
		}
	})
}

func ptr(t time.Time) *time.Time { return &t }

func TestEnrollmentCovers(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	closed := domain.Enrollment{Start: domain.Date(2024, 1, 1), End: ptr(domain.Date(2024, 6, 30)), Status: domain.StatusInactive}
	open := domain.Enrollment{Start: domain.Date(2024, 1, 1), Status: domain.StatusActive}
	tests := []struct {
		name string
		e    domain.Enrollment
		day  time.Time
		want bool
	}{
		{"first day", closed, domain.Date(2024, 1, 1), true},
		{"last day is inclusive", closed, domain.Date(2024, 6, 30), true},
		{"last day, afternoon", closed, time.Date(2024, 6, 30, 15, 0, 0, 0, time.UTC), true},
		{"day after", closed, domain.Date(2024, 7, 1), false},
		{"day before", closed, domain.Date(2023, 12, 31), false},
		{"local date counts", closed, time.Date(2024, 7, 1, 1, 0, 0, 0, wib), false}, // still 30 June in UTC
		{"open, far future", open, domain.Date(2100, 1, 1), true},
		{"open, before start", open, domain.Date(2023, 12, 31), false},
	}
	for _, tt := range tests {
		if got := tt.e.Covers(tt.day); got != tt.want {
			t.Errorf("%s: Covers(%v) = %v, want %v", tt.name, tt.day, got, tt.want)
		}
	}
}

func TestEnrollmentOverlaps(t *testing.T) {
	span := func(from, to time.Time) domain.Enrollment { return domain.Enrollment{Start: from, End: ptr(to)} }
	from := func(start time.Time) domain.Enrollment { return domain.Enrollment{Start: start} }
	jan1, jun30, jul1, dec31 := domain.Date(2024, 1, 1), domain.Date(2024, 6, 30), domain.Date(2024, 7, 1), domain.Date(2024, 12, 31)
	tests := []struct {
		name string
		a, b domain.Enrollment
		want bool
	}{
		{"adjacent", span(jan1, jun30), span(jul1, dec31), false},
		{"share one day", span(jan1, jul1), span(jul1, dec31), true},
		{"inside", span(jan1, dec31), span(jul1, jul1), true},
		{"open after closed", span(jan1, jun30), from(jul1), false},
		{"open overlapping closed", span(jan1, jul1), from(jul1), true},
		{"two open", from(jan1), from(dec31), true},
		{"open before closed", from(jan1), span(jul1, dec31), true},
		{"closed before open start", span(jan1, jun30), from(dec31), false},
	}
	for _, tt := range tests {
		if got := tt.a.Overlaps(tt.b); got != tt.want {
			t.Errorf("%s: a.Overlaps(b) = %v, want %v", tt.name, got, tt.want)
		}
		if got := tt.b.Overlaps(tt.a); got != tt.want {
			t.Errorf("%s: b.Overlaps(a) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestEnrollmentValidate(t *testing.T) {
	good := domain.Enrollment{Start: domain.Date(2024, 1, 1), End: ptr(domain.Date(2024, 1, 1)), Status: domain.StatusActive}
	if err := good.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}
	bad := domain.Enrollment{Start: domain.Date(2024, 2, 1), End: ptr(domain.Date(2024, 1, 31)), Status: "x"}
	var fe domain.FieldErrors
	if err := bad.Validate(); !errors.As(err, &fe) || fe["end"] == "" || fe["status"] == "" {
		t.Errorf("Validate() = %v, want end and status errors", err)
	}
	if err := (domain.Enrollment{Status: domain.StatusActive}).Validate(); !errors.As(err, &fe) || fe["start"] == "" {
		t.Errorf("Validate() without start = %v", err)
	}
}
