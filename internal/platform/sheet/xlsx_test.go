package sheet_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// workerXLSXHeader is the header of the XLSX worker tests; the row helpers fill it in order.
var workerXLSXHeader = strRow("nik", "nama", "kategori", "kelurahan", "tanggal_mulai", "penghasilan", "no_kpj")

// workerXLSXRow is a valid worker row for workerXLSXHeader, with start and income given as cells.
func workerXLSXRow(start, income any) []any {
	return []any{nikWoman, "Siti Aminah", "kader", "Kepuh", start, income, nil}
}

// serial20240101 is 1 January 2024 as an Excel date serial.
const serial20240101 = 45292

func TestXLSXDateCells(t *testing.T) {
	tests := []struct {
		name string
		cell any
	}{
		{"time.Time (format 22)", day(2024, 1, 1)},
		{"built-in short date (format 14)", xlsxCell{value: serial20240101, numFmt: 14}},
		{"built-in d-mmm-yy (format 15)", xlsxCell{value: serial20240101, numFmt: 15}},
		{"custom dd/mm/yyyy", xlsxCell{value: serial20240101, custom: "dd/mm/yyyy"}},
		{"custom US mm/dd/yyyy", xlsxCell{value: serial20240101, custom: "mm/dd/yyyy"}},
		{"custom Indonesian long date", xlsxCell{value: serial20240101, custom: `[$-421]dd mmmm yyyy;@`}},
		{"date with time of day", xlsxCell{value: serial20240101 + 0.75, numFmt: 22}},
		{"date as text", "01/01/2024"},
		{"date as ISO text", "2024-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := xlsxFile(t, [][]any{workerXLSXHeader, workerXLSXRow(tt.cell, nil)})
			r := decode(t, data, kinds.Workers)
			checkClean(t, r, len(r.workers), 1)
			if got := r.workers[0].Worker.Enrollments[0].Start; !got.Equal(day(2024, 1, 1)) {
				t.Errorf("start %v", got)
			}
		})
	}
}

func TestXLSXNumberCells(t *testing.T) {
	tests := []struct {
		name   string
		row    []any
		column string
		want   string
	}{
		{"NIK stored as a number", []any{int64(3672045707900012), "Siti Aminah", "kader", "Kepuh", "01/01/2024"},
			"nik", "NIK tersimpan sebagai angka di Excel sehingga digit terakhir bisa hilang; format kolom nik sebagai Teks lalu ketik ulang"},
		{"NIK as a number formatted as text", []any{xlsxCell{value: int64(3672045707900012), numFmt: 49}, "Siti Aminah", "kader", "Kepuh", "01/01/2024"},
			"nik", "NIK tersimpan sebagai angka"},
		{"KPJ stored as a number", append(workerXLSXRow("01/01/2024", nil)[:6], int64(23012345678)),
			"no_kpj", "No. KPJ tersimpan sebagai angka di Excel"},
		{"plain number in a date column", workerXLSXRow(serial20240101, nil),
			"tanggal_mulai", "tanggal tersimpan sebagai angka biasa (45292)"},
		{"income with cents", workerXLSXRow("01/01/2024", 1500000.5),
			"penghasilan", "nilai rupiah harus bilangan bulat tanpa desimal: 1500000.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := decode(t, xlsxFile(t, [][]any{workerXLSXHeader, tt.row}), kinds.Workers)
			wantOneError(t, r, 2, tt.column, tt.want)
		})
	}
	for _, income := range []any{1500000, int64(1500000), 1500000.0, xlsxCell{value: 1500000, numFmt: 3}, "1.500.000"} {
		r := decode(t, xlsxFile(t, [][]any{workerXLSXHeader, workerXLSXRow("01/01/2024", income)}), kinds.Workers)
		if len(r.errs) > 0 || len(r.workers) != 1 || r.workers[0].Worker.Income != 1_500_000 {
			t.Errorf("income %#v: errors %q, rows %+v", income, messages(r.errs), r.workers)
		}
	}
}

func TestXLSXContributionCells(t *testing.T) {
	header := strRow("periode", "jumlah_peserta", "tagihan", "dibayar", "tanggal_bayar")
	r := decode(t, xlsxFile(t, [][]any{header,
		{xlsxCell{value: serial20240101, custom: "mmm yyyy"}, 4143, xlsxCell{value: 69602400, numFmt: 3}, int64(69602400), day(2024, 2, 15)},
		{"Februari 2024", 4143.5, nil, 100, day(2024, 3, 15)},
		{"2024-03", -1, nil, -5, day(2024, 4, 15)},
	}), kinds.Contributions)
	if len(r.contributions) != 1 {
		t.Fatalf("rows %+v, errors %q", r.contributions, messages(r.errs))
	}
	c := r.contributions[0].Contribution
	if c.CoverageMonth != domain.NewMonth(2024, 1) || *c.Participants != 4143 || *c.Billed != 69_602_400 ||
		c.Paid != 69_602_400 || !c.PaidOn.Equal(day(2024, 2, 15)) {
		t.Errorf("contribution %+v", c)
	}
	want := []string{
		"Baris 3, kolom jumlah_peserta: jumlah peserta harus bilangan bulat tanpa desimal: 4143.5",
		"Baris 4, kolom jumlah_peserta: jumlah peserta tidak boleh negatif",
		"Baris 4, kolom dibayar: nilai rupiah tidak boleh negatif",
	}
	if got := messages(r.errs); !sameErrors(got, want) {
		t.Errorf("errors %q", got)
	}
}

// sameErrors reports whether every got message starts with the want message at its place.
func sameErrors(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !strings.HasPrefix(got[i], want[i]) {
			return false
		}
	}
	return true
}

func TestXLSXRowNumbersAndSheets(t *testing.T) {
	good := workerXLSXRow("01/01/2024", nil)
	bad := workerXLSXRow("31/02/2024", nil)
	rows := [][]any{workerXLSXHeader, good, nil, nil, bad, {"", " "}, good}
	f, err := excelize.OpenReader(bytes.NewReader(xlsxFile(t, rows)))
	if err != nil {
		t.Fatal(err)
	}
	// Only the first sheet counts, whatever its name.
	if err := f.SetSheetName("Sheet1", "Peserta 2024"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("Lain"); err != nil {
		t.Fatal(err)
	}
	_ = f.SetCellValue("Lain", "A1", "bukan data")
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	r := decode(t, buf.Bytes(), kinds.Workers)
	if len(r.workers) != 2 || r.workers[0].Line != 2 || r.workers[1].Line != 7 {
		t.Fatalf("rows %+v, errors %q, err %v", r.workers, messages(r.errs), r.err)
	}
	wantOneError(t, r, 5, "tanggal_mulai", "Februari 2024 hanya punya 29 hari")
	if r.rows != 3 {
		t.Errorf("Rows() = %d", r.rows)
	}
}

func TestXLSXHeaderProblems(t *testing.T) {
	r := decode(t, xlsxFile(t, [][]any{strRow("NIK", "Nama", "nik", "kelurahan")}), kinds.Workers)
	wantFileError(t, r.err, "kolom nik: muncul lebih dari sekali di baris judul (kolom A dan C)",
		"kolom wajib tidak ditemukan di baris judul: kategori, tanggal_mulai")
}

func TestXLSXFromFileAndTemporaryCopy(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	data := xlsxFile(t, [][]any{workerXLSXHeader, workerXLSXRow("01/01/2024", nil)})
	path := filepath.Join(t.TempDir(), "peserta.xlsx")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	// A file is read by its name; any other reader is copied to a temporary file first.
	tests := []struct {
		name  string
		r     io.Reader
		temps int
	}{
		{"file", file, 0},
		{"stream", struct{ io.Reader }{bytes.NewReader(data)}, 1},
	}
	for _, tt := range tests {
		d, err := newDecoder(tt.r, kinds.Workers, testRef(), sheet.Limits{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if temps, _ := os.ReadDir(dir); len(temps) != tt.temps {
			t.Errorf("%s: %d temporary files while reading, want %d", tt.name, len(temps), tt.temps)
		}
		if !d.Next() || d.Worker().Worker.NIK != nikWoman || d.Format() != "xlsx" {
			t.Errorf("%s: no row, errors %q", tt.name, messages(d.Errors()))
		}
		if err := d.Close(); err != nil {
			t.Errorf("%s: close: %v", tt.name, err)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("%s: temporary files left: %v", tt.name, left)
		}
	}
}

func TestXLSXLimits(t *testing.T) {
	data := xlsxFile(t, [][]any{workerXLSXHeader, workerXLSXRow("01/01/2024", nil)})
	r := decodeLimits(t, data, kinds.Workers, sheet.Limits{MaxUnzipBytes: 1000})
	wantFileError(t, r.err, "Berkas XLSX terlalu besar")
}

// handMadeXLSX is a workbook as other tools write it: namespace prefixes,
// an ISO date cell (t="d"), inline strings, a comment and a CDATA section.
func handMadeXLSX(t testing.TB) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Data" sheetId="1" r:id="rIdS"/></x:sheets></x:workbook>`,
		"xl/worksheets/data.xml": `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
			`<x:row r="1">` + inlineCells("nik", "nama", "kategori", "kelurahan", "tanggal_mulai") + `</x:row>` +
			`<!-- a comment with <x:row r="9"> inside -->` +
			`<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t><![CDATA[` + nikWoman + `]]></x:t></x:is></x:c>` +
			`<x:c r="B3" t="inlineStr"><x:is><x:t>Siti &amp; Aminah</x:t></x:is></x:c>` +
			`<x:c r="C3" t="inlineStr"><x:is><x:t>kader</x:t></x:is></x:c>` +
			`<x:c r="D3" t="inlineStr"><x:is><x:t>Kepuh</x:t></x:is></x:c>` +
			`<x:c r="E3" t="d"><x:v>2024-01-01T00:00:00Z</x:v></x:c></x:row>` +
			`<x:row r="4"><x:c r="A4"><x:v>3672045707900012</x:v></x:c><x:c r="B4" t="inlineStr"><x:is><x:t>X</x:t></x:is></x:c></x:row>` +
			`</x:sheetData></x:worksheet>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// inlineCells writes values as inline-string cells of one row, without cell references.
func inlineCells(vals ...string) string {
	var b strings.Builder
	for _, v := range vals {
		b.WriteString(`<x:c t="inlineStr"><x:is><x:t>` + v + `</x:t></x:is></x:c>`)
	}
	return b.String()
}

func TestXLSXWrittenByOtherTools(t *testing.T) {
	r := decode(t, handMadeXLSX(t), kinds.Workers)
	if r.err != nil || len(r.workers) != 1 {
		t.Fatalf("err %v, rows %+v, errors %q", r.err, r.workers, messages(r.errs))
	}
	w := r.workers[0]
	if w.Line != 3 || w.Worker.Name != "Siti & Aminah" || !w.Worker.Enrollments[0].Start.Equal(day(2024, 1, 1)) {
		t.Errorf("row %+v", w)
	}
	if len(r.errs) == 0 || r.errs[0].Line != 4 || r.errs[0].Column != "nik" || !strings.Contains(r.errs[0].Msg, "tersimpan sebagai angka") {
		t.Errorf("errors %q", messages(r.errs))
	}
}
