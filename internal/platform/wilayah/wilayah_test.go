package wilayah_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/platform/wilayah"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want wilayah.Region
	}{
		{"36", wilayah.Region{Code: "36", Name: "Banten", Level: wilayah.Province}},
		{"3672", wilayah.Region{Code: "36.72", Name: "Kota Cilegon", Parent: "36", Level: wilayah.Regency}},
		{"36.04", wilayah.Region{Code: "36.04", Name: "Kabupaten Serang", Parent: "36", Level: wilayah.Regency}},
		{"367201", wilayah.Region{Code: "36.72.01", Name: "Cibeber", Parent: "36.72", Level: wilayah.District}},
		{" 36.72.01.1001 ", wilayah.Region{Code: "36.72.01.1001", Name: "Cibeber", Parent: "36.72.01", Level: wilayah.Village}},
		{"31", wilayah.Region{Code: "31", Name: "Daerah Khusus Ibukota Jakarta", Level: wilayah.Province}},
		{"35.29.22", wilayah.Region{Code: "35.29.22", Name: `Ra"as`, Parent: "35.29", Level: wilayah.District}},
		{"12.07.28.1007", wilayah.Region{Code: "12.07.28.1007", Name: "Lubuk Pakam I,II", Parent: "12.07.28", Level: wilayah.Village}},
	} {
		got, ok := wilayah.Lookup(tc.in)
		if !ok || got != tc.want {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v", tc.in, got, ok, tc.want)
		}
	}
	for _, in := range []string{"", "x", "00", "99", "36.99", "36.72.99", "36.72.01.9999", "3672019999", "36.7"} {
		if got, ok := wilayah.Lookup(in); ok || got != (wilayah.Region{}) {
			t.Errorf("Lookup(%q) = %+v, %v; want nothing", in, got, ok)
		}
	}
}

func TestKotaCilegon(t *testing.T) {
	districts := wilayah.Children("3672")
	var names []string
	for _, d := range districts {
		names = append(names, d.Code+" "+d.Name)
	}
	want := []string{
		"36.72.01 Cibeber", "36.72.02 Cilegon", "36.72.03 Pulomerak", "36.72.04 Ciwandan",
		"36.72.05 Jombang", "36.72.06 Gerogol", "36.72.07 Purwakarta", "36.72.08 Citangkil",
	}
	if !slices.Equal(names, want) {
		t.Errorf("Children(3672) =\n%q\nwant\n%q", names, want)
	}
	villages := wilayah.Descendants("36.72", wilayah.Village)
	if len(villages) != 43 {
		t.Errorf("Descendants(36.72, Village) gives %d villages, want 43", len(villages))
	}
	perDistrict := 0
	for _, d := range districts {
		perDistrict += len(wilayah.Children(d.Code))
	}
	if perDistrict != len(villages) {
		t.Errorf("the districts' children add up to %d, Descendants gives %d", perDistrict, len(villages))
	}
	for _, v := range villages {
		if !strings.HasPrefix(v.Parent, "36.72.") || v.Level != wilayah.Village {
			t.Errorf("village %+v is not a village of a district of 36.72", v)
		}
	}
	if got := wilayah.Descendants("36.72", wilayah.District); !slices.Equal(got, districts) {
		t.Errorf("Descendants(36.72, District) differs from Children(36.72)")
	}
	if got := wilayah.Descendants("36", wilayah.Village); len(got) <= len(villages) {
		t.Errorf("Descendants(36, Village) gives %d villages, want more than Cilegon's %d", len(got), len(villages))
	}
}

func TestKabupatenSerang(t *testing.T) {
	r, ok := wilayah.Lookup("36.04")
	if !ok || r.Name != "Kabupaten Serang" || wilayah.IsCity(r) {
		t.Fatalf("Lookup(36.04) = %+v, %v; want Kabupaten Serang, not a city", r, ok)
	}
	districts := wilayah.Children("36.04")
	if len(districts) != 29 {
		t.Errorf("Kabupaten Serang has %d districts, want 29", len(districts))
	}
	for _, d := range districts {
		if d.Parent != "36.04" || d.Level != wilayah.District {
			t.Errorf("Children(36.04) holds %+v", d)
		}
	}
}

func TestBanten(t *testing.T) {
	provinces := wilayah.Provinces()
	if len(provinces) != 38 {
		t.Errorf("Provinces() gives %d, want 38", len(provinces))
	}
	i := slices.IndexFunc(provinces, func(r wilayah.Region) bool { return r.Code == "36" })
	if i < 0 || provinces[i].Name != "Banten" {
		t.Fatalf("province 36 is not Banten in %+v", provinces)
	}
	regencies := wilayah.Regencies("36")
	var codes []string
	for _, r := range regencies {
		codes = append(codes, r.Code)
	}
	for _, want := range []string{"36.04", "36.72"} {
		if !slices.Contains(codes, want) {
			t.Errorf("Regencies(36) = %v, want it to hold %s", codes, want)
		}
	}
	if got := wilayah.Regencies("3672"); got != nil {
		t.Errorf("Regencies of a city = %v, want nil", got)
	}
}

// TestTree walks the whole tree from the provinces down and checks the
// counts per level, each child's parent, level and code, and the order.
func TestTree(t *testing.T) {
	counts := map[wilayah.Level]int{}
	cities := 0
	var walk func(parent wilayah.Region, children []wilayah.Region)
	walk = func(parent wilayah.Region, children []wilayah.Region) {
		for i, c := range children {
			counts[c.Level]++
			if c.Parent != parent.Code || c.Level != parent.Level+1 {
				t.Fatalf("%+v is listed under %+v", c, parent)
			}
			if parent.Code != "" && !strings.HasPrefix(c.Code, parent.Code+".") {
				t.Fatalf("code %s is not under %s", c.Code, parent.Code)
			}
			if i > 0 && children[i-1].Code >= c.Code {
				t.Fatalf("%s follows %s", c.Code, children[i-1].Code)
			}
			if got, ok := wilayah.Lookup(c.Code); !ok || got != c {
				t.Fatalf("Lookup(%s) = %+v, %v; want %+v", c.Code, got, ok, c)
			}
			if got, ok := wilayah.Lookup(wilayah.Compact(c.Code)); !ok || got != c {
				t.Fatalf("Lookup(%s) = %+v, %v; want %+v", wilayah.Compact(c.Code), got, ok, c)
			}
			if c.Level == wilayah.Regency {
				if wilayah.IsCity(c) {
					cities++
				} else if !strings.HasPrefix(c.Name, "Kabupaten ") {
					t.Errorf("%s %q is neither Kota nor Kabupaten", c.Code, c.Name)
				}
			}
			walk(c, wilayah.Children(c.Code))
		}
	}
	walk(wilayah.Region{}, wilayah.Provinces())
	want := map[wilayah.Level]int{wilayah.Province: 38, wilayah.Regency: 514, wilayah.District: 7285, wilayah.Village: 83762}
	for lv, n := range want {
		if counts[lv] != n {
			t.Errorf("%d regions at level %v, want %d", counts[lv], lv, n)
		}
	}
	if cities != 98 {
		t.Errorf("%d cities, want 98", cities)
	}
}

func TestNotBelow(t *testing.T) {
	for _, tc := range []struct {
		code  string
		level wilayah.Level
	}{
		{"36.72", wilayah.Province},
		{"36.72", wilayah.Regency},
		{"36.72.01.1001", wilayah.Village},
		{"36", wilayah.Level(0)},
		{"36", wilayah.Level(5)},
		{"99", wilayah.Regency},
		{"x", wilayah.Village},
	} {
		if got := wilayah.Descendants(tc.code, tc.level); got != nil {
			t.Errorf("Descendants(%q, %v) = %v, want nil", tc.code, tc.level, got)
		}
	}
	for _, code := range []string{"36.72.01.1001", "99", "", "x"} {
		if got := wilayah.Children(code); got != nil {
			t.Errorf("Children(%q) = %v, want nil", code, got)
		}
	}
}

func TestIsCity(t *testing.T) {
	for _, tc := range []struct {
		r    wilayah.Region
		want bool
	}{
		{wilayah.Region{Code: "36.72", Name: "Kota Cilegon", Level: wilayah.Regency}, true},
		{wilayah.Region{Code: "36.04", Name: "Kabupaten Serang", Level: wilayah.Regency}, false},
		{wilayah.Region{Code: "36.72.01", Name: "Kota Baru", Level: wilayah.District}, false},
		{wilayah.Region{Code: "36.99", Name: "Kotabaru", Level: wilayah.Regency}, false},
	} {
		if got := wilayah.IsCity(tc.r); got != tc.want {
			t.Errorf("IsCity(%+v) = %v, want %v", tc.r, got, tc.want)
		}
	}
}

func TestResultsAreCopies(t *testing.T) {
	wilayah.Provinces()[0].Name = "changed"
	wilayah.Children("36.72")[0].Name = "changed"
	if p := wilayah.Provinces()[0]; p.Name == "changed" {
		t.Errorf("changing a result of Provinces changed the data: %+v", p)
	}
	if d, _ := wilayah.Lookup("36.72.01"); d.Name != "Cibeber" {
		t.Errorf("changing a result of Children changed the data: %+v", d)
	}
}

func TestCredit(t *testing.T) {
	if wilayah.Credit != "Data wilayah: idn-area-data, ODbL 1.0" {
		t.Errorf("Credit = %q", wilayah.Credit)
	}
}
