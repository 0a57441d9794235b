package sheet_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// formCases are rows typed into a form: valid ones and ones with problems,
// as changes to each kind's base row.
var formCases = map[kind][][]string{
	kinds.Workers: {
		{},
		{"nik", " 3672 0457 0790 0012 ", "nama", "  Siti \t Aminah  "},
		{"nik", "123", "nama", "", "kategori", "Ojol"},
		{"tanggal_lahir", "18/07/1990", "jenis_kelamin", "L"},
		{"kelurahan", "Lebak Gede", "kategori", "Ketua RT/RW", "penghasilan", "Rp 1.500.000"},
		{"kelurahan", "36.72.04.1005", "tanggal_mulai", "2024-02-01", "tanggal_selesai", "2024-01-31"},
		{"status", "meninggal", "tanggal_selesai", ""},
		{"status", "nonaktif", "tanggal_selesai", "30/06/2024", "no_kpj", "09876543210"},
		{"no_kpj", "1234567", "no_hp", "0812abc", "penghasilan", "0"},
		{"tanggal_mulai", "", "status", "pensiun"},
	},
	kinds.Contributions: {
		{},
		{"periode", "Februari 2024", "dibayar", "Rp 69.720.000", "tanggal_bayar", "2024-03-14"},
		{"periode", "2024-13", "dibayar", "", "jumlah_peserta", "4,1 ribu"},
		{"tagihan", "-5", "tanggal_bayar", "31/02/2024", "no_sp2d", ""},
	},
	kinds.Claims: {
		{},
		{"jenis_klaim", "JKK Perawatan", "status", "diproses", "tanggal_bayar", ""},
		{"jenis_klaim", "JKK", "nik", "3672", "nominal", "banyak"},
		{"status", "dibayar", "tanggal_bayar", "", "tanggal_pengajuan", "01/05/2024"},
		{"tanggal_kejadian", "", "status", "entah"},
	},
}

// formBase is the valid row of a kind, by column.
func formBase(kind kind) map[string]string {
	switch kind {
	case kinds.Workers:
		return workerBase()
	case kinds.Contributions:
		return map[string]string{"periode": "2024-01", "jumlah_peserta": "4.143", "tagihan": "69.602.400", "dibayar": "69.602.400",
			"tanggal_bayar": "15/02/2024", "no_sp2d": "0123/SP2D/LS/2024", "keterangan": "Iuran Januari"}
	}
	return map[string]string{"no_klaim": "KLM-001", "nik": nikMan, "jenis_klaim": "JKM", "tanggal_kejadian": "03/05/2024",
		"tanggal_pengajuan": "10/05/2024", "tanggal_bayar": "24/05/2024", "nominal": "42.000.000", "status": "dibayar",
		"ahli_waris": "Budi Santoso", "keterangan": ""}
}

// TestFormsAgreeWithTheDecoder reads every case once as a one-row file and
// once as a form: the values and the messages must be the same.
func TestFormsAgreeWithTheDecoder(t *testing.T) {
	for kind, cases := range formCases {
		for _, changes := range cases {
			t.Run(string(kind)+" "+strings.Join(changes, "="), func(t *testing.T) {
				values := formBase(kind)
				for i := 0; i+1 < len(changes); i += 2 {
					values[changes[i]] = changes[i+1]
				}
				var header []string
				for _, c := range columns(kind) {
					header = append(header, c.Name)
				}
				file := decode(t, oneRowCSV(header, values, nil), kind)
				var got any
				var errs []sheet.RowError
				switch kind {
				case kinds.Workers:
					var row workerRow
					row, errs = parseWorker(testRef(), values)
					got = row.Worker
				case kinds.Contributions:
					var row contributionRow
					row, errs = parseContribution(values)
					got = row.Contribution
				case kinds.Claims:
					var row claimRow
					row, errs = parseClaim(values)
					got = row.Claim
				}
				if want, fromForm := columnMessages(file.errs), columnMessages(errs); !reflect.DeepEqual(want, fromForm) {
					t.Fatalf("form problems differ from the import's:\nimport %q\nform   %q", want, fromForm)
				}
				for _, e := range errs {
					if e.Line != 0 || e.Column == "" {
						t.Errorf("form problem %+v: want line 0 and a column", e)
					}
				}
				if vals, _ := values0(file); len(errs) == 0 && !reflect.DeepEqual(vals, got) {
					t.Errorf("form value %+v, import value %+v", got, vals)
				}
			})
		}
	}
}

// columnMessages lists problems as "column: message", without their line.
func columnMessages(errs []sheet.RowError) []string {
	out := []string{}
	for _, e := range errs {
		out = append(out, e.Column+": "+e.Msg)
	}
	return out
}

// values0 is the one decoded value of a one-row file, nil when it has none.
func values0(r result) (any, bool) {
	vals, _ := values[any](r)
	if len(vals) != 1 {
		return nil, false
	}
	return vals[0], true
}

func TestParseWorkerDetailsIgnoresTheSpell(t *testing.T) {
	v := workerBase()
	v["tanggal_mulai"], v["status"] = "", "pensiun"
	w, errs := parseWorkerDetails(testRef(), v)
	if errs != nil || w.NIK != nikWoman || w.CategoryCode != "kader" || w.Enrollments != nil {
		t.Fatalf("ParseWorkerDetails = %+v, %v", w, errs)
	}
	v["tanggal_lahir"] = "18/07/1990"
	_, errs = parseWorkerDetails(testRef(), v)
	if fe := sheet.FieldErrors(errs); len(fe) != 1 || !strings.Contains(fe["tanggal_lahir"], "tidak cocok dengan NIK") {
		t.Errorf("birth date against the NIK: %v", fe)
	}
}

func TestParseEnrollment(t *testing.T) {
	e, errs := parseEnrollment(map[string]string{"tanggal_mulai": "01/01/2024", "tanggal_selesai": "2024-06-30", "status": "nonaktif"})
	if errs != nil || !e.Start.Equal(day(2024, 1, 1)) || !e.End.Equal(day(2024, 6, 30)) || e.Status != domain.StatusInactive {
		t.Fatalf("ParseEnrollment = %+v, %v", e, errs)
	}
	_, errs = parseEnrollment(map[string]string{"tanggal_mulai": "", "status": "meninggal"})
	fe := sheet.FieldErrors(errs)
	if len(fe) != 2 || fe["tanggal_mulai"] != "tanggal belum diisi; gunakan format 17/07/2024 atau 2024-07-17" ||
		fe["tanggal_selesai"] != "wajib diisi bila status meninggal" {
		t.Errorf("problems %v", fe)
	}
}

// TestFormValuesParseBack fills each form from a record and parses it
// again: saving an unchanged form changes nothing.
func TestFormValuesParseBack(t *testing.T) {
	row, errs := parseWorker(testRef(), workerBase())
	if errs != nil {
		t.Fatal(errs)
	}
	w := row.Worker
	again, errs := parseWorker(testRef(), workerValues(w, &w.Enrollments[0]))
	if errs != nil || !reflect.DeepEqual(again.Worker, w) {
		t.Errorf("worker: %+v, %v; want %+v", again.Worker, errs, w)
	}
	c, errs := parseContribution(formBase(kinds.Contributions))
	if errs != nil {
		t.Fatal(errs)
	}
	c2, errs := parseContribution(contributionValues(c.Contribution))
	if errs != nil || !reflect.DeepEqual(c2.Contribution, c.Contribution) {
		t.Errorf("contribution: %+v, %v; want %+v", c2.Contribution, errs, c.Contribution)
	}
	k, errs := parseClaim(formBase(kinds.Claims))
	if errs != nil {
		t.Fatal(errs)
	}
	k2, errs := parseClaim(claimValues(k.Claim))
	if errs != nil || !reflect.DeepEqual(k2.Claim, k.Claim) {
		t.Errorf("claim: %+v, %v; want %+v", k2.Claim, errs, k.Claim)
	}
}
