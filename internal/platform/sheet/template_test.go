package sheet_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cilegon/monev/internal/platform/sheet"
)

func TestTemplatesDecodeCleanly(t *testing.T) {
	for _, kind := range kinds.Kinds {
		for _, format := range formats {
			t.Run(string(kind)+" "+format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := sheet.WriteTemplate(&buf, kind.schema(), format); err != nil {
					t.Fatal(err)
				}
				r := decode(t, buf.Bytes(), kind)
				checkClean(t, r, len(r.workers)+len(r.contributions)+len(r.claims), 2)
				if r.rows != 2 {
					t.Errorf("Rows() = %d", r.rows)
				}
			})
		}
	}
}

func TestTemplateCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := sheet.WriteTemplate(&buf, kinds.Claims.schema(), "csv"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 3 || lines[0] != "\ufeffno_klaim,nik,jenis_klaim,tanggal_kejadian,tanggal_pengajuan,tanggal_bayar,nominal,status,ahli_waris,keterangan" {
		t.Errorf("template %q", lines)
	}
	if !strings.Contains(lines[1], "42.000.000") {
		t.Errorf("examples are written as typed: %q", lines[1])
	}
}

func TestTemplateXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := sheet.WriteTemplate(&buf, kinds.Workers.schema(), "xlsx"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Peserta" || got[1] != "Petunjuk" {
		t.Fatalf("sheets %q", got)
	}
	if style := cellStyle(t, f, "Peserta", "A1"); style.Font == nil || !style.Font.Bold {
		t.Error("header is not bold")
	}
	if panes, err := f.GetPanes("Peserta"); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, %v", panes, err)
	}
	if w, err := f.GetColWidth("Peserta", "A"); err != nil || w < 16 {
		t.Errorf("width of nik %v, %v", w, err)
	}
	for _, col := range []string{"A", "G"} { // nik, no_kpj
		id, err := f.GetColStyle("Peserta", col)
		if err != nil {
			t.Fatal(err)
		}
		if st, err := f.GetStyle(id); err != nil || st.NumFmt != 49 {
			t.Errorf("column %s is not formatted as text: %+v %v", col, st, err)
		}
	}
	if typ, _ := f.GetCellType("Peserta", "C2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("birth date example is a %v cell, want a date number", typ)
	}
	if v, _ := f.GetCellValue("Peserta", "C2"); v != "17/07/1990" {
		t.Errorf("birth date example shows %q", v)
	}
	rows, err := f.GetRows("Petunjuk")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 14 || rows[0][0] != "Kolom" || rows[1][0] != "nik" || rows[1][1] != "wajib" || rows[3][1] != "opsional" ||
		!strings.Contains(rows[1][2], "16 digit") {
		t.Errorf("guide %q", rows[:3])
	}
}

// cellStyle returns the style of a cell.
func cellStyle(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestColumns(t *testing.T) {
	for _, kind := range kinds.Kinds {
		cols := columns(kind)
		if len(cols) == 0 {
			t.Fatalf("%s has no columns", kind)
		}
		seen := map[string]bool{}
		for _, c := range cols {
			for _, name := range append([]string{c.Name}, c.Aliases...) {
				key := strings.NewReplacer(" ", "", "_", "", ".", "", "-", "").Replace(strings.ToLower(name))
				if seen[key] {
					t.Errorf("%s: header %q is accepted twice", kind, name)
				}
				seen[key] = true
			}
			if c.Help == "" {
				t.Errorf("%s.%s has no help", kind, c.Name)
			}
		}
		cols[0].Aliases[0] = "changed"
		if columns(kind)[0].Aliases[0] == "changed" {
			t.Errorf("Columns(%s) returns shared slices", kind)
		}
	}
	if columns("anggaran") != nil {
		t.Error("columns for an unknown kind")
	}
}
