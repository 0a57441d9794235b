package sheet

import (
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// normalizeHeader returns the key a header cell is matched by: lower case,
// without white space, underscores, dots and dashes, so "Tanggal Mulai",
// "TANGGAL_MULAI" and "tanggal-mulai" all become "tanggalmulai".
func normalizeHeader(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), r == '_', r == '.', r == '-', r == '\u2013', r == '\u2014', r == '\ufeff':
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// headerKeys maps every accepted header key of a table (names and aliases)
// to the column's position.
func headerKeys(cols []Spec) map[string]int {
	keys := make(map[string]int, 4*len(cols))
	for i, c := range cols {
		keys[normalizeHeader(c.Name)] = i
		for _, a := range c.Aliases {
			keys[normalizeHeader(a)] = i
		}
	}
	return keys
}

// mapHeader finds the columns of a table in a header row. It returns, for
// each column, the position of its cell in the row or -1, and every problem
// with the header: missing required columns and repeated columns. Cells
// that match no column are ignored. others are the other kinds, named in
// the message when the header looks like one of them.
func mapHeader(t Schema, header []string, others []Schema) ([]int, []RowError) {
	cols := t.Specs()
	keys := headerKeys(cols)
	idx := make([]int, len(cols))
	for i := range idx {
		idx[i] = -1
	}
	var problems []RowError
	found := 0
	for pos, h := range header {
		c, ok := keys[normalizeHeader(h)]
		if !ok {
			continue
		}
		if idx[c] >= 0 {
			problems = append(problems, RowError{Column: cols[c].Name,
				Msg: "muncul lebih dari sekali di baris judul (kolom " + columnLetter(idx[c]) + " dan " + columnLetter(pos) + ")"})
			continue
		}
		idx[c] = pos
		found++
	}
	var missing []string
	for i, c := range cols {
		if c.Required && idx[i] < 0 {
			missing = append(missing, c.Name)
		}
	}
	if len(missing) > 0 {
		msg := "kolom wajib tidak ditemukan di baris judul: " + strings.Join(missing, ", ")
		if found == 0 {
			msg += "; baris judul harus berisi nama kolom seperti pada templat " + t.Title()
		}
		if other := guessKind(header, others); other != nil && other.Name() != t.Name() {
			msg += " (berkas ini tampaknya berkas " + other.Title() + "; pilih jenis data yang sesuai)"
		}
		problems = append(problems, RowError{Msg: msg})
	}
	return idx, problems
}

// guessKind returns the first of kinds whose required columns all appear in
// header, or nil.
func guessKind(header []string, kinds []Schema) Schema {
	for _, k := range kinds {
		if hasRequired(k, header) {
			return k
		}
	}
	return nil
}

// hasRequired reports whether header names every required column of k.
func hasRequired(k Schema, header []string) bool {
	cols := k.Specs()
	keys := headerKeys(cols)
	seen := make([]bool, len(cols))
	for _, h := range header {
		if c, ok := keys[normalizeHeader(h)]; ok {
			seen[c] = true
		}
	}
	for i, c := range cols {
		if c.Required && !seen[i] {
			return false
		}
	}
	return true
}

// columnLetter returns the spreadsheet letter of the 0-based position pos ("A", "AB").
func columnLetter(pos int) string {
	name, err := excelize.ColumnNumberToName(pos + 1)
	if err != nil {
		return "?"
	}
	return name
}
