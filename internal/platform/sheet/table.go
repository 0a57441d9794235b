package sheet

import (
	"io"
	"slices"
	"time"
)

// Type says how a column's values are written to a spreadsheet.
type Type uint8

// The column types.
const (
	Text  Type = iota // plain text
	ID                // digits kept as text (NIK, KPJ): "@" format in XLSX
	Date              // a day: date cell in XLSX, 2024-07-17 in CSV
	Money             // whole rupiah: number with "#,##0" in XLSX
	Count             // a whole number of people
)

// Spec is what one column of a table declares, whatever record it fills:
// its canonical name and other accepted headers, whether every row must
// fill it, an Indonesian explanation with two examples (the template's two
// rows), how a spreadsheet shows it, and where an import stages it.
type Spec struct {
	Name     string
	Required bool
	Help     string
	Examples [2]string
	Aliases  []string
	Type     Type

	DB    string // the staging column the value is copied into; "" for none
	SQL   string // that column's SQL type: text, date, bigint
	Null  bool   // an empty value is staged as NULL
	Group string // which record of the row the column belongs to, for merges (a worker's or a spell's)

	Masked bool   // personal data (a NIK): exports mask it for roles that may not see it in full
	Lookup string // "kategori" or "kelurahan": a code of the Pemda's reference (forms offer its choices, exports write a kelurahan by name)

	// How a form asks for the column: its label, the input (text, date,
	// month, select, textarea), the keyboard it wants (numeric, tel),
	// whether it takes a whole row, a hint in a form's words ("" uses Help,
	// "-" none), and the choices of a select that are not data.
	Label     string
	Input     string
	InputMode string
	Wide      bool
	Hint      string
	Options   []Option
}

// Option is one choice of a select: its value and its Indonesian label.
type Option struct{ Value, Label string }

// Column is one column of a table whose rows fill records of type R: its
// Spec, how a cell is read into a record (Parse), how a record's value is
// shown in exports and forms (Get: string, time.Time, *time.Time,
// domain.Rupiah, int64, *int64, *domain.Rupiah or nil), and how it is
// staged when that differs (Stage; nil stages Get).
type Column[R any] struct {
	Spec
	Parse func(c *Cell, r *R)
	Get   func(r *R) any
	Stage func(r *R) any
}

// Table is the declaration of one kind of file: its name, its columns in
// template order, and the checks across the columns of a row. It drives
// reading files and forms, templates, exports and an import's staging.
type Table[R any] struct {
	Kind     string // the code: "workers"
	Label    string // the Indonesian name: "Peserta"
	Template string // the template's file name: "peserta"
	Aliases  []string
	Columns  []Column[R]
	// Check looks across the columns of a row once each has been read, and
	// records what is wrong on the row; nil for none.
	Check func(row *Row, r *R)
}

// Schema is a table's declaration without its record type: what headers,
// templates, forms and the imports engine need.
type Schema interface {
	Name() string
	Title() string
	File() string
	Names() []string // other names of the kind people type
	Specs() []Spec
}

// Name is the kind's code, such as "workers".
func (t *Table[R]) Name() string { return t.Kind }

// Title is the kind's Indonesian name, such as "Peserta".
func (t *Table[R]) Title() string { return t.Label }

// File is the name of the kind's template, such as "peserta".
func (t *Table[R]) File() string { return t.Template }

// Names are the other names people give the kind, such as "peserta".
func (t *Table[R]) Names() []string { return t.Aliases }

// Specs are the columns' declarations in template order, a copy the
// caller may change.
func (t *Table[R]) Specs() []Spec {
	out := make([]Spec, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Spec
		out[i].Aliases = slices.Clone(c.Aliases)
		out[i].Options = slices.Clone(c.Options)
	}
	return out
}

// Staged are the columns an import copies into its staging table, in order.
func Staged(s Schema) []Spec {
	var out []Spec
	for _, c := range s.Specs() {
		if c.DB != "" {
			out = append(out, c)
		}
	}
	return out
}

// Cell is one column of the row being read, for a column's Parse.
type Cell struct {
	p   *rowParser
	col int
	res *resolver
}

// Row is the row being read, for a table's Check.
type Row struct {
	p    *rowParser
	cols map[string]int
}

// Fail records a problem with the named column of the row, unless it
// already has one.
func (r *Row) Fail(column, msg string) { r.p.fail(r.cols[column], msg) }

// Bad reports whether the named column already has a problem.
func (r *Row) Bad(column string) bool {
	i, ok := r.cols[column]
	return ok && r.p.bad(i)
}

// Empty reports whether the named column's cell is empty, or the file has
// no such column.
func (r *Row) Empty(column string) bool {
	i, ok := r.cols[column]
	return !ok || r.p.text(i) == ""
}

// NotBefore records a problem with a column whose day is before the day of
// another; empty days are not compared.
func (r *Row) NotBefore(column, what string, day time.Time, refWhat string, ref time.Time) {
	notBefore(r.p, r.cols[column], what, day, refWhat, ref)
}

// Rows are the rows of a file of some kind, read one at a time, with the
// values an import stages for each.
type Rows interface {
	Next() bool
	Line() int
	Staged() []any // the current row's line and values, in the order of Staged
	Errors() []RowError
	ErrorCount() int
	Rows() int
	Format() string
	Err() error
	Close() error
}

// Kind is an import kind as the imports engine runs it: the schema of its
// table, how a file's rows are read for staging, and its SQL.
type Kind struct {
	Schema
	// Open reads a file's header against the table; others are the other
	// kinds, named in the message when the file looks like one of them.
	Open func(r io.Reader, ref Reference, lim Limits, others []Schema) (Rows, error)
	// Audit names the kind in the audit log: "peserta".
	Audit string
	// Checks are queries over the staging table "stage" that return
	// (line, column, message) for each problem across rows; $1 is the Pemda
	// when they name it.
	Checks []string
	// Counts returns (new, updated, unchanged); $1 is the Pemda.
	Counts string
	// Merge are the statements that write the staged rows; $1 Pemda, $2 user
	// id, $3 username, $4 request id, $5 import batch.
	Merge []string
}

// KindOf makes an import kind of a table.
func KindOf[R any](t *Table[R], audit string, checks []string, counts string, merge []string) Kind {
	return Kind{Schema: t, Audit: audit, Checks: checks, Counts: counts, Merge: merge,
		Open: func(r io.Reader, ref Reference, lim Limits, others []Schema) (Rows, error) {
			return NewDecoder(r, t, ref, lim, others...)
		}}
}
