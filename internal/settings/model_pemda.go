package settings

import (
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/wilayah"
)

// Pemda is a local government running the programme: a province
// (code "36") or a kabupaten/kota (code "3672"). Codes are stored without
// dots; Dotted gives the Kemendagri form.
type Pemda struct {
	Code       string // 36 or 3672
	Name       string // Provinsi Banten, Kota Cilegon
	Province   string // Banten
	Government string // Pemerintah Kota Cilegon
	Office     string // Dinas Tenaga Kerja
	City       string // where documents are signed
	Kecamatan  int    // how many kecamatan it has
	Kelurahan  int    // and kelurahan/desa
	Workers    int    // workers in its registry
}

// Dotted is the Kemendagri form of the code: 36.72.
func (p Pemda) Dotted() string { return DottedCode(p.Code) }

// IsProvince reports whether the Pemda is a province.
func (p Pemda) IsProvince() bool { return len(p.Code) == 2 }

// DottedCode is the Kemendagri form of a stored Pemda code: "3672" → "36.72".
func DottedCode(code string) string {
	if c, err := wilayah.ParseCode(code); err == nil {
		return c
	}
	return code
}

// PemdaCode returns the stored form of a province or kabupaten/kota code
// given with or without dots ("36.04" and "3604" give "3604"), or a
// domain.FieldErrors naming the code when it is neither or unknown.
func PemdaCode(s string) (string, wilayah.Region, error) {
	r, ok := wilayah.Lookup(s)
	if !ok || (r.Level != wilayah.Province && r.Level != wilayah.Regency) {
		return "", r, domain.Refuse("code", "kode "+strings.TrimSpace(s)+
			" bukan kode Kemendagri sebuah provinsi atau kabupaten/kota (contoh: 36, 36.04 atau 3604)")
	}
	return wilayah.Compact(r.Code), r, nil
}

// newPemda is the row of a Pemda onboarded from its region: names from
// Kemendagri's list, the Disnaker as office.
func newPemda(r wilayah.Region) Pemda {
	code := wilayah.Compact(r.Code)
	if r.Level == wilayah.Province {
		name := "Provinsi " + r.Name
		return Pemda{Code: code, Name: name, Province: r.Name, Government: "Pemerintah " + name,
			Office: "Dinas Tenaga Kerja", City: r.Name}
	}
	prov, _ := wilayah.Lookup(r.Parent)
	city := strings.TrimPrefix(strings.TrimPrefix(r.Name, "Kabupaten "), "Kota ")
	return Pemda{Code: code, Name: r.Name, Province: prov.Name, Government: "Pemerintah " + r.Name,
		Office: "Dinas Tenaga Kerja", City: city}
}

// DefaultCategories are the worker categories a new Pemda starts with, the
// groups of vulnerable informal workers Pemda fund across Indonesia; an
// administrator renames, adds and retires them later.
var DefaultCategories = []domain.Category{
	{Code: "rt_rw", Name: "Ketua RT/RW"},
	{Code: "kader", Name: "Kader"},
	{Code: "linmas", Name: "Linmas"},
	{Code: "nelayan", Name: "Nelayan"},
	{Code: "petani", Name: "Petani"},
	{Code: "umkm", Name: "Pelaku UMKM"},
	{Code: "marbot", Name: "Marbot Masjid"},
	{Code: "parkir", Name: "Tukang Parkir"},
	{Code: "ojek", Name: "Ojek"},
	{Code: "buruh", Name: "Buruh Serabutan"},
	{Code: "lainnya", Name: "Lainnya"},
}
