package registry_test

import (
	"errors"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/registry"
)

func TestEnrollmentCovers(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	closed := registry.Enrollment{Start: domain.Date(2024, 1, 1), End: ptr(domain.Date(2024, 6, 30)), Status: domain.StatusInactive}
	open := registry.Enrollment{Start: domain.Date(2024, 1, 1), Status: domain.StatusActive}
	tests := []struct {
		name string
		e    registry.Enrollment
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
	span := func(from, to time.Time) registry.Enrollment { return registry.Enrollment{Start: from, End: ptr(to)} }
	from := func(start time.Time) registry.Enrollment { return registry.Enrollment{Start: start} }
	jan1, jun30, jul1, dec31 := domain.Date(2024, 1, 1), domain.Date(2024, 6, 30), domain.Date(2024, 7, 1), domain.Date(2024, 12, 31)
	tests := []struct {
		name string
		a, b registry.Enrollment
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
	good := registry.Enrollment{Start: domain.Date(2024, 1, 1), End: ptr(domain.Date(2024, 1, 1)), Status: domain.StatusActive}
	if err := good.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}
	bad := registry.Enrollment{Start: domain.Date(2024, 2, 1), End: ptr(domain.Date(2024, 1, 31)), Status: "x"}
	var fe domain.FieldErrors
	if err := bad.Validate(); !errors.As(err, &fe) || fe["end"] == "" || fe["status"] == "" {
		t.Errorf("Validate() = %v, want end and status errors", err)
	}
	if err := (registry.Enrollment{Status: domain.StatusActive}).Validate(); !errors.As(err, &fe) || fe["start"] == "" {
		t.Errorf("Validate() without start = %v", err)
	}
}

func ptr(t time.Time) *time.Time { return &t }
