package wilayah

import "fmt"

// Level is the tier of a region in the Kemendagri hierarchy, from Province down to Village.
type Level int

// The levels' values equal the number of parts in their dotted codes.
const (
	// Province is the level of a provinsi, with a code such as "36".
	Province Level = iota + 1
	// Regency is the level of a kabupaten (regency) or kota (city), with a code such as "36.72".
	Regency
	// District is the level of a kecamatan, with a code such as "36.72.01".
	District
	// Village is the level of a kelurahan or desa, with a code such as "36.72.01.1001".
	Village
)

// String returns the level's Indonesian name, such as "kabupaten/kota".
func (l Level) String() string {
	switch l {
	case Province:
		return "provinsi"
	case Regency:
		return "kabupaten/kota"
	case District:
		return "kecamatan"
	case Village:
		return "kelurahan/desa"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}
