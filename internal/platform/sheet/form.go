package sheet

import (
	"slices"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Forms in the browser send one record with the canonical column names of
// a table as field names. ParseForm reads such a record through the same
// row parser as the Decoder, so a form accepts what an import accepts and
// says what is wrong in the same words.

// ParseForm reads one record from a form's values, by column name; only
// the named columns are read when any are named (the others are left zero),
// and the table's Check runs on what was read. Unknown keys are ignored;
// the problems have Line 0.
func ParseForm[R any](t *Table[R], ref Reference, values map[string]string, only ...string) (R, []RowError) {
	var rec R
	specs := t.Specs()
	idx := make([]int, len(specs))
	cells := make([]cell, len(specs))
	for i, c := range specs {
		idx[i] = i
		if len(only) > 0 && !slices.Contains(only, c.Name) {
			idx[i] = -1
		}
		cells[i] = cell{text: values[c.Name], kind: textCell}
	}
	p := newRowParser(specs, idx, Limits{}.withDefaults().MaxCellChars)
	p.start(0, cells)
	res := newResolver(ref)
	row := Row{p: &p, cols: columnIndex(specs)}
	for i := range t.Columns {
		if t.Columns[i].Parse != nil && idx[i] >= 0 {
			c := Cell{p: &p, col: i, res: &res}
			t.Columns[i].Parse(&c, &rec)
		}
	}
	if t.Check != nil {
		t.Check(&row, &rec)
	}
	if p.valid() {
		return rec, nil
	}
	return rec, append([]RowError(nil), p.rowErrs...)
}

// Values is a record as its form holds it, by column name: days as a date
// input holds them and amounts grouped by dots, so that saving an
// unchanged form gives the same record. Only the named columns are given
// when any are named.
func Values[R any](t *Table[R], r *R, only ...string) map[string]string {
	v := map[string]string{}
	for _, c := range t.Columns {
		if c.Get == nil || len(only) > 0 && !slices.Contains(only, c.Name) {
			continue
		}
		v[c.Name] = formValue(c.Get(r))
	}
	return v
}

// formValue is a value as a form field holds it.
func formValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case domain.NIK:
		return string(x)
	case time.Time:
		return isoDay(x)
	case *time.Time:
		if x == nil {
			return ""
		}
		return isoDay(*x)
	case domain.Rupiah:
		return x.Plain()
	case *domain.Rupiah:
		if x == nil {
			return ""
		}
		return x.Plain()
	case int64:
		return domain.FormatInt(x)
	case *int64:
		if x == nil {
			return ""
		}
		return domain.FormatInt(*x)
	}
	return ""
}

// FieldErrors turns the problems of a form into messages by field (the column name).
func FieldErrors(errs []RowError) domain.FieldErrors {
	fe := domain.FieldErrors{}
	for _, e := range errs {
		fe.Add(e.Column, e.Msg)
	}
	return fe
}

// isoDay writes a day as a date input holds it, 2024-07-17; "" for the zero time.
func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
