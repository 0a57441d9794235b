package sheet_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// formulaRow has text that a spreadsheet could run as a formula, and values that are not text.
var formulaRow = []any{"=1+1", "+62812", "-5", "@SUM(A1)", "\tx", "\rx", "aman", int64(-5), domain.Rupiah(-16_800),
	day(2024, 7, 17), 164.4, nil, 7}

func TestWriteTableCSV(t *testing.T) {
	var buf bytes.Buffer
	header := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"}
	if err := sheet.WriteTable(&buf, "csv", "Rekap", header, [][]any{formulaRow}); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffa,b,c,d,e,f,g,h,i,j,k,l,m\n'=1+1,'+62812,'-5,'@SUM(A1),'\tx,\"'\rx\",aman,-5,-16800,2024-07-17,164.4,,7\n"
	if got := buf.String(); got != want {
		t.Errorf("csv\n got %q\nwant %q", got, want)
	}
}

func TestWriteTableXLSX(t *testing.T) {
	var buf bytes.Buffer
	header := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"}
	if err := sheet.WriteTable(&buf, "xlsx", "Rekap [2024]: Triwulan/I*?", header, [][]any{formulaRow}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if sheet != "Rekap -2024-- Triwulan-I--" {
		t.Errorf("sheet name %q", sheet)
	}
	raw := func(cell string) string {
		v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for cell, want := range map[string]string{"A2": "'=1+1", "B2": "'+62812", "C2": "'-5", "D2": "'@SUM(A1)", "E2": "'\tx",
		"G2": "aman", "H2": "-5", "I2": "-16800", "K2": "164.4", "L2": "", "M2": "7"} {
		if got := raw(cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	for _, cell := range []string{"H2", "I2", "J2", "K2", "M2"} {
		if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s is a %v cell, want a number", cell, typ)
		}
	}
	if v, _ := f.GetCellValue(sheet, "J2"); v != "17/07/2024" {
		t.Errorf("date cell shows %q", v)
	}
	if st := cellStyle(t, f, sheet, "I2"); st.NumFmt != 3 {
		t.Errorf("rupiah style %+v", st)
	}
}

func TestExportFormats(t *testing.T) {
	var buf bytes.Buffer
	w := sampleWorkers()[0]
	if _, err := newExporter(&buf, kinds.Workers, "ods", testRef()); err == nil {
		t.Error("an unknown format was accepted")
	}
	buf.Reset()
	if err := sheet.WriteTable(&buf, "csv", "x", []string{"a"}, [][]any{{struct{}{}}}); err == nil {
		t.Error("an unsupported value was written")
	}

	// A masked NIK is written as given, and the kelurahan by its name.
	buf.Reset()
	e, err := newExporter(&buf, kinds.Workers, "csv", testRef())
	if err != nil {
		t.Fatal(err)
	}
	w.KelurahanCode = "36.72.03.1002"
	if err := e.Worker(w, w.Enrollments[0], domain.NIK(nikWoman).Masked()); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if row := strings.Split(buf.String(), "\n")[1]; !strings.HasPrefix(row, "3672••••••••0012,Siti Aminah,1990-07-17,P,kader,Lebakgede,09876543210,2024-01-01,,aktif,1000000,") {
		t.Errorf("row %q", row)
	}
}
