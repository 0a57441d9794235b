package ingest

import (
	"strings"
	"testing"
)

func FuzzMapHeader(f *testing.F) {
	f.Add("nik|nama|kategori|kelurahan|tanggal_mulai")
	f.Add("NIK|Nama Lengkap|TGL. MULAI|desa/kelurahan|nik")
	f.Add("periode|jumlah_peserta|dibayar|tanggal_bayar|x|")
	f.Add("no_klaim|nik|jenis_klaim|tanggal_kejadian|nominal|Status Klaim")
	f.Fuzz(func(t *testing.T, s string) {
		header := strings.Split(s, "|")
		for _, k := range Kinds {
			idx, problems := mapHeader(k, header)
			cols := columnsOf(k)
			used := map[int]bool{}
			complete := true
			for c, pos := range idx {
				if pos < -1 || pos >= len(header) {
					t.Fatalf("%s: column %s at position %d of %d", k, cols[c].Name, pos, len(header))
				}
				if pos < 0 {
					complete = complete && !cols[c].Required
					continue
				}
				if used[pos] {
					t.Fatalf("%s: header cell %d maps to two columns", k, pos)
				}
				used[pos] = true
				if headerMaps[k][normalizeHeader(header[pos])] != c {
					t.Fatalf("%s: %q mapped to %s", k, header[pos], cols[c].Name)
				}
			}
			if !complete && len(problems) == 0 {
				t.Fatalf("%s: a required column is missing without a problem", k)
			}
			for _, p := range problems {
				if p.Line != 0 || p.Msg == "" {
					t.Fatalf("%s: problem %+v", k, p)
				}
			}
		}
	})
}

func TestNormalizeHeader(t *testing.T) {
	for in, want := range map[string]string{"Tanggal Mulai": "tanggalmulai", "TANGGAL_MULAI": "tanggalmulai",
		"tgl.mulai": "tglmulai", " tanggal-mulai\n": "tanggalmulai", "L/P": "l/p", "\ufeffNIK": "nik", "Tanggal\u00a0Lahir": "tanggallahir"} {
		if got := normalizeHeader(in); got != want {
			t.Errorf("normalizeHeader(%q) = %q, want %q", in, got, want)
		}
	}
}
