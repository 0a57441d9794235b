package sheet_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/platform/sheet"
)

// workerRow is a valid worker row, comma-separated, for the header of workerCommaHeader.
const (
	workerCommaHeader = "nik,nama,kategori,kelurahan,tanggal_mulai"
	workerCommaRow    = nikWoman + ",Siti Aminah,kader,Kepuh,01/01/2024"
)

func TestHeaderSpellings(t *testing.T) {
	tests := []struct{ name, header string }{
		{"canonical", "nik,nama,kategori,kelurahan,tanggal_mulai"},
		{"upper case with spaces", "NIK,NAMA,KATEGORI,KELURAHAN,TANGGAL MULAI"},
		{"dots and dashes", "N.I.K.,Nama,Kategori,Kelurahan,Tanggal-Mulai"},
		{"aliases", "No. NIK,Nama Lengkap,Segmen Pekerja,Desa/Kelurahan,Tgl. Mulai"},
		{"more aliases", "nomor induk kependudukan,nama peserta,kode kategori,kelurahan/desa,TMT"},
		{"extra columns ignored", "No,nik,nama,Catatan Petugas,kategori,kelurahan,tanggal_mulai,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := workerCommaRow
			if strings.HasPrefix(tt.header, "No,") {
				row = "1," + nikWoman + ",Siti Aminah,abc,kader,Kepuh,01/01/2024,zzz"
			}
			r := decode(t, csvFile(tt.header, row), kinds.Workers)
			if r.err != nil || len(r.errs) > 0 || len(r.workers) != 1 || r.workers[0].Worker.Name != "Siti Aminah" {
				t.Fatalf("err %v, errors %q, rows %+v", r.err, messages(r.errs), r.workers)
			}
		})
	}
	sexAliases := []string{"jk", "L/P", "Jenis Kelamin", "JENIS_KELAMIN"}
	for _, h := range sexAliases {
		r := decode(t, csvFile(workerCommaHeader+","+h, workerCommaRow+",L"), kinds.Workers)
		wantOneError(t, r, 2, "jenis_kelamin", "tidak cocok dengan NIK")
	}
	for _, h := range []string{"kpj", "No KPJ", "no_kpj", "Tgl Lahir"} {
		r := decode(t, csvFile(workerCommaHeader+","+h, workerCommaRow+",x"), kinds.Workers)
		if len(r.errs) != 1 {
			t.Errorf("header %q was not recognised: %q", h, messages(r.errs))
		}
	}
}

func TestHeaderProblems(t *testing.T) {
	tests := []struct {
		name   string
		kind   kind
		header string
		want   []string
	}{
		{"missing columns", kinds.Workers, "nik,nama,kelurahan", []string{"Berkas: kolom wajib tidak ditemukan di baris judul: kategori, tanggal_mulai"}},
		{"repeated column", kinds.Workers, "nik,nama,kategori,kelurahan,tanggal_mulai,NIK",
			[]string{"Berkas, kolom nik: muncul lebih dari sekali di baris judul (kolom A dan F)"}},
		{"all problems at once", kinds.Claims, "nik,nominal,Nominal,jenis_klaim",
			[]string{"kolom nominal: muncul lebih dari sekali", "kolom wajib tidak ditemukan di baris judul: tanggal_kejadian"}},
		{"data instead of a header", kinds.Workers, workerCommaRow, []string{"baris judul harus berisi nama kolom seperti pada templat Peserta"}},
		{"wrong kind of file", kinds.Workers, "no_klaim,nik,jenis_klaim,tanggal_kejadian,nominal",
			[]string{"kolom wajib tidak ditemukan", "berkas ini tampaknya berkas Klaim"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := decode(t, csvFile(tt.header, "x,y"), tt.kind)
			wantFileError(t, r.err, tt.want...)
		})
	}
}

func TestRefusedFiles(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "Berkas kosong"},
		{"only blank lines", []byte("\n  \n\r\n"), "tidak berisi baris judul"},
		{"legacy xls", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 512)...), "simpan ulang sebagai .xlsx"},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "Berkas harus CSV atau XLSX"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "Berkas harus CSV atau XLSX"},
		{"binary", []byte{0x00, 0x01, 0x02, 0xff, 0xfe, 0x10}, "Berkas harus CSV atau XLSX"},
		{"text with NUL bytes", []byte("nik,nama\x00\x00"), "Berkas harus CSV atau XLSX"},
		{"utf-16", []byte("\xff\xfen\x00i\x00k\x00"), "CSV UTF-8"},
		{"zip that is no workbook", []byte("PK\x03\x04garbage"), "Berkas XLSX rusak"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantFileError(t, decode(t, tt.data, kinds.Workers).err, tt.want)
		})
	}
}

func TestCSVDialects(t *testing.T) {
	tests := []struct {
		name string
		data string
		line int
	}{
		{"comma", workerCommaHeader + "\n" + workerCommaRow + "\n", 2},
		{"BOM", "\ufeff" + workerCommaHeader + "\n" + workerCommaRow + "\n", 2},
		{"semicolon", strings.ReplaceAll(workerCommaHeader+"\n"+workerCommaRow, ",", ";"), 2},
		{"CRLF without final newline", workerCommaHeader + "\r\n" + workerCommaRow, 2},
		{"quoted fields", `"nik","nama","kategori","kelurahan","tanggal_mulai"` + "\n" +
			`"` + nikWoman + `","Siti Aminah","kader","Kepuh","01/01/2024"` + "\n", 2},
		{"semicolon with commas in values", "nik;nama;kategori;kelurahan;tanggal_mulai;alamat\n" +
			nikWoman + ";Siti Aminah;kader;Kepuh;01/01/2024;Jl. Mawar, RT 1\n", 2},
		{"blank lines before the header", "\n\n" + workerCommaHeader + "\n" + workerCommaRow + "\n", 4},
		{"multi-line record counts as one row", workerCommaHeader + ",alamat\n" +
			workerCommaRow + ",\"Jl. Mawar\nRT 1, \"\"Blok A\"\"\"\n" + workerCommaRow + ",x\n", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := decode(t, []byte(tt.data), kinds.Workers)
			if r.err != nil || len(r.errs) > 0 || len(r.workers) == 0 {
				t.Fatalf("err %v, errors %q, rows %d", r.err, messages(r.errs), len(r.workers))
			}
			last := r.workers[len(r.workers)-1]
			if last.Line != tt.line || last.Worker.NIK != nikWoman {
				t.Errorf("last row %+v, want line %d", last, tt.line)
			}
		})
	}
	r := decode(t, []byte(workerCommaHeader+",alamat\n"+workerCommaRow+",\"Jl. \"\"Mawar\"\", RT 1\"\n"), kinds.Workers)
	if len(r.workers) != 1 || r.workers[0].Worker.Address != `Jl. "Mawar", RT 1` {
		t.Errorf("quoted address: %+v %q", r.workers, messages(r.errs))
	}
}

func TestCSVBadText(t *testing.T) {
	// Beyond the part of the file that format detection looks at, a cell that
	// is not UTF-8 is a problem of its row only.
	good := strings.Repeat(workerCommaRow+",Jl. Mawar\n", 200)
	r := decode(t, []byte(workerCommaHeader+",alamat\n"+good+workerCommaRow+",Jl. Caf\xe9\n"), kinds.Workers)
	wantOneError(t, r, 202, "alamat", "bukan UTF-8")
	if len(r.workers) != 200 {
		t.Errorf("%d valid rows", len(r.workers))
	}
	r = decode(t, []byte(workerCommaHeader+",alamat\n"+workerCommaRow+",Jl. Caf\xe9\n"), kinds.Workers)
	wantFileError(t, r.err, "Berkas CSV harus UTF-8")

	r = decode(t, []byte(workerCommaHeader+",alamat\n"+workerCommaRow+",\"Jl. Mawar\n"), kinds.Workers)
	wantFileError(t, r.err, "Baris 2: tanda kutip (\") dibuka tetapi tidak ditutup")

	long := strings.Repeat("x", 2<<20)
	r = decode(t, []byte(workerCommaHeader+",alamat\n"+workerCommaRow+","+long+"\n"), kinds.Workers)
	wantFileError(t, r.err, "Baris 2: baris terlalu panjang")
}

func TestLimits(t *testing.T) {
	data := csvFile(workerCommaHeader, workerCommaRow, workerCommaRow, "", workerCommaRow)
	r := decodeLimits(t, data, kinds.Workers, sheet.Limits{MaxRows: 2})
	if len(r.workers) != 2 {
		t.Errorf("%d rows before the limit, want 2", len(r.workers))
	}
	wantFileError(t, r.err, "Berkas: berkas berisi lebih dari 2 baris data")
	if len(r.errs) != 1 || r.errs[0].Line != 0 {
		t.Errorf("errors %q", messages(r.errs))
	}

	data = csvFile(workerCommaHeader+",alamat", workerCommaRow+","+strings.Repeat("é", 17))
	r = decodeLimits(t, data, kinds.Workers, sheet.Limits{MaxCellChars: 16})
	wantOneError(t, r, 2, "alamat", "isian terlalu panjang (17 karakter; paling banyak 16)")
}

func TestErrorsAreCapped(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(workerCommaHeader + "\n")
	const n = 10_050
	for range n {
		b.WriteString("1,x,kader,Kepuh,01/01/2024\n")
	}
	d, err := newDecoder(&b, kinds.Workers, testRef(), sheet.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for d.Next() {
		t.Fatal("no row is valid")
	}
	if d.Err() != nil || d.ErrorCount() != n || len(d.Errors()) != 10_000 || d.Rows() != n {
		t.Errorf("Err %v, ErrorCount %d, Errors %d, Rows %d", d.Err(), d.ErrorCount(), len(d.Errors()), d.Rows())
	}
	if d.Format() != "csv" {
		t.Errorf("Format() = %q", d.Format())
	}
}

func TestKinds(t *testing.T) {
	labels := map[kind]string{kinds.Workers: "Peserta", kinds.Contributions: "Iuran", kinds.Claims: "Klaim"}
	for k, want := range labels {
		if k.Label() != want {
			t.Errorf("%s.Label() = %q", k, k.Label())
		}
	}
}

func TestRowErrorFormat(t *testing.T) {
	tests := []struct {
		e    sheet.RowError
		want string
	}{
		{sheet.RowError{Line: 12, Column: "nik", Msg: "NIK harus 16 digit angka"}, "Baris 12, kolom nik: NIK harus 16 digit angka"},
		{sheet.RowError{Line: 12, Msg: "x"}, "Baris 12: x"},
		{sheet.RowError{Msg: "Berkas kosong"}, "Berkas: Berkas kosong"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	fe := &sheet.FileError{Problems: []sheet.RowError{{Msg: "a"}, {Column: "nik", Msg: "b"}}}
	if got := fe.Error(); got != "Berkas: a; Berkas, kolom nik: b" {
		t.Errorf("FileError = %q", got)
	}
}
