package sheet

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// rowParser reads the cells of one row by column and collects the row's
// problems, at most one per column.
type rowParser struct {
	cols     []Spec
	idx      []int
	maxChars int

	line    int
	cells   []cell
	failed  uint64 // bit i set: column i has a problem
	rowErrs []RowError
	errCols []int // column of each error in rowErrs, ascending

	dates []dateMemo // by column
}

// dateMemo remembers the last date parsed in a column: files repeat the
// same start and end dates row after row, and parsing is the costly part.
type dateMemo struct {
	in  string
	t   time.Time
	err error
	set bool
}

// newRowParser reads rows whose columns are cols, found at positions idx
// of a row (-1 for a column the file lacks).
func newRowParser(cols []Spec, idx []int, maxChars int) rowParser {
	return rowParser{cols: cols, idx: idx, maxChars: maxChars, dates: make([]dateMemo, len(cols))}
}

// start begins a new row.
func (p *rowParser) start(line int, cells []cell) {
	p.line, p.cells, p.failed, p.rowErrs, p.errCols = line, cells, 0, p.rowErrs[:0], p.errCols[:0]
}

// blank reports whether every cell of the row's known columns is empty or
// white space; other columns (a running number, a formula filled down) do
// not make a row worth reading.
func (p *rowParser) blank() bool {
	for _, i := range p.idx {
		if i >= 0 && i < len(p.cells) && !isBlank(p.cells[i:i+1]) {
			return false
		}
	}
	return true
}

// valid reports whether the row has no problem so far.
func (p *rowParser) valid() bool { return p.failed == 0 }

// bad reports whether column col already has a problem.
func (p *rowParser) bad(col int) bool { return p.failed&(1<<col) != 0 }

// fail records a problem with column col, unless it already has one. The
// row's problems are kept in column order, the order users read them in.
func (p *rowParser) fail(col int, msg string) {
	if p.bad(col) {
		return
	}
	p.failed |= 1 << col
	i := len(p.errCols)
	for i > 0 && p.errCols[i-1] > col {
		i--
	}
	p.errCols = slices.Insert(p.errCols, i, col)
	p.rowErrs = slices.Insert(p.rowErrs, i, RowError{Line: p.line, Column: p.cols[col].Name, Msg: msg})
}

// cell returns the cell of column col, empty when the file has no such
// column or the row is short. Text is trimmed and loses the quote that
// guards it against formula injection. ok is false when the cell cannot be
// used (not UTF-8, too long); the problem is then recorded.
func (p *rowParser) cell(col int) (c cell, ok bool) {
	i := p.idx[col]
	if i < 0 || i >= len(p.cells) {
		return cell{}, true
	}
	c = p.cells[i]
	switch c.kind {
	case invalidCell:
		p.fail(col, "teks bukan UTF-8; simpan berkas sebagai CSV UTF-8")
		return cell{}, false
	case textCell:
		c.text = strings.TrimSpace(unguard(c.text))
	}
	if len(c.text) > p.maxChars {
		if n := utf8.RuneCountInString(c.text); n > p.maxChars {
			p.fail(col, rowTooLong(n, p.maxChars))
			return cell{}, false
		}
	}
	return c, true
}

// text returns the trimmed text of column col, "" when empty or unusable.
func (p *rowParser) text(col int) string {
	c, _ := p.cell(col)
	return c.text
}

// name returns the text of column col with runs of white space folded into one space.
func (p *rowParser) name(col int) string { return foldSpaces(p.text(col)) }

// requiredName returns the folded text of a required column, recording a problem when it is empty.
func (p *rowParser) requiredName(col int, what string) string {
	s := p.name(col)
	if s == "" {
		p.fail(col, what+" belum diisi")
	}
	return s
}

// parseText parses the text of column col with fn, recording its error.
// Empty cells are passed to fn too, so fn decides whether they are allowed.
// When numberMsg is not "", an XLSX number or date cell is refused with it:
// Excel has already changed such a value.
func parseText[T any](p *rowParser, col int, numberMsg string, fn func(string) (T, error)) (T, bool) {
	var zero T
	c, ok := p.cell(col)
	if !ok {
		return zero, false
	}
	if numberMsg != "" && c.kind != textCell {
		p.fail(col, numberMsg)
		return zero, false
	}
	v, err := fn(c.text)
	if err != nil {
		p.fail(col, err.Error())
		return zero, false
	}
	return v, true
}

// unguard removes the single quote that exports put before text starting
// with =, +, -, @, tab or carriage return (OWASP CSV injection).
func unguard(s string) string {
	if len(s) >= 2 && s[0] == '\'' && isFormulaStart(s[1]) {
		return s[1:]
	}
	return s
}

// isFormulaStart reports whether a text cell starting with b could be taken for a formula.
func isFormulaStart(b byte) bool {
	switch b {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// foldSpaces trims s and folds every run of white space into one space.
func foldSpaces(s string) string {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		space := c == ' '
		if c == '\t' || c == '\n' || c == '\r' || c >= utf8.RuneSelf || space && prevSpace {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace && s != "" {
		return strings.TrimSpace(s)
	}
	return s
}
