package domain_test

import (
	"slices"
	"testing"

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
