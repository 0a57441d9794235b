package domain_test

import (
	"testing"

	"github.com/cilegon/monev/internal/domain"
)

func TestNormalizeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lebak Gede", "lebakgede"},
		{"Lebakgede", "lebakgede"},
		{"  LEBAK   GEDE ", "lebakgede"},
		{"lebak-gede", "lebakgede"},
		{"Kebon Dalem", "kebondalem"},
		{"Tegal.Ratu", "tegalratu"},
		{"RT/RW", "rtrw"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := domain.NormalizeName(tt.in); got != tt.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKelurahanMatches(t *testing.T) {
	grogol := domain.Kelurahan{Code: "36.72.06.1002", BPSCode: "3672022008", Name: "Grogol", KecamatanCode: "36.72.06", Aliases: []string{"Gerogol"}}
	lebak := domain.Kelurahan{Code: "36.72.03.1002", Name: "Lebakgede", Aliases: []string{"Lebak Gede"}}
	tests := []struct {
		k    domain.Kelurahan
		in   string
		want bool
	}{
		{grogol, "Grogol", true},
		{grogol, "GEROGOL", true},
		{grogol, "Gerem", false},
		{grogol, "", false},
		{lebak, "lebak gede", true},
		{lebak, "Lebak-Gede", true},
		{lebak, "Lebak Denok", false},
	}
	for _, tt := range tests {
		if got := tt.k.Matches(tt.in); got != tt.want {
			t.Errorf("%s.Matches(%q) = %v, want %v", tt.k.Name, tt.in, got, tt.want)
		}
	}
	if domain.DefaultPemda != "3672" {
		t.Error("DefaultPemda must be Kota Cilegon")
	}
}
