package sheet

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// excelize's streaming reader returns each cell as a string and does not say
// whether the cell was a number, text or a date. A NIK typed into a number
// cell and a real date cell can only be told apart by the cell's type
// attribute and style, so metaScanner reads the same worksheet part in step
// with excelize and keeps just those two attributes of each cell. It scans
// bytes instead of decoding XML, so it costs little next to excelize.

// cellMeta is a cell's type attribute and style index.
type cellMeta struct {
	typ   byte // 0: no cell; 'n' number, 's' shared string, 'i' inline string, 'f' formula string, 'b' boolean, 'e' error, 'd' ISO 8601 date
	style int
}

// errSheetXML reports worksheet XML the scanner cannot follow.
var errSheetXML = errors.New("sheet: unexpected worksheet XML")

// maxTag bounds one XML tag, so a crafted file cannot make the scanner buffer without limit.
const maxTag = 64 << 10

// metaScanner reads the cells' metadata of a worksheet part row by row.
type metaScanner struct {
	br     *bufio.Reader
	tag    []byte
	inData bool // inside <sheetData>
	done   bool
	loaded bool // cells holds row number row, not yet passed
	row    int
	cells  []cellMeta
}

func newMetaScanner(r io.Reader) *metaScanner {
	return &metaScanner{br: bufio.NewReaderSize(r, 64<<10)}
}

// rowMeta returns the metadata of row n by column (index 0 is column A), or
// nil when the worksheet has no cells in row n. Rows must be asked for in
// increasing order.
func (m *metaScanner) rowMeta(n int) ([]cellMeta, error) {
	for !m.done && (!m.loaded || m.row < n) {
		if err := m.readRow(); err != nil {
			return nil, err
		}
	}
	if m.loaded && m.row == n {
		return m.cells, nil
	}
	return nil, nil
}

// readRow reads up to and including the next <row> element.
func (m *metaScanner) readRow() error {
	m.loaded = false
	for {
		tag, err := m.nextTag()
		if err == io.EOF {
			m.done = true
			return nil
		}
		if err != nil {
			return err
		}
		name, end := tagName(tag)
		switch {
		case name == "sheetData":
			if end || bytes.HasSuffix(tag, []byte("/")) {
				m.done = true
				return nil
			}
			m.inData = true
		case !m.inData || end:
		case name == "row":
			n, ok := attrInt(tag, "r")
			if !ok {
				n = m.row + 1
			}
			if n <= m.row {
				return errSheetXML
			}
			m.row, m.loaded, m.cells = n, true, m.cells[:0]
			if bytes.HasSuffix(tag, []byte("/")) {
				return nil
			}
			return m.readCells()
		}
	}
}

// readCells records the <c> elements of the current row up to </row>.
func (m *metaScanner) readCells() error {
	col := 0
	for {
		tag, err := m.nextTag()
		if err != nil {
			if err == io.EOF {
				err = errSheetXML
			}
			return err
		}
		name, end := tagName(tag)
		if name == "row" {
			if end {
				return nil
			}
			return errSheetXML
		}
		if name != "c" || end {
			continue
		}
		col++
		if ref := attrValue(tag, "r"); ref != nil {
			if col = refColumn(ref); col == 0 {
				return errSheetXML
			}
		}
		meta := cellMeta{typ: cellType(attrValue(tag, "t"))}
		meta.style, _ = attrInt(tag, "s")
		for len(m.cells) < col {
			m.cells = append(m.cells, cellMeta{})
		}
		m.cells[col-1] = meta
	}
}

// nextTag returns the inside of the next element tag, between "<" and ">",
// skipping text, comments, CDATA sections and processing instructions.
func (m *metaScanner) nextTag() ([]byte, error) {
	for {
		if err := m.skipPast('<', ""); err != nil {
			return nil, err
		}
		head, _ := m.br.Peek(3)
		switch {
		case bytes.HasPrefix(head, []byte("!--")):
			if err := m.skipPast('>', "--"); err != nil {
				return nil, err
			}
		case bytes.HasPrefix(head, []byte("![")):
			if err := m.skipPast('>', "]]"); err != nil {
				return nil, err
			}
		case bytes.HasPrefix(head, []byte("?")), bytes.HasPrefix(head, []byte("!")):
			if err := m.skipPast('>', ""); err != nil {
				return nil, err
			}
		default:
			return m.readTag()
		}
	}
}

// skipPast discards input up to and including the next delim that follows suffix.
func (m *metaScanner) skipPast(delim byte, suffix string) error {
	var tail []byte
	for {
		chunk, err := m.br.ReadSlice(delim)
		if err != nil && err != bufio.ErrBufferFull {
			return err
		}
		if suffix == "" && err == nil {
			return nil
		}
		tail = append(tail, chunk...)
		if err == nil && bytes.HasSuffix(tail[:len(tail)-1], []byte(suffix)) {
			return nil
		}
		tail = tail[max(0, len(tail)-len(suffix)-1):]
	}
}

// readTag reads up to the ">" that ends the tag, allowing ">" inside quoted attribute values.
func (m *metaScanner) readTag() ([]byte, error) {
	m.tag = m.tag[:0]
	for {
		chunk, err := m.br.ReadSlice('>')
		if err != nil && err != bufio.ErrBufferFull {
			if err == io.EOF {
				err = errSheetXML
			}
			return nil, err
		}
		m.tag = append(m.tag, chunk...)
		if len(m.tag) > maxTag {
			return nil, errSheetXML
		}
		if err == nil && !openQuote(m.tag) {
			return m.tag[:len(m.tag)-1], nil
		}
	}
}
