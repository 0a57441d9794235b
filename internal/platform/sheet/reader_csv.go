package sheet

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"
)

// csvSource reads CSV as spreadsheet programs write it: comma or semicolon
// separated, fields optionally quoted with doubled quotes inside, line breaks
// allowed inside quotes. Quotes in unquoted fields and text after a closing
// quote are kept as they are. Every record is one spreadsheet row, blank
// lines included, so row numbers match what the user sees in Excel.
type csvSource struct {
	br        *bufio.Reader
	comma     byte
	row       int
	maxRecord int    // longest record accepted, in bytes
	rec       []byte // field contents of the current record, unquoted
	ends      []int  // end of each field in rec
	cells     []cell // the current row
	long      []byte // a physical line longer than br's buffer
}

// newCSVSource reads CSV from br, which must be positioned after any BOM;
// the separator is whichever of comma and semicolon the header line uses more.
func newCSVSource(br *bufio.Reader, maxRecord int) *csvSource {
	head, _ := br.Peek(sniffSize)
	return &csvSource{br: br, comma: detectComma(head), maxRecord: maxRecord}
}

// detectComma counts commas and semicolons outside quotes in the first line
// of head and returns the more frequent one; a tie means comma.
func detectComma(head []byte) byte {
	var commas, semis int
	quoted := false
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			return pickComma(commas, semis)
		case c == ',':
			commas++
		case c == ';':
			semis++
		}
	}
	return pickComma(commas, semis)
}

func pickComma(commas, semis int) byte {
	if semis > commas {
		return ';'
	}
	return ','
}

// tooLong is the error for a record longer than maxRecord: a crafted file or an unclosed quote.
func (s *csvSource) tooLong() error {
	return &FileError{Problems: []RowError{{Line: s.row,
		Msg: "baris terlalu panjang (lebih dari " + strconv.Itoa(s.maxRecord>>10) + " KiB); periksa tanda kutip (\") yang tidak ditutup"}}}
}

// readLine returns the next physical line including its line feed; the
// slice is valid until the next call.
func (s *csvSource) readLine() ([]byte, error) {
	line, err := s.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		s.long = append(s.long[:0], line...)
		for err == bufio.ErrBufferFull {
			if len(s.long) > s.maxRecord {
				return nil, s.tooLong()
			}
			line, err = s.br.ReadSlice('\n')
			s.long = append(s.long, line...)
		}
		line = s.long
	}
	if err == io.EOF && len(line) > 0 {
		err = nil
	}
	return line, err
}

// next implements source.
func (s *csvSource) next() (int, []cell, error) {
	s.row++
	line, err := s.readLine()
	if err != nil {
		s.row--
		return 0, nil, err
	}
	s.rec, s.ends = s.rec[:0], s.ends[:0]
	for {
		if len(line) > 0 && line[0] == '"' {
			if line, err = s.readQuoted(line[1:]); err != nil {
				return 0, nil, err
			}
		}
		i := bytes.IndexByte(line, s.comma)
		if i < 0 {
			s.rec = append(s.rec, trimEOL(line)...)
			s.ends = append(s.ends, len(s.rec))
			break
		}
		s.rec = append(s.rec, line[:i]...)
		s.ends = append(s.ends, len(s.rec))
		line = line[i+1:]
	}
	if len(s.rec) > s.maxRecord {
		return 0, nil, s.tooLong()
	}
	return s.row, s.makeCells(), nil
}

// readQuoted appends a quoted field's contents, reading further lines while
// the quote stays open, and returns what follows the closing quote.
func (s *csvSource) readQuoted(line []byte) ([]byte, error) {
	for {
		i := bytes.IndexByte(line, '"')
		if i < 0 {
			s.rec = append(s.rec, line...)
			if len(s.rec) > s.maxRecord {
				return nil, s.tooLong()
			}
			var err error
			if line, err = s.readLine(); err == io.EOF {
				return nil, &FileError{Problems: []RowError{{Line: s.row, Msg: "tanda kutip (\") dibuka tetapi tidak ditutup"}}}
			} else if err != nil {
				return nil, err
			}
			continue
		}
		s.rec = append(s.rec, line[:i]...)
		line = line[i+1:]
		if len(line) > 0 && line[0] == '"' {
			s.rec = append(s.rec, '"')
			line = line[1:]
			continue
		}
		return line, nil
	}
}

// makeCells splits the record into cells sharing one string.
func (s *csvSource) makeCells() []cell {
	rec := string(s.rec)
	valid := utf8.ValidString(rec)
	s.cells = s.cells[:0]
	start := 0
	for _, end := range s.ends {
		c := cell{text: rec[start:end]}
		if !valid && !utf8.ValidString(c.text) {
			c.kind = invalidCell
		}
		s.cells = append(s.cells, c)
		start = end
	}
	return s.cells
}

// trimEOL removes a trailing line feed and carriage return.
func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte{'\n'})
	return bytes.TrimSuffix(b, []byte{'\r'})
}

func (s *csvSource) close() error { return nil }
