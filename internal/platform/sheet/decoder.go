package sheet

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/cilegon/monev/internal/domain"
)

// Reference is what rows are resolved against: the worker categories and
// the kelurahan of the Pemda.
type Reference = domain.Reference

// Limits protect the server from crafted files. Zero fields take the defaults.
type Limits struct {
	MaxRows       int   // data rows per file; default 2.000.000
	MaxUnzipBytes int64 // XLSX contents after unzipping, and the file itself; default 1 GiB
	MaxCellChars  int   // characters in one cell; default 2.000
}

// withDefaults fills the zero fields of l.
func (l Limits) withDefaults() Limits {
	if l.MaxRows <= 0 {
		l.MaxRows = 2_000_000
	}
	if l.MaxUnzipBytes <= 0 {
		l.MaxUnzipBytes = 1 << 30
	}
	if l.MaxCellChars <= 0 {
		l.MaxCellChars = 2000
	}
	return l
}

// maxKeptErrors is how many errors a Decoder keeps in memory; ErrorCount counts the rest too.
const maxKeptErrors = 10_000

// Decoder streams the records of one file of a table. Next advances to the
// next valid row; invalid rows are recorded in Errors and skipped.
type Decoder[R any] struct {
	t      *Table[R]
	others []Schema
	format fileFormat
	src    source
	lim    Limits
	res    resolver
	p      rowParser // knows where each column of the table is in a row
	row    Row

	line int
	rows int
	rec  R

	errs     []RowError
	errCount int
	err      error
}

// NewDecoder reads the header of the file r holds and checks it against the
// columns of t; others are the other kinds, named when the header looks
// like one of them. The file may be CSV or XLSX, told apart by its content;
// an XLSX *os.File is read from its start by its name, any other XLSX
// reader is first copied to a temporary file that Close removes.
// A header problem, or a file that is not CSV or XLSX, is a *FileError; other
// errors are I/O errors. The caller must Close the decoder.
func NewDecoder[R any](r io.Reader, t *Table[R], ref Reference, lim Limits, others ...Schema) (*Decoder[R], error) {
	d := &Decoder[R]{t: t, others: others, lim: lim.withDefaults(), res: newResolver(ref)}
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, readError(err)
	}
	format, ferr := sniff(head, err == io.EOF)
	if ferr != nil {
		return nil, ferr
	}
	d.format = format
	switch format {
	case formatXLSX:
		if d.src, err = openXLSX(r, br, d.lim); err != nil {
			return nil, readError(err)
		}
	default:
		if bytes.HasPrefix(head, bomUTF8) {
			_, _ = br.Discard(len(bomUTF8))
		}
		d.src = newCSVSource(br, max(1<<20, 64*d.lim.MaxCellChars))
	}
	if err := d.readHeader(); err != nil {
		d.Close()
		return nil, readError(err)
	}
	return d, nil
}

// readHeader maps the first non-empty row.
func (d *Decoder[R]) readHeader() error {
	for {
		line, cells, err := d.src.next()
		if err == io.EOF {
			return fileError("Berkas tidak berisi baris judul kolom maupun data")
		}
		if err != nil {
			return err
		}
		if isBlank(cells) {
			continue
		}
		header := make([]string, len(cells))
		for i, c := range cells {
			header[i] = c.text
		}
		idx, problems := mapHeader(d.t, header, d.others)
		if len(problems) > 0 {
			return &FileError{Problems: problems}
		}
		d.line = line
		d.p = newRowParser(d.t.Specs(), idx, d.lim.MaxCellChars)
		d.row = Row{p: &d.p, cols: columnIndex(d.t.Specs())}
		return nil
	}
}

// Next advances to the next valid row and reports whether there is one. It
// returns false at the end of the file, on an error (see Err) and when the
// file has more than Limits.MaxRows data rows.
func (d *Decoder[R]) Next() bool {
	if d.err != nil || d.src == nil {
		return false
	}
	for {
		line, cells, err := d.src.next()
		if err == io.EOF {
			return false
		}
		if err != nil {
			d.err = readError(err)
			return false
		}
		d.p.start(line, cells)
		if d.p.blank() {
			continue
		}
		d.rows++
		if d.rows > d.lim.MaxRows {
			e := RowError{Msg: "berkas berisi lebih dari " + domain.FormatInt(int64(d.lim.MaxRows)) + " baris data; pecah menjadi beberapa berkas"}
			d.addError(e)
			d.err = &FileError{Problems: []RowError{e}}
			return false
		}
		d.line = line
		var rec R
		parseRow(d.t, &d.p, &d.row, &d.res, &rec)
		for _, e := range d.p.rowErrs {
			d.addError(e)
		}
		if d.p.valid() {
			d.rec = rec
			return true
		}
	}
}

// parseRow reads every column of t that the row has into rec, then runs the
// table's checks across columns.
func parseRow[R any](t *Table[R], p *rowParser, row *Row, res *resolver, rec *R) {
	for i := range t.Columns {
		if t.Columns[i].Parse != nil {
			c := Cell{p: p, col: i, res: res}
			t.Columns[i].Parse(&c, rec)
		}
	}
	if t.Check != nil {
		t.Check(row, rec)
	}
}

// columnIndex maps column names to their positions in cols.
func columnIndex(cols []Spec) map[string]int {
	m := make(map[string]int, len(cols))
	for i, c := range cols {
		m[c.Name] = i
	}
	return m
}

// readError returns a *FileError as it is and wraps anything else, an I/O error.
func readError(err error) error {
	if _, ok := err.(*FileError); ok {
		return err
	}
	return fmt.Errorf("sheet: read: %w", err)
}

// addError records e, keeping at most maxKeptErrors in memory.
func (d *Decoder[R]) addError(e RowError) {
	d.errCount++
	if len(d.errs) < maxKeptErrors {
		d.errs = append(d.errs, e)
	}
}

// Record returns the record of the current row.
func (d *Decoder[R]) Record() R { return d.rec }

// Staged returns the values an import stages for the current row: its line,
// then each staged column's value, in the order of Staged.
func (d *Decoder[R]) Staged() []any { return d.t.stage(d.line, &d.rec) }

// Line returns the spreadsheet row number of the current row.
func (d *Decoder[R]) Line() int { return d.line }

// Errors returns the problems found so far, at most the first 10.000.
func (d *Decoder[R]) Errors() []RowError { return d.errs }

// ErrorCount returns how many problems were found, including those Errors no longer keeps.
func (d *Decoder[R]) ErrorCount() int { return d.errCount }

// Rows returns how many non-empty data rows were read so far, valid or not.
func (d *Decoder[R]) Rows() int { return d.rows }

// Format returns "csv" or "xlsx", as detected from the content.
func (d *Decoder[R]) Format() string { return string(d.format) }

// Err returns the error that stopped Next early: an I/O error, or a
// *FileError for a damaged file or too many rows. It is nil at a normal end.
func (d *Decoder[R]) Err() error { return d.err }

// Close releases the file and removes any temporary copy.
func (d *Decoder[R]) Close() error {
	if d.src == nil {
		return nil
	}
	err := d.src.close()
	d.src = nil
	return err
}

// rowTooLong is the message for a cell over the character limit.
func rowTooLong(n, limit int) string {
	return "isian terlalu panjang (" + strconv.Itoa(n) + " karakter; paling banyak " + domain.FormatInt(int64(limit)) + ")"
}
