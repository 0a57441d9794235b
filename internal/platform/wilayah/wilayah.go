package wilayah

import (
	"slices"
	"strings"
)

// Credit is the attribution line the ODbL asks for wherever the data is shown or shipped.
const Credit = "Data wilayah: idn-area-data, ODbL 1.0"

// Region is one province, regency or city, district or village: its dotted
// Kemendagri code, its name, the code of the region it belongs to ("" for a
// province) and its level.
type Region struct {
	Code, Name, Parent string
	Level              Level
}

// Lookup returns the region with the given code, written with or without
// dots, and whether there is one.
func Lookup(code string) (Region, bool) {
	c, err := ParseCode(code)
	if err != nil {
		return Region{}, false
	}
	list := data().levels[strings.Count(c, ".")]
	i, found := slices.BinarySearchFunc(list, c, compareCode)
	if !found {
		return Region{}, false
	}
	return list[i], true
}

// Children returns the regions one level below code, sorted by code, or nil
// when code is unknown or a village.
func Children(code string) []Region {
	r, ok := Lookup(code)
	if !ok {
		return nil
	}
	return below(r, r.Level+1)
}

// Provinces returns the 38 provinces, sorted by code.
func Provinces() []Region {
	return slices.Clone(data().levels[Province-1])
}

// Regencies returns the regencies and cities of the province with the given
// code, sorted by code, or nil when provinceCode is not a known province.
func Regencies(provinceCode string) []Region {
	r, ok := Lookup(provinceCode)
	if !ok || r.Level != Province {
		return nil
	}
	return below(r, Regency)
}

// Descendants returns the regions of the given level anywhere under code,
// sorted by code (all villages of a city, say), or nil when code is unknown
// or level is not below the region's own level.
func Descendants(code string, level Level) []Region {
	r, ok := Lookup(code)
	if !ok {
		return nil
	}
	return below(r, level)
}

// IsCity reports whether r is a city (kota) rather than a regency (kabupaten),
// judged by its name: "Kota Cilegon" is a city, "Kabupaten Serang" is not.
func IsCity(r Region) bool {
	return r.Level == Regency && strings.HasPrefix(r.Name, "Kota ")
}

// below returns a copy of the regions of level whose codes start with r's
// code and a dot. Each level's list is sorted by code and codes have
// fixed-width parts, so they are one run: from the first code at or after
// "36.72." to the first at or after "36.72/" ('/' follows '.' in ASCII).
func below(r Region, level Level) []Region {
	if level <= r.Level || level > Village {
		return nil
	}
	list := data().levels[level-1]
	from := searchCode(list, r.Code+".")
	to := from + searchCode(list[from:], r.Code+"/")
	if from == to {
		return nil
	}
	return slices.Clone(list[from:to])
}

// searchCode returns the index of the first region in list whose code is not
// less than code.
func searchCode(list []Region, code string) int {
	i, _ := slices.BinarySearchFunc(list, code, compareCode)
	return i
}

func compareCode(r Region, code string) int {
	return strings.Compare(r.Code, code)
}
