package sheet

import (
	"strings"
	"testing"
)

// headerTables are tables whose headers the fuzz test maps: columns with
// aliases, required and optional, like the kinds monev imports.
var headerTables = []Schema{
	&Table[struct{}]{Kind: "workers", Label: "Peserta", Columns: []Column[struct{}]{
		{Spec: Spec{Name: "nik", Required: true, Aliases: []string{"no nik", "nik ktp"}}},
		{Spec: Spec{Name: "nama", Required: true, Aliases: []string{"nama lengkap"}}},
		{Spec: Spec{Name: "kategori", Required: true}},
		{Spec: Spec{Name: "kelurahan", Required: true, Aliases: []string{"desa/kelurahan", "desa"}}},
		{Spec: Spec{Name: "tanggal_mulai", Required: true, Aliases: []string{"tgl mulai", "tmt"}}},
		{Spec: Spec{Name: "no_kpj", Aliases: []string{"kpj"}}},
	}},
	&Table[struct{}]{Kind: "contributions", Label: "Iuran", Columns: []Column[struct{}]{
		{Spec: Spec{Name: "periode", Required: true, Aliases: []string{"bulan"}}},
		{Spec: Spec{Name: "jumlah_peserta", Aliases: []string{"peserta"}}},
		{Spec: Spec{Name: "dibayar", Required: true}},
		{Spec: Spec{Name: "tanggal_bayar", Required: true, Aliases: []string{"tgl bayar"}}},
	}},
}

func FuzzMapHeader(f *testing.F) {
	f.Add("nik|nama|kategori|kelurahan|tanggal_mulai")
	f.Add("NIK|Nama Lengkap|TGL. MULAI|desa/kelurahan|nik")
	f.Add("periode|jumlah_peserta|dibayar|tanggal_bayar|x|")
	f.Add("no_klaim|nik|jenis_klaim|tanggal_kejadian|nominal|Status Klaim")
	f.Fuzz(func(t *testing.T, s string) {
		header := strings.Split(s, "|")
		for _, k := range headerTables {
			idx, problems := mapHeader(k, header, headerTables)
			cols := k.Specs()
			keys := headerKeys(cols)
			used := map[int]bool{}
			complete := true
			for c, pos := range idx {
				if pos < -1 || pos >= len(header) {
					t.Fatalf("%s: column %s at position %d of %d", k.Name(), cols[c].Name, pos, len(header))
				}
				if pos < 0 {
					complete = complete && !cols[c].Required
					continue
				}
				if used[pos] {
					t.Fatalf("%s: header cell %d maps to two columns", k.Name(), pos)
				}
				used[pos] = true
				if keys[normalizeHeader(header[pos])] != c {
					t.Fatalf("%s: %q mapped to %s", k.Name(), header[pos], cols[c].Name)
				}
			}
			if !complete && len(problems) == 0 {
				t.Fatalf("%s: a required column is missing without a problem", k.Name())
			}
			for _, p := range problems {
				if p.Line != 0 || p.Msg == "" {
					t.Fatalf("%s: problem %+v", k.Name(), p)
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
