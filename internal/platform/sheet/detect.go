package sheet

import (
	"bytes"
	"unicode/utf8"
)

// fileFormat is how a file is encoded: detected from its content, never from its name.
type fileFormat string

const (
	formatCSV  fileFormat = "csv"
	formatXLSX fileFormat = "xlsx"
)

// sniffSize is how much of a file format detection looks at.
const sniffSize = 8 << 10

// Messages for files that cannot be read at all.
const (
	msgNotSpreadsheet = "Berkas harus CSV atau XLSX (Excel 2007 ke atas); berkas .xls lama: simpan ulang sebagai .xlsx"
	msgNotUTF8        = msgNotSpreadsheet + ". Berkas CSV harus UTF-8: di Excel pilih Simpan Sebagai → CSV UTF-8 (dipisah koma)"
	msgEmpty          = "Berkas kosong"
)

var (
	zipMagic  = []byte("PK\x03\x04")
	bomUTF8   = []byte("\xef\xbb\xbf")
	binMagics = [][]byte{
		[]byte("\xd0\xcf\x11\xe0"), // OLE: .xls, .doc, password-protected .xlsx
		[]byte("%PDF"),
		[]byte("PK\x05\x06"), // an empty zip archive
	}
)

// sniff decides from the first bytes of a file whether it is XLSX or CSV,
// refusing anything that is neither: binary files (control characters) and
// text that is not UTF-8. atEOF says head is the whole file.
func sniff(head []byte, atEOF bool) (fileFormat, *FileError) {
	switch {
	case len(head) == 0:
		return "", fileError(msgEmpty)
	case bytes.HasPrefix(head, zipMagic):
		return formatXLSX, nil
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		return "", fileError(msgNotUTF8)
	}
	for _, m := range binMagics {
		if bytes.HasPrefix(head, m) {
			return "", fileError(msgNotSpreadsheet)
		}
	}
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			return "", fileError(msgNotSpreadsheet)
		}
	}
	if !validUTF8(head, atEOF) {
		return "", fileError(msgNotUTF8) // text, but in a legacy code page
	}
	return formatCSV, nil
}

// validUTF8 reports whether b is UTF-8. Unless atEOF, a rune cut off at the
// end of b does not count against it.
func validUTF8(b []byte, atEOF bool) bool {
	if !atEOF {
		for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
			if utf8.RuneStart(b[i]) {
				if !utf8.FullRune(b[i:]) {
					b = b[:i]
				}
				break
			}
		}
	}
	return utf8.Valid(b)
}
