package sheet

import (
	"strings"

	"github.com/cilegon/monev/internal/domain"
)

// resolver turns the categories and kelurahan people type into codes.
type resolver struct {
	categories    lookupTable // codes and names
	kelurahan     lookupTable // names, aliases and Kemendagri codes
	categoryHint  string
	kelurahanHint string
}

// ambiguous is what a lookupTable key resolves to when entries of
// different codes share it: two desa of one name.
const ambiguous = "\x00ambiguous"

// lookupTable finds codes by domain.NormalizeName keys. Files repeat the
// same few spellings row after row, so it remembers what each spelling
// resolved to and normalizes each spelling only once.
type lookupTable struct {
	byKey  map[string]string
	byText map[string]string // spelling as typed → code, "" when unknown
}

// maxSpellings bounds lookupTable.byText, so a file of distinct junk cannot grow it without limit.
const maxSpellings = 4096

func newLookupTable() lookupTable {
	return lookupTable{byKey: map[string]string{}, byText: map[string]string{}}
}

// add makes s, normalized, resolve to code; where entries of different
// codes share a key, it resolves to none (ambiguous): Kemendagri's list
// has desa of one name in several kecamatan, which only their codes tell
// apart.
func (t *lookupTable) add(s, code string) {
	if key := domain.NormalizeName(s); key != "" {
		if old, dup := t.byKey[key]; !dup {
			t.byKey[key] = code
		} else if old != code {
			t.byKey[key] = ambiguous
		}
	}
}

// find returns the code s resolves to, or ambiguous.
func (t *lookupTable) find(s string) (string, bool) {
	if code, ok := t.byText[s]; ok {
		return code, code != "" && code != ambiguous
	}
	code := t.byKey[domain.NormalizeName(s)]
	if len(t.byText) < maxSpellings {
		t.byText[strings.Clone(s)] = code
	}
	return code, code != "" && code != ambiguous
}

// newResolver indexes ref.
func newResolver(ref Reference) resolver {
	r := resolver{categories: newLookupTable(), kelurahan: newLookupTable()}
	var codes []string
	for _, c := range ref.Categories {
		r.categories.add(c.Code, c.Code)
		r.categories.add(c.Name, c.Code)
		if len(codes) < 6 {
			codes = append(codes, c.Code)
		}
	}
	for _, k := range ref.Kelurahan {
		r.kelurahan.add(k.Name, k.Code)
		r.kelurahan.add(k.Code, k.Code)
		for _, a := range k.Aliases {
			r.kelurahan.add(a, k.Code)
		}
	}
	r.categoryHint = "; gunakan kode atau nama kategori yang terdaftar"
	if len(codes) > 0 {
		r.categoryHint += ", misalnya " + strings.Join(codes, ", ")
	}
	r.kelurahanHint = "; tulis nama kelurahan"
	if len(ref.Kelurahan) > 0 {
		k := ref.Kelurahan[0]
		r.kelurahanHint += " (misalnya " + k.Name + ") atau kode Kemendagri (misalnya " + k.Code + ")"
	}
	return r
}

// category reads a category code or name in column col.
func (p *rowParser) category(col int, r *resolver) string {
	return p.lookup(col, &r.categories, "kategori", r.categoryHint)
}

// kelurahan reads a kelurahan name, spelling variant or Kemendagri code in column col.
func (p *rowParser) kelurahan(col int, r *resolver) string {
	return p.lookup(col, &r.kelurahan, "kelurahan", r.kelurahanHint)
}

// lookup resolves the text of a required column through m.
func (p *rowParser) lookup(col int, t *lookupTable, what, hint string) string {
	s := p.text(col)
	if s == "" {
		if !p.bad(col) {
			p.fail(col, what+" belum diisi"+hint)
		}
		return ""
	}
	code, ok := t.find(s)
	switch {
	case code == ambiguous:
		p.fail(col, what+" "+quote(s)+" ada lebih dari satu dengan nama itu: tulis kode Kemendagri-nya")
		return ""
	case !ok:
		p.fail(col, what+" tidak dikenal: "+quote(s)+hint)
	}
	return code
}
