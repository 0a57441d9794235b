package wilayah_test

import (
	"fmt"

	"github.com/cilegon/monev/internal/platform/wilayah"
)

func ExampleLookup() {
	r, ok := wilayah.Lookup("3672")
	fmt.Println(r.Code, r.Name, r.Level, wilayah.IsCity(r), ok)
	fmt.Println(len(wilayah.Children(r.Code)), "kecamatan,", len(wilayah.Descendants(r.Code, wilayah.Village)), "kelurahan")
	fmt.Println(wilayah.Credit)
	// Output:
	// 36.72 Kota Cilegon kabupaten/kota true true
	// 8 kecamatan, 43 kelurahan
	// Data wilayah: idn-area-data, ODbL 1.0
}

func ExampleParseCode() {
	for _, s := range []string{"3604", "36.72.01", "3672011001", "36.7"} {
		code, err := wilayah.ParseCode(s)
		fmt.Printf("%q %v\n", code, err)
	}
	fmt.Println(wilayah.Compact("36.72.01.1001"))
	// Output:
	// "36.04" <nil>
	// "36.72.01" <nil>
	// "36.72.01.1001" <nil>
	// "" kode wilayah "36.7" tidak dikenal: gunakan kode Kemendagri seperti 36.72 atau 3672
	// 3672011001
}
