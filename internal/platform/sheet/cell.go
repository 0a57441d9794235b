package sheet

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// The reading of one cell, for a column's Parse. Each method records what
// is wrong with the cell on the row, in the words users read, and reports
// whether the value can be used; a column records at most one problem.

// Text is the cell's text, trimmed; "" when empty or unusable.
func (c *Cell) Text() string { return c.p.text(c.col) }

// Name is the cell's text with runs of white space folded into one space.
func (c *Cell) Name() string { return c.p.name(c.col) }

// RequiredName is Name, recording "<what> belum diisi" when it is empty.
func (c *Cell) RequiredName(what string) string { return c.p.requiredName(c.col, what) }

// NIK reads a NIK; an XLSX number cell is refused even when it shows 16
// digits, since Excel keeps only 15 significant digits.
func (c *Cell) NIK() (domain.NIK, bool) { return c.p.nik(c.col) }

// KPJ reads a BPJS card number: 8–16 digits kept as text; "" stays "".
func (c *Cell) KPJ() string {
	v, _ := parseText(c.p, c.col, msgKPJNumber, parseKPJ)
	return v
}

// Phone reads a phone number, digits with an optional leading +; "" stays "".
func (c *Cell) Phone() string {
	v, _ := parseText(c.p, c.col, "", parsePhone)
	return v
}

// Date reads a day typed as text or stored as an XLSX date cell; the zero
// time when the cell is empty and the column is not required.
func (c *Cell) Date() (time.Time, bool) { return c.p.date(c.col, c.p.cols[c.col].Required) }

// Month reads a coverage month as text ("2024-07", "Juli 2024") or from an
// XLSX date cell.
func (c *Cell) Month() (domain.Month, bool) { return c.p.month(c.col) }

// Money reads a non-negative rupiah amount typed as text or stored as an
// XLSX number; ok is false when the cell is empty or invalid.
func (c *Cell) Money() (domain.Rupiah, bool) { return c.p.money(c.col, c.p.cols[c.col].Required) }

// Count reads a whole number of people ("4143", "4.143"); ok is false when
// the cell is empty or invalid.
func (c *Cell) Count() (int64, bool) { return c.p.count(c.col) }

// Category reads a category code or name of the Pemda.
func (c *Cell) Category() string { return c.p.category(c.col, c.res) }

// Kelurahan reads a kelurahan name, spelling variant or Kemendagri code of
// the Pemda.
func (c *Cell) Kelurahan() string { return c.p.kelurahan(c.col, c.res) }

// Fail records a problem with the cell.
func (c *Cell) Fail(msg string) { c.p.fail(c.col, msg) }

// Parse reads the cell's text with fn, recording its error. Empty cells are
// passed to fn too, so fn decides whether they are allowed. When numberMsg
// is not "", an XLSX number or date cell is refused with it: Excel has
// already changed such a value.
func Parse[T any](c *Cell, numberMsg string, fn func(string) (T, error)) (T, bool) {
	return parseText(c.p, c.col, numberMsg, fn)
}
