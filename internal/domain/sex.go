package domain

// Sex is a person's sex as recorded in the population register: "L" (laki-laki) or "P" (perempuan).
type Sex string

// The two values of Sex.
const (
	SexMale   Sex = "L" // laki-laki
	SexFemale Sex = "P" // perempuan
)

// sexWords maps a lower-cased value with spaces, dashes and dots removed to a Sex.
var sexWords = map[string]Sex{
	"l": SexMale, "lk": SexMale, "lakilaki": SexMale, "laki": SexMale, "lelaki": SexMale,
	"pria": SexMale, "m": SexMale, "male": SexMale,
	"p": SexFemale, "pr": SexFemale, "perempuan": SexFemale, "wanita": SexFemale,
	"w": SexFemale, "f": SexFemale, "female": SexFemale,
}

// ParseSex reads "L", "P", "Laki-laki", "laki laki", "LK", "Pria", "Perempuan",
// "PR", "Wanita", "M" or "F" in any case; "" is an error, since callers decide whether the field is optional.
func ParseSex(s string) (Sex, error) {
	key := NormalizeName(s)
	if key == "" {
		return "", Invalidf("jenis kelamin belum diisi; gunakan L atau P")
	}
	if sex, ok := sexWords[key]; ok {
		return sex, nil
	}
	return "", Invalidf("jenis kelamin tidak valid: %s; gunakan L atau P", Quote(s))
}

// Label returns "Laki-laki" or "Perempuan", or "" for an unknown value.
func (s Sex) Label() string {
	switch s {
	case SexMale:
		return "Laki-laki"
	case SexFemale:
		return "Perempuan"
	}
	return ""
}
