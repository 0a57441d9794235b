package domain

import (
	"strings"
	"unicode"
)

// DefaultPemda is the Kemendagri code of the local government running the programme, Kota Cilegon.
const DefaultPemda = "3672"

// Kecamatan is a district; Code is the Kemendagri code used in NIK ("36.72.01"), BPSCode the statistics office's code.
type Kecamatan struct{ Code, BPSCode, Name string }

// Kelurahan is a sub-district within a kecamatan; Aliases are other spellings found in imports ("Lebak Gede" for "Lebakgede").
type Kelurahan struct {
	Code, BPSCode, Name, KecamatanCode string
	Aliases                            []string
}

// Matches reports whether name is the kelurahan's name or one of its aliases, compared by NormalizeName.
func (k Kelurahan) Matches(name string) bool {
	key := NormalizeName(name)
	if key == "" {
		return false
	}
	if NormalizeName(k.Name) == key {
		return true
	}
	for _, a := range k.Aliases {
		if NormalizeName(a) == key {
			return true
		}
	}
	return false
}

// Category is a worker category funded by the programme (ketua RT/RW, kader, Linmas, nelayan, ...); the list is data, changing by year.
type Category struct{ Code, Name string }

// NormalizeName returns the key used to match place and label names typed in
// different ways: lower case with everything but letters and digits removed,
// so "Lebak Gede", "lebak-gede" and "Lebakgede" share the key "lebakgede".
func NormalizeName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// normalizeLabel lower-cases s and joins its words with single spaces after
// turning dashes, underscores, slashes, dots and brackets into spaces.
func normalizeLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', '/', '.', ',', '(', ')', '\u2013', '\u2014', '\u2212':
			return ' '
		}
		return r
	}, strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// HasCategory reports whether one of cats has the code.
func HasCategory(cats []Category, code string) bool {
	for _, c := range cats {
		if c.Code == code {
			return true
		}
	}
	return false
}

// Reference is what a Pemda's names and codes are resolved against, in
// files, forms and pages: its worker categories, kecamatan and kelurahan.
type Reference struct {
	Categories []Category
	Kecamatan  []Kecamatan
	Kelurahan  []Kelurahan
}

// CategoryName is the name of a category, or its code when unknown.
func (ref Reference) CategoryName(code string) string {
	for _, c := range ref.Categories {
		if c.Code == code {
			return c.Name
		}
	}
	return code
}

// KelurahanOf is the kelurahan with a code; an unknown code is its own name.
func (ref Reference) KelurahanOf(code string) Kelurahan {
	for _, k := range ref.Kelurahan {
		if k.Code == code {
			return k
		}
	}
	return Kelurahan{Code: code, Name: code}
}

// KecamatanName is the name of a kecamatan, or its code when unknown.
func (ref Reference) KecamatanName(code string) string {
	for _, k := range ref.Kecamatan {
		if k.Code == code {
			return k.Name
		}
	}
	return code
}
