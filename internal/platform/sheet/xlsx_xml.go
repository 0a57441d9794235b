package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// openQuote reports whether b ends inside a quoted attribute value.
func openQuote(b []byte) bool {
	var q byte
	for _, c := range b {
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case c == q:
			q = 0
		}
	}
	return q != 0
}

// tagName returns the local name of a tag (without namespace prefix) and whether it is an end tag.
func tagName(tag []byte) (string, bool) {
	end := bytes.HasPrefix(tag, []byte("/"))
	if end {
		tag = tag[1:]
	}
	if i := bytes.IndexAny(tag, " \t\r\n/"); i >= 0 {
		tag = tag[:i]
	}
	if i := bytes.LastIndexByte(tag, ':'); i >= 0 {
		tag = tag[i+1:]
	}
	switch string(tag) { // no allocation: the compiler compares in place
	case "c":
		return "c", end
	case "row":
		return "row", end
	case "sheetData":
		return "sheetData", end
	}
	return "", end
}

// attrValue returns the value of the unprefixed attribute name in tag, or nil.
func attrValue(tag []byte, name string) []byte {
	i := bytes.IndexAny(tag, " \t\r\n")
	for i >= 0 && i < len(tag) {
		for i < len(tag) && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\r' || tag[i] == '\n') {
			i++
		}
		eq := bytes.IndexByte(tag[i:], '=')
		if eq < 0 || i+eq+1 >= len(tag) {
			return nil
		}
		key := bytes.TrimSpace(tag[i : i+eq])
		i += eq + 1
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		if i >= len(tag) || (tag[i] != '"' && tag[i] != '\'') {
			return nil
		}
		q := tag[i]
		j := bytes.IndexByte(tag[i+1:], q)
		if j < 0 {
			return nil
		}
		if string(key) == name {
			return tag[i+1 : i+1+j]
		}
		i += j + 2
	}
	return nil
}

// attrInt returns the attribute as a non-negative integer.
func attrInt(tag []byte, name string) (int, bool) {
	v := attrValue(tag, name)
	if len(v) == 0 || len(v) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// refColumn returns the column number of a cell reference such as "AB12", or 0 when it is not one.
func refColumn(ref []byte) int {
	col := 0
	for _, c := range ref {
		switch {
		case c >= 'A' && c <= 'Z':
			col = col*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			col = col*26 + int(c-'a'+1)
		case c == '$':
		default:
			if col > excelize.MaxColumns {
				return 0
			}
			return col
		}
		if col > excelize.MaxColumns {
			return 0
		}
	}
	return col
}

// cellType maps the t attribute of a cell to cellMeta.typ.
func cellType(t []byte) byte {
	switch string(t) {
	case "", "n":
		return 'n'
	case "s":
		return 's'
	case "inlineStr":
		return 'i'
	case "str":
		return 'f'
	case "b":
		return 'b'
	case "e":
		return 'e'
	case "d":
		return 'd'
	}
	return 'i'
}

// relationships is an OPC relationships part.
type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// sheetPart returns the zip entry of the worksheet excelize reads for the
// workbook's first sheet, whose relationship id is relID.
func sheetPart(zr *zip.Reader, relID string) (*zip.File, error) {
	workbook := "xl/workbook.xml"
	var root relationships
	if err := readZipXML(zr, "_rels/.rels", &root); err != nil {
		return nil, err
	}
	for _, r := range root.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			workbook = strings.TrimPrefix(r.Target, "/")
		}
	}
	var rels relationships
	dir := path.Dir(workbook)
	if err := readZipXML(zr, path.Join(dir, "_rels", path.Base(workbook)+".rels"), &rels); err != nil {
		return nil, err
	}
	for _, r := range rels.Rels {
		if r.ID != relID {
			continue
		}
		target := path.Join(dir, r.Target)
		if strings.HasPrefix(r.Target, "/") {
			target = strings.TrimPrefix(path.Clean(r.Target), "/")
		}
		if f := zipEntry(zr, target); f != nil {
			return f, nil
		}
	}
	return nil, errSheetXML
}

// readZipXML decodes the small XML part name of the archive into v.
func readZipXML(zr *zip.Reader, name string, v any) error {
	f := zipEntry(zr, name)
	if f == nil {
		return errSheetXML
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v)
}

// zipEntry finds an archive entry by name, ignoring case and backslashes as excelize does.
func zipEntry(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), name) {
			return f
		}
	}
	return nil
}
