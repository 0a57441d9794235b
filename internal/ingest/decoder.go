package ingest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/cilegon/monev/internal/domain"
)

// Reference is what rows are resolved against: the worker categories and the
// kelurahan of the Pemda.
type Reference struct {
	Categories []domain.Category
	Kelurahan  []domain.Kelurahan
}

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

// WorkerRow is a worker with exactly one coverage spell, read from one row; IDs are 0.
type WorkerRow struct {
	Line   int
	Worker domain.Worker
}

// ContributionRow is one contribution payment read from one row; its ID is 0.
type ContributionRow struct {
	Line         int
	Contribution domain.Contribution
}

// ClaimRow is one claim read from one row, with Claim.NIK set and WorkerID 0.
type ClaimRow struct {
	Line  int
	Claim domain.Claim
}

// Decoder streams the rows of one file. Next advances to the next valid row;
// invalid rows are recorded in Errors and skipped.
type Decoder struct {
	kind   Kind
	format fileFormat
	src    source
	lim    Limits
	res    resolver
	p      rowParser // knows where each column of kind is in a row

	line         int
	rows         int
	worker       WorkerRow
	contribution ContributionRow
	claim        ClaimRow

	errs     []RowError
	errCount int
	err      error
}

// NewDecoder reads the header of the file r holds and checks it against the
// columns of kind. The file may be CSV or XLSX, told apart by its content;
// an XLSX *os.File is read from its start by its name, any other XLSX
// reader is first copied to a temporary file that Close removes.
// A header problem, or a file that is not CSV or XLSX, is a *FileError; other
// errors are I/O errors. The caller must Close the decoder.
func NewDecoder(r io.Reader, kind Kind, ref Reference, lim Limits) (*Decoder, error) {
	if columnsOf(kind) == nil {
		return nil, fmt.Errorf("ingest: unknown kind %q", kind)
	}
	d := &Decoder{kind: kind, lim: lim.withDefaults(), res: newResolver(ref)}
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
func (d *Decoder) readHeader() error {
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
		idx, problems := mapHeader(d.kind, header)
		if len(problems) > 0 {
			return &FileError{Problems: problems}
		}
		d.line = line
		d.p = rowParser{cols: columnsOf(d.kind), idx: idx, maxChars: d.lim.MaxCellChars, dates: make([]dateMemo, len(idx))}
		return nil
	}
}

// Next advances to the next valid row and reports whether there is one. It
// returns false at the end of the file, on an error (see Err) and when the
// file has more than Limits.MaxRows data rows.
func (d *Decoder) Next() bool {
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
		ok := false
		switch d.kind {
		case Workers:
			ok = d.decodeWorker()
		case Contributions:
			ok = d.decodeContribution()
		case Claims:
			ok = d.decodeClaim()
		}
		for _, e := range d.p.rowErrs {
			d.addError(e)
		}
		if ok {
			return true
		}
	}
}

// readError returns a *FileError as it is and wraps anything else, an I/O error.
func readError(err error) error {
	if _, ok := err.(*FileError); ok {
		return err
	}
	return fmt.Errorf("ingest: read: %w", err)
}

// addError records e, keeping at most maxKeptErrors in memory.
func (d *Decoder) addError(e RowError) {
	d.errCount++
	if len(d.errs) < maxKeptErrors {
		d.errs = append(d.errs, e)
	}
}

// Worker returns the current row of a Workers file.
func (d *Decoder) Worker() WorkerRow { return d.worker }

// Contribution returns the current row of a Contributions file.
func (d *Decoder) Contribution() ContributionRow { return d.contribution }

// Claim returns the current row of a Claims file.
func (d *Decoder) Claim() ClaimRow { return d.claim }

// Line returns the spreadsheet row number of the current row.
func (d *Decoder) Line() int { return d.line }

// Errors returns the problems found so far, at most the first 10.000.
func (d *Decoder) Errors() []RowError { return d.errs }

// ErrorCount returns how many problems were found, including those Errors no longer keeps.
func (d *Decoder) ErrorCount() int { return d.errCount }

// Rows returns how many non-empty data rows were read so far, valid or not.
func (d *Decoder) Rows() int { return d.rows }

// Format returns "csv" or "xlsx", as detected from the content.
func (d *Decoder) Format() string { return string(d.format) }

// Err returns the error that stopped Next early: an I/O error, or a
// *FileError for a damaged file or too many rows. It is nil at a normal end.
func (d *Decoder) Err() error { return d.err }

// Close releases the file and removes any temporary copy.
func (d *Decoder) Close() error {
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
