package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cilegon/monev/internal/domain"
)

// textID is text that looks like a number but must stay text (NIK, KPJ):
// XLSX writes it as a text cell in a column formatted "@".
type textID string

// sheetWriter writes a table row by row; the values are nil, string,
// textID, int, int64, domain.Rupiah, time.Time (a day; zero is empty) or float64.
type sheetWriter interface {
	writeRow(vals []any) error
	close() error // finishes the file
	abort()       // releases what the writer holds without finishing the file
}

// newSheetWriter starts a CSV or XLSX table and writes its header. types
// gives each column's value type for XLSX column formats and widths; it may be nil.
func newSheetWriter(w io.Writer, format, sheet string, header []string, types []Type) (sheetWriter, error) {
	var sw sheetWriter
	var err error
	switch format {
	case "csv":
		sw, err = newCSVSheet(w)
	case "xlsx":
		sw, err = newXLSXSheet(w, sheet, header, types)
	default:
		return nil, fmt.Errorf("sheet: unknown format %q; use csv or xlsx", format)
	}
	if err != nil {
		return nil, err
	}
	vals := make([]any, len(header))
	for i, h := range header {
		vals[i] = h
	}
	return sw, sw.writeRow(vals)
}

// guard puts a single quote before text that a spreadsheet could run as a
// formula (OWASP CSV injection); the decoder removes it again.
func guard(s string) string {
	if s != "" && isFormulaStart(s[0]) {
		return "'" + s
	}
	return s
}

// csvSheet writes comma-separated UTF-8 with a BOM, so Excel opens it right.
type csvSheet struct {
	w   *csv.Writer
	rec []string
}

func newCSVSheet(w io.Writer) (*csvSheet, error) {
	if _, err := w.Write(bomUTF8); err != nil {
		return nil, err
	}
	return &csvSheet{w: csv.NewWriter(w)}, nil
}

func (s *csvSheet) writeRow(vals []any) error {
	s.rec = s.rec[:0]
	for _, v := range vals {
		var text string
		switch v := v.(type) {
		case nil:
		case string:
			text = guard(v)
		case textID:
			text = guard(string(v))
		case int:
			text = strconv.Itoa(v)
		case int64:
			text = strconv.FormatInt(v, 10)
		case domain.Rupiah:
			text = strconv.FormatInt(int64(v), 10)
		case time.Time:
			if !v.IsZero() {
				text = v.Format("2006-01-02")
			}
		case float64:
			text = strconv.FormatFloat(v, 'f', -1, 64)
		default:
			return fmt.Errorf("sheet: cannot write a value of type %T", v)
		}
		s.rec = append(s.rec, text)
	}
	return s.w.Write(s.rec)
}

func (s *csvSheet) close() error {
	s.w.Flush()
	return s.w.Error()
}

func (s *csvSheet) abort() {}

// xlsxSheet streams one worksheet with excelize's StreamWriter, so large
// exports do not build the sheet in memory.
type xlsxSheet struct {
	out     io.Writer
	f       *excelize.File
	sw      *excelize.StreamWriter
	row     int
	flushed bool
	closed  bool
	styles  xlsxStyles
	cells   []any
}

// xlsxStyles are the style indexes of an export workbook.
type xlsxStyles struct {
	header, date, money, text, decimal int
}

func newXLSXSheet(w io.Writer, sheet string, header []string, types []Type) (*xlsxSheet, error) {
	f := excelize.NewFile()
	s := &xlsxSheet{out: w, f: f}
	if err := s.setUp(sheet, header, types); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("sheet: start xlsx: %w", err)
	}
	return s, nil
}

// setUp names the sheet, creates the styles and sets widths, column formats and the frozen header.
func (s *xlsxSheet) setUp(sheet string, header []string, types []Type) error {
	f := s.f
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	dateFmt, decimalFmt := "dd/mm/yyyy", "#,##0.0"
	specs := []struct {
		id    *int
		style excelize.Style
	}{
		{&s.styles.header, boldStyle},
		{&s.styles.date, excelize.Style{CustomNumFmt: &dateFmt}},
		{&s.styles.money, excelize.Style{NumFmt: 3}},
		{&s.styles.text, excelize.Style{NumFmt: 49}},
		{&s.styles.decimal, excelize.Style{CustomNumFmt: &decimalFmt}},
	}
	for _, sp := range specs {
		id, err := f.NewStyle(&sp.style)
		if err != nil {
			return err
		}
		*sp.id = id
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	s.sw = sw
	for i, h := range header {
		typ := Text
		if i < len(types) {
			typ = types[i]
		}
		if err := sw.SetColWidth(i+1, i+1, columnWidth(h, typ)); err != nil {
			return err
		}
		if typ == ID {
			if err := sw.SetColStyle(i+1, i+1, s.styles.text); err != nil {
				return err
			}
		}
	}
	return sw.SetPanes(&frozenHeader)
}

// boldStyle is the style of header rows.
var boldStyle = excelize.Style{Font: &excelize.Font{Bold: true},
	Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}}}

// frozenHeader keeps the header row in view while scrolling.
var frozenHeader = excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}

// columnWidth is a width in characters that fits the header and typical values.
func columnWidth(header string, typ Type) float64 {
	w := 18
	switch typ {
	case ID:
		w = 20
	case Date, Count:
		w = 12
	case Money:
		w = 16
	}
	return float64(max(w, len(header)+3))
}

func (s *xlsxSheet) writeRow(vals []any) error {
	s.row++
	style := 0
	if s.row == 1 {
		style = s.styles.header
	}
	s.cells = s.cells[:0]
	for _, v := range vals {
		c := excelize.Cell{StyleID: style}
		switch v := v.(type) {
		case nil:
		case string:
			c.Value = guard(v)
		case textID:
			c.StyleID, c.Value = s.styles.text, guard(string(v))
		case int:
			c.StyleID, c.Value = s.styles.money, int64(v)
		case int64:
			c.StyleID, c.Value = s.styles.money, v
		case domain.Rupiah:
			c.StyleID, c.Value = s.styles.money, int64(v)
		case time.Time:
			if !v.IsZero() {
				c.StyleID, c.Value = s.styles.date, v
			}
		case float64:
			c.StyleID, c.Value = s.styles.decimal, v
		default:
			return fmt.Errorf("sheet: cannot write a value of type %T", v)
		}
		if c.Value == "" || c.Value == nil {
			s.cells = append(s.cells, nil)
			continue
		}
		s.cells = append(s.cells, c)
	}
	return s.sw.SetRow("A"+strconv.Itoa(s.row), s.cells)
}

// flush ends the streamed sheet, after which other sheets may be added.
func (s *xlsxSheet) flush() error {
	if s.flushed {
		return nil
	}
	s.flushed = true
	return s.sw.Flush()
}

func (s *xlsxSheet) abort() {
	if !s.closed {
		s.closed = true
		_ = s.f.Close()
	}
}

func (s *xlsxSheet) close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.flush()
	if err == nil {
		_, err = s.f.WriteTo(s.out)
	}
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	return err
}
