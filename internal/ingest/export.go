package ingest

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Exporter writes rows of one kind in the column layout of its import
// template, so that the file can be imported again. CSV is comma-separated
// UTF-8 with a BOM, dates 2024-07-17 and rupiah plain integers; XLSX has
// number cells for money, date cells for days and text cells for NIK and KPJ.
type Exporter struct {
	kind Kind
	sw   sheetWriter
}

// NewExporter writes the header of a kind's table in format "csv" or "xlsx".
// The caller must Close the exporter to finish the file.
func NewExporter(w io.Writer, kind Kind, format string) (*Exporter, error) {
	cols := columnsOf(kind)
	if cols == nil {
		return nil, fmt.Errorf("ingest: unknown kind %q", kind)
	}
	sw, err := newSheetWriter(w, format, kind.Label(), columnNames(cols), columnTypes(cols))
	if err != nil {
		return nil, err
	}
	return &Exporter{kind: kind, sw: sw}, nil
}

// columnNames returns the names of cols.
func columnNames(cols []Column) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return names
}

// columnTypes returns the value types of cols.
func columnTypes(cols []Column) []valueType {
	types := make([]valueType, len(cols))
	for i, c := range cols {
		types[i] = c.typ
	}
	return types
}

// write checks that the exporter is of kind k and writes one row.
func (e *Exporter) write(k Kind, vals ...any) error {
	if e.kind != k {
		return fmt.Errorf("ingest: an exporter of %s cannot write %s", e.kind, k)
	}
	return e.sw.writeRow(vals)
}

// Worker writes one row for one coverage spell of w. nik is passed as text
// so callers can mask it for roles that may not see it in full; the
// category is written as its code and the kelurahan by its name in ref.
func (e *Exporter) Worker(w domain.Worker, en domain.Enrollment, nik string, ref Reference) error {
	return e.write(Workers, textID(nik), w.Name, w.BirthDate, string(w.Sex), w.CategoryCode,
		kelurahanName(ref, w.KelurahanCode), textID(w.KPJ), en.Start, optionalDay(en.End), string(en.Status),
		w.Income, w.Address, w.Phone)
}

// Contribution writes one contribution payment.
func (e *Exporter) Contribution(c domain.Contribution) error {
	var participants, billed any
	if c.Participants != nil {
		participants = *c.Participants
	}
	if c.Billed != nil {
		billed = *c.Billed
	}
	return e.write(Contributions, c.CoverageMonth.String(), participants, billed, c.Paid, c.PaidOn, c.SP2D, c.Note)
}

// Claim writes one claim; nik is passed as text so callers can mask it.
func (e *Exporter) Claim(c domain.Claim, nik string) error {
	return e.write(Claims, c.No, textID(nik), string(c.Type), c.IncidentOn, c.SubmittedOn, c.PaidOn,
		c.Amount, string(c.Status), c.Beneficiary, c.Note)
}

// Close finishes the file: it flushes CSV, or streams out the XLSX workbook.
func (e *Exporter) Close() error { return e.sw.close() }

// optionalDay returns *t, or the zero time for nil.
func optionalDay(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

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
