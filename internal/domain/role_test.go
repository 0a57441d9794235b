package domain_test

import (
	"slices"
	"testing"

	"github.com/cilegon/monev/internal/domain"
)

func TestRoles(t *testing.T) {
	tests := []struct {
		r                    domain.Role
		label                string
		fullNIK, edit, users bool
	}{
		{domain.RoleAdmin, "Administrator", true, true, true},
		{domain.RoleDisnaker, "Staf Disnaker", true, true, false},
		{domain.RoleBPJS, "Petugas BPJS Ketenagakerjaan", true, false, false},
		{domain.RolePimpinan, "Pimpinan", false, false, false},
		{domain.Role(""), "", false, false, false},
	}
	for _, tt := range tests {
		if tt.r.Label() != tt.label || tt.r.SeesFullNIK() != tt.fullNIK || tt.r.CanEditData() != tt.edit || tt.r.CanManageUsers() != tt.users {
			t.Errorf("%q: Label %q, SeesFullNIK %v, CanEditData %v, CanManageUsers %v", tt.r,
				tt.r.Label(), tt.r.SeesFullNIK(), tt.r.CanEditData(), tt.r.CanManageUsers())
		}
	}
}

func TestParseRole(t *testing.T) {
	tests := []struct {
		in   string
		want domain.Role
	}{
		{"admin", domain.RoleAdmin}, {"ADMIN", domain.RoleAdmin}, {"Administrator", domain.RoleAdmin},
		{"disnaker", domain.RoleDisnaker}, {"Staf Disnaker", domain.RoleDisnaker},
		{"bpjs", domain.RoleBPJS}, {"BPJS Ketenagakerjaan", domain.RoleBPJS},
		{"pimpinan", domain.RolePimpinan}, {" Pimpinan ", domain.RolePimpinan},
	}
	for _, tt := range tests {
		if got, err := domain.ParseRole(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "root", "walikota"} {
		if got, err := domain.ParseRole(in); err == nil {
			t.Errorf("ParseRole(%q) = %q, want an error", in, got)
		} else {
			wantValueError(t, in, err)
		}
	}
}

func FuzzParseRole(f *testing.F) {
	for _, s := range []string{"admin", "Staf Disnaker", "bpjs", "pimpinan", "", "root"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := domain.ParseRole(s)
		if err != nil {
			wantValueError(t, s, err)
			return
		}
		if !slices.Contains(domain.Roles, r) {
			t.Fatalf("ParseRole(%q) = %q", s, r)
		}
		for _, form := range []string{string(r), r.Label()} {
			if back, err := domain.ParseRole(form); err != nil || back != r {
				t.Fatalf("%q does not parse back to %q", form, r)
			}
		}
	})
}
