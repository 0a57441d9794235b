package sheet

// cellKind says what a cell held in the file, which matters where Excel
// changes values: a NIK typed into a number cell, a real date cell.
type cellKind uint8

const (
	textCell    cellKind = iota // text as typed (every CSV cell)
	numberCell                  // an XLSX number; text is its raw value, such as "16800" or "3672014507900012"
	dateCell                    // an XLSX number with a date format; text is the day as "2024-07-17"
	invalidCell                 // CSV text that is not UTF-8
)

// cell is one value of a row.
type cell struct {
	text string
	kind cellKind
}

// source yields the rows of a file in order, with the row number the user
// sees in a spreadsheet program. Rows may be empty.
type source interface {
	// next returns the next row; the cells are valid until the following call. It returns io.EOF at the end.
	next() (line int, cells []cell, err error)
	close() error
}

// isBlank reports whether every cell of a row is empty or white space.
func isBlank(cells []cell) bool {
	for _, c := range cells {
		for i := 0; i < len(c.text); i++ {
			switch c.text[i] {
			case ' ', '\t', '\r', '\n':
			default:
				return false
			}
		}
	}
	return true
}
