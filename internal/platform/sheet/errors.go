package sheet

import (
	"strconv"
	"strings"
)

// RowError is one problem found while reading a file. Line is the spreadsheet
// row as the user sees it (1 is the header row) or 0 for a problem with the
// whole file; Column is the canonical column name, or "" when the problem is
// not about one column.
type RowError struct {
	Line   int
	Column string
	Msg    string
}

// Error formats the problem the way users read it: "Baris 12, kolom nik:
// NIK harus 16 digit angka", "Baris 12: …" or "Berkas: …".
func (e RowError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		b.WriteString("Baris ")
		b.WriteString(strconv.Itoa(e.Line))
	} else {
		b.WriteString("Berkas")
	}
	if e.Column != "" {
		b.WriteString(", kolom ")
		b.WriteString(e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// FileError reports why a file cannot be read at all: a format that is not
// CSV or XLSX, a damaged file, or a header row with missing or repeated columns.
type FileError struct {
	Problems []RowError
}

// Error joins the messages of all problems with "; ".
func (e *FileError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "; ")
}

// fileError returns a *FileError with one problem about the whole file.
func fileError(msg string) *FileError {
	return &FileError{Problems: []RowError{{Msg: msg}}}
}

// quote shows user input inside a message: quoted, and cut short so that a
// pasted paragraph does not flood the list of errors.
func quote(s string) string {
	const limit = 40
	if len(s) > limit {
		if r := []rune(s); len(r) > limit {
			s = string(r[:limit]) + "…"
		}
	}
	return strconv.Quote(s)
}
