package sheet

import (
	"io"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// View is who reads an export: whether they may see NIKs in full, and the
// reference that names kelurahan.
type View struct {
	FullNIK bool
	Ref     Reference
}

// Exporter writes records of a table in the column layout of its import
// template, so that the file can be imported again. CSV is comma-separated
// UTF-8 with a BOM, dates 2024-07-17 and rupiah plain integers; XLSX has
// number cells for money, date cells for days and text cells for NIK and KPJ.
type Exporter[R any] struct {
	t    *Table[R]
	view View
	sw   sheetWriter
}

// NewExporter writes the header of a table in format "csv" or "xlsx" for a
// reader as view describes them. The caller must Close the exporter to
// finish the file.
func NewExporter[R any](w io.Writer, t *Table[R], format string, view View) (*Exporter[R], error) {
	specs := t.Specs()
	sw, err := newSheetWriter(w, format, t.Label, specNames(specs), specTypes(specs))
	if err != nil {
		return nil, err
	}
	return &Exporter[R]{t: t, view: view, sw: sw}, nil
}

// specNames returns the names of cols.
func specNames(cols []Spec) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return names
}

// specTypes returns the value types of cols.
func specTypes(cols []Spec) []Type {
	types := make([]Type, len(cols))
	for i, c := range cols {
		types[i] = c.Type
	}
	return types
}

// Write writes one record.
func (e *Exporter[R]) Write(r *R) error {
	vals := make([]any, len(e.t.Columns))
	for i, c := range e.t.Columns {
		vals[i] = e.cellValue(c.Spec, c.Get(r))
	}
	return e.sw.writeRow(vals)
}

// cellValue is a record's value as its cell holds it: text for ID columns,
// masked NIKs for readers who may not see them, kelurahan by name.
func (e *Exporter[R]) cellValue(c Spec, v any) any {
	switch x := v.(type) {
	case domain.NIK:
		if c.Masked && !e.view.FullNIK {
			return textID(x.Masked())
		}
		return textID(x)
	case string:
		switch {
		case c.Lookup == "kelurahan":
			return kelurahanName(e.view.Ref, x)
		case c.Type == ID:
			return textID(x)
		}
		return x
	case *time.Time:
		if x == nil {
			return time.Time{}
		}
		return *x
	case *domain.Rupiah:
		if x == nil {
			return nil
		}
		return *x
	case *int64:
		if x == nil {
			return nil
		}
		return *x
	}
	return v
}

// Close finishes the file: it flushes CSV, or streams out the XLSX workbook.
func (e *Exporter[R]) Close() error { return e.sw.close() }

// kelurahanName returns the name of the kelurahan with code, or the code when ref does not know it.
func kelurahanName(ref Reference, code string) string {
	for _, k := range ref.Kelurahan {
		if k.Code == code {
			return k.Name
		}
	}
	return code
}

// WriteTable writes a report or analytics table that is not an import kind,
// in format "csv" or "xlsx" (one sheet named sheet). A value is a string,
// int, int64, domain.Rupiah (a number in rupiah), time.Time (a date cell),
// float64 (such as a percentage, as a number) or nil (empty).
func WriteTable(w io.Writer, format string, sheet string, header []string, rows [][]any) error {
	t, err := NewTableWriter(w, format, sheet, header)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := t.Row(r...); err != nil {
			return err
		}
	}
	return t.Close()
}

// TableWriter streams a table like WriteTable's, one row at a time, for
// exports too large to hold in memory.
type TableWriter struct {
	sw sheetWriter
}

// NewTableWriter writes the header of a table in format "csv" or "xlsx".
func NewTableWriter(w io.Writer, format, sheet string, header []string) (*TableWriter, error) {
	sw, err := newSheetWriter(w, format, sheetName(sheet), header, nil)
	if err != nil {
		return nil, err
	}
	return &TableWriter{sw: sw}, nil
}

// Row writes one row; after an error the writer is unusable.
func (t *TableWriter) Row(vals ...any) error {
	if err := t.sw.writeRow(vals); err != nil {
		t.sw.abort()
		return err
	}
	return nil
}

// Close finishes the file.
func (t *TableWriter) Close() error { return t.sw.close() }

// sheetName makes s a valid worksheet name: no []:*?/\, no quote at either
// end, at most 31 characters, "Data" when nothing is left.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, s)
	s = strings.Trim(strings.TrimSpace(s), "'")
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	if s == "" {
		return "Data"
	}
	return s
}
