package sheet

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// stage returns the values an import copies for a record read from line:
// the line, then each staged column's value; empty values of Null columns
// are NULL.
func (t *Table[R]) stage(line int, r *R) []any {
	out := make([]any, 1, len(t.Columns)+1)
	out[0] = line
	for _, c := range t.Columns {
		if c.DB == "" {
			continue
		}
		var v any
		if c.Stage != nil {
			v = c.Stage(r)
		} else {
			v = c.Get(r)
		}
		out = append(out, stageValue(v, c.Null))
	}
	return out
}

// stageValue is v as COPY takes it: plain strings and integers, days as
// time.Time, nil for nothing; an empty value is nil when null.
func stageValue(v any, null bool) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		if null && x == "" {
			return nil
		}
		return x
	case domain.NIK:
		return string(x)
	case time.Time:
		if x.IsZero() {
			return nil
		}
		return x
	case *time.Time:
		if x == nil {
			return nil
		}
		return *x
	case domain.Rupiah:
		return int64(x)
	case *domain.Rupiah:
		if x == nil {
			return nil
		}
		return int64(*x)
	case *int64:
		if x == nil {
			return nil
		}
		return *x
	}
	return v
}
