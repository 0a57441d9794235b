package sheet

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/cilegon/monev/internal/domain"
)

// guideSheet is the name of the template sheet that explains the columns.
const guideSheet = "Petunjuk"

// WriteTemplate writes the import template of a kind in format "csv" or
// "xlsx": the header and the two example rows of its columns. The XLSX
// template has typed example cells, text-formatted NIK and KPJ columns, and
// a second sheet "Petunjuk" that explains every column.
func WriteTemplate(w io.Writer, kind Schema, format string) error {
	cols := kind.Specs()
	sw, err := newSheetWriter(w, format, kind.Title(), specNames(cols), specTypes(cols))
	if err != nil {
		return err
	}
	for ex := range 2 {
		vals := make([]any, len(cols))
		for i, c := range cols {
			if vals[i], err = exampleValue(c, ex, format == "xlsx"); err != nil {
				sw.abort()
				return err
			}
		}
		if err := sw.writeRow(vals); err != nil {
			sw.abort()
			return err
		}
	}
	if x, ok := sw.(*xlsxSheet); ok {
		if err := x.flush(); err != nil {
			sw.abort()
			return err
		}
		if err := writeGuide(x.f, kind, cols); err != nil {
			sw.abort()
			return fmt.Errorf("sheet: write guide: %w", err)
		}
	}
	return sw.close()
}

// exampleValue returns example ex of column c: as typed for CSV, and as a
// typed cell value (date, number) for XLSX.
func exampleValue(c Spec, ex int, typed bool) (any, error) {
	s := c.Examples[ex]
	if c.Type == ID {
		return textID(s), nil
	}
	if !typed || s == "" {
		return s, nil
	}
	var v any
	var err error
	switch c.Type {
	case Date:
		v, err = domain.ParseDate(s)
	case Money:
		v, err = domain.ParseRupiah(s)
	case Count:
		n, ok := parseCount(s)
		if !ok {
			err = fmt.Errorf("not a count")
		}
		v = n
	default:
		v = s
	}
	if err != nil {
		return nil, fmt.Errorf("sheet: example %q of column %s: %w", s, c.Name, err)
	}
	return v, nil
}

// generalNotes are the guide's notes on values that every column shares.
var generalNotes = []string{
	"Baris pertama lembar pertama berisi judul kolom; data mulai baris 2. Urutan kolom bebas, kolom lain diabaikan, baris kosong dilewati.",
	"Tanggal: 17/07/2024, 17-07-2024, 2024-07-17, 17 Juli 2024 atau sel tanggal Excel.",
	"Rupiah: 16800, 16.800, Rp 16.800 atau 16.800,00 (tanpa sen).",
	"NIK dan No. KPJ: format kolom sebagai Teks sebelum mengetik, agar Excel tidak mengubahnya menjadi angka.",
	"Berkas boleh CSV (dipisah koma atau titik koma, UTF-8) atau XLSX (Excel 2007 ke atas).",
}

// writeGuide adds the "Petunjuk" sheet: one row per column with whether it
// is required, what it means, other accepted headers and the examples.
func writeGuide(f *excelize.File, kind Schema, cols []Spec) error {
	if _, err := f.NewSheet(guideSheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&boldStyle)
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	rows := [][]any{{"Kolom", "Wajib/opsional", "Penjelasan", "Contoh"}}
	for _, c := range cols {
		need := "opsional"
		if c.Required {
			need = "wajib"
		}
		help := c.Help
		if len(c.Aliases) > 0 {
			help += " Judul lain yang diterima: " + strings.Join(c.Aliases, ", ") + "."
		}
		examples := strings.TrimSpace(c.Examples[0] + "\n" + c.Examples[1])
		rows = append(rows, []any{c.Name, need, help, examples})
	}
	rows = append(rows, nil, []any{"Catatan templat " + kind.Title()})
	for _, n := range generalNotes {
		rows = append(rows, []any{"", "", n})
	}
	for i, r := range rows {
		if err := f.SetSheetRow(guideSheet, "A"+strconv.Itoa(i+1), &r); err != nil {
			return err
		}
	}
	last := strconv.Itoa(len(rows))
	steps := []error{
		f.SetCellStyle(guideSheet, "A1", "D1", bold),
		f.SetCellStyle(guideSheet, "A2", "D"+last, wrap),
		f.SetColWidth(guideSheet, "A", "A", 20),
		f.SetColWidth(guideSheet, "B", "B", 15),
		f.SetColWidth(guideSheet, "C", "C", 80),
		f.SetColWidth(guideSheet, "D", "D", 36),
		f.SetPanes(guideSheet, &frozenHeader),
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return nil
}
