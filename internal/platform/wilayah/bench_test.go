package wilayah

import "testing"

// BenchmarkLoad measures the first use: decompressing and decoding the
// embedded data.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	for _, code := range []string{"36", "36.72", "36.72.01.1001", "3672011001"} {
		b.Run(code, func(b *testing.B) {
			data()
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := Lookup(code); !ok {
					b.Fatal(code)
				}
			}
		})
	}
}

func BenchmarkChildren(b *testing.B) {
	data()
	b.ReportAllocs()
	for b.Loop() {
		if len(Children("36.72")) != 8 {
			b.Fatal("36.72")
		}
	}
}
