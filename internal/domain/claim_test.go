package domain_test

import (
	"slices"
	"testing"

	"github.com/cilegon/monev/internal/domain"
)

func TestParseClaimType(t *testing.T) {
	tests := []struct {
		in   string
		want domain.ClaimType
	}{
		{"JKM", domain.ClaimJKM}, {"jkm", domain.ClaimJKM}, {"Jaminan Kematian", domain.ClaimJKM},
		{"Jaminan Kematian (JKM)", domain.ClaimJKM},
		{"JKK_MENINGGAL", domain.ClaimJKKDeath}, {"jkk-meninggal", domain.ClaimJKKDeath},
		{"JKK Meninggal", domain.ClaimJKKDeath}, {"JKK Meninggal Dunia", domain.ClaimJKKDeath},
		{"Kecelakaan Kerja Meninggal", domain.ClaimJKKDeath},
		{"Jaminan Kecelakaan Kerja - Meninggal", domain.ClaimJKKDeath},
		{"Jaminan Kecelakaan Kerja (JKK) – Meninggal Dunia", domain.ClaimJKKDeath},
		{"JKK – meninggal dunia", domain.ClaimJKKDeath},
		{"JKK_CACAT", domain.ClaimJKKDisability}, {"Cacat", domain.ClaimJKKDisability},
		{"Cacat Tetap", domain.ClaimJKKDisability}, {"JKK Cacat", domain.ClaimJKKDisability},
		{"jkk cacat tetap sebagian", domain.ClaimJKKDisability},
		{"JKK_PERAWATAN", domain.ClaimJKKCare}, {"Perawatan", domain.ClaimJKKCare},
		{"JKK Perawatan", domain.ClaimJKKCare}, {"JKK – perawatan dan STMB", domain.ClaimJKKCare},
		{"BEASISWA", domain.ClaimScholarship}, {"Beasiswa", domain.ClaimScholarship},
		{"Beasiswa Pendidikan Anak", domain.ClaimScholarship}, {"  beasiswa  ", domain.ClaimScholarship},
	}
	for _, tt := range tests {
		if got, err := domain.ParseClaimType(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseClaimType(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "JKK", "meninggal", "kematian kerja", "JHT", "JKM JKK", "jkk jkm"} {
		if got, err := domain.ParseClaimType(in); err == nil {
			t.Errorf("ParseClaimType(%q) = %q, want an error", in, got)
		} else {
			wantValueError(t, in, err)
		}
	}
}

func TestClaimTypeNames(t *testing.T) {
	tests := []struct {
		c           domain.ClaimType
		name, short string
		death       bool
	}{
		{domain.ClaimJKM, "Jaminan Kematian (JKM)", "JKM", true},
		{domain.ClaimJKKDeath, "JKK – meninggal dunia", "JKK meninggal", true},
		{domain.ClaimJKKDisability, "JKK – cacat", "JKK cacat", false},
		{domain.ClaimJKKCare, "JKK – perawatan dan STMB", "JKK perawatan", false},
		{domain.ClaimScholarship, "Beasiswa pendidikan anak", "Beasiswa", false},
	}
	if len(tests) != len(domain.ClaimTypes) {
		t.Fatalf("test covers %d types, ClaimTypes has %d", len(tests), len(domain.ClaimTypes))
	}
	for _, tt := range tests {
		if tt.c.Name() != tt.name || tt.c.ShortName() != tt.short || tt.c.IsDeath() != tt.death {
			t.Errorf("%s: Name, ShortName, IsDeath = %q, %q, %v", tt.c, tt.c.Name(), tt.c.ShortName(), tt.c.IsDeath())
		}
	}
}

func FuzzParseClaimType(f *testing.F) {
	for _, s := range []string{"JKM", "jkk-meninggal", "JKK Meninggal Dunia", "Cacat Tetap", "Beasiswa", "JKK", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := domain.ParseClaimType(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		if !slices.Contains(domain.ClaimTypes, c) {
			t.Fatalf("ParseClaimType(%q) = %q, not a known type", s, c)
		}
		for _, form := range []string{string(c), c.Name(), c.ShortName()} {
			if back, err := domain.ParseClaimType(form); err != nil || back != c {
				t.Fatalf("%q does not parse back to %q: %q, %v", form, c, back, err)
			}
		}
	})
}

func TestParseClaimStatus(t *testing.T) {
	tests := []struct {
		in   string
		want domain.ClaimStatus
	}{
		{"", domain.ClaimPaid}, {"dibayar", domain.ClaimPaid}, {"DIBAYAR", domain.ClaimPaid},
		{"lunas", domain.ClaimPaid}, {"Sudah Dibayar", domain.ClaimPaid},
		{"diproses", domain.ClaimProcessing}, {"proses", domain.ClaimProcessing}, {"Dalam Proses", domain.ClaimProcessing},
		{"diajukan", domain.ClaimSubmitted}, {"Diajukan", domain.ClaimSubmitted},
		{"ditolak", domain.ClaimRejected}, {"tolak", domain.ClaimRejected},
	}
	for _, tt := range tests {
		if got, err := domain.ParseClaimStatus(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseClaimStatus(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"batal", "belum", "x"} {
		if got, err := domain.ParseClaimStatus(in); err == nil {
			t.Errorf("ParseClaimStatus(%q) = %q, want an error", in, got)
		} else {
			wantValueError(t, in, err)
		}
	}
	labels := map[domain.ClaimStatus]string{domain.ClaimSubmitted: "Diajukan", domain.ClaimProcessing: "Diproses",
		domain.ClaimPaid: "Dibayar", domain.ClaimRejected: "Ditolak"}
	for _, s := range domain.ClaimStatuses {
		if s.Label() != labels[s] {
			t.Errorf("%s.Label() = %q, want %q", s, s.Label(), labels[s])
		}
	}
}

func FuzzParseClaimStatus(f *testing.F) {
	for _, s := range []string{"", "dibayar", "lunas", "dalam proses", "tolak", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := domain.ParseClaimStatus(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		if !slices.Contains(domain.ClaimStatuses, st) {
			t.Fatalf("ParseClaimStatus(%q) = %q", s, st)
		}
		for _, form := range []string{string(st), st.Label()} {
			if back, err := domain.ParseClaimStatus(form); err != nil || back != st {
				t.Fatalf("%q does not parse back to %q", form, st)
			}
		}
	})
}
