package domain_test

import (
	"testing"

	"github.com/cilegon/monev/internal/domain"
)

func TestParseBasis(t *testing.T) {
	tests := []struct {
		in   string
		want domain.Basis
	}{
		{"", domain.BasisCash}, {"cash", domain.BasisCash}, {"kas", domain.BasisCash}, {"KAS", domain.BasisCash},
		{"basis kas", domain.BasisCash}, {"accrual", domain.BasisAccrual}, {"akrual", domain.BasisAccrual},
		{" Basis  Akrual ", domain.BasisAccrual},
	}
	for _, tt := range tests {
		if got, err := domain.ParseBasis(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseBasis(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"tunai", "basis", "x"} {
		if got, err := domain.ParseBasis(in); err == nil {
			t.Errorf("ParseBasis(%q) = %q, want an error", in, got)
		} else {
			wantValueError(t, in, err)
		}
	}
}

func TestBasisText(t *testing.T) {
	tests := []struct {
		b              domain.Basis
		label, explain string
	}{
		{domain.BasisCash, "basis kas", "Basis kas: iuran dihitung menurut tanggal bayar (SP2D), klaim menurut tanggal bayar."},
		// Corrected (../shared/domain.md): accrual is earned vs incurred, unpaid bills and claims in process included.
		{domain.BasisAccrual, "basis akrual", "Basis akrual: iuran yang terutang untuk bulan kepesertaan dalam periode (yang ditagih, " +
			"dibayar atau belum) dibandingkan klaim yang terjadi dalam periode menurut tanggal kejadian (dibayar, diajukan atau diproses; " +
			"yang ditolak tidak dihitung)."},
	}
	for _, tt := range tests {
		if tt.b.ContributionsLabel() == "" || tt.b.ClaimsLabel() == "" {
			t.Errorf("%s has no figure labels", tt.b)
		}
		if tt.b.Label() != tt.label || tt.b.Explain() != tt.explain {
			t.Errorf("%s: Label, Explain = %q, %q", tt.b, tt.b.Label(), tt.b.Explain())
		}
	}
}

func FuzzParseBasis(f *testing.F) {
	for _, s := range []string{"", "cash", "kas", "akrual", "basis kas", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := domain.ParseBasis(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		if b != domain.BasisCash && b != domain.BasisAccrual {
			t.Fatalf("ParseBasis(%q) = %q", s, b)
		}
		for _, form := range []string{string(b), b.Label()} {
			if back, err := domain.ParseBasis(form); err != nil || back != b {
				t.Fatalf("%q does not parse back to %q", form, b)
			}
		}
	})
}
