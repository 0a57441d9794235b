package records

import (
	"fmt"
	"regexp"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/web/components"
)

// Field is one column of a record as its history shows it: the column's
// key in the audit entry's values and its label.
type Field struct{ Key, Label string }

// History says how a feature's records read in their history: the fields
// each entity shows, in order; the subject of an entry; and how a value
// of a field reads, for the fields whose values are the feature's own
// codes (Value returns "" to leave a value to the common rules).
type History struct {
	Fields  map[string][]Field
	Subject func(e audit.Entry) string
	Value   func(entity, key string, v any) string
}

// formSummary matches the summaries the record forms write, which repeat
// the subject ("Data peserta Siti diubah"); the import's and others'
// ("Diubah lewat impor (batch 12)", "... dihapus bersama pesertanya") say more.
var formSummary = regexp.MustCompile(` (ditambahkan|diubah|dihapus)$`)

// Items describes audit entries in words: what changed from what to what,
// with NIKs masked for readers who may not see them.
func (h History) Items(entries []audit.Entry, ref Ref, fullNIK bool) []components.HistoryItem {
	items := make([]components.HistoryItem, 0, len(entries))
	for _, e := range entries {
		it := components.HistoryItem{At: e.At, Username: e.Username, Action: e.Action, Subject: h.Subject(e), Summary: e.Summary}
		if formSummary.MatchString(e.Summary) {
			it.Summary = "" // the subject and the action's badge say it already
		}
		for _, f := range h.Fields[e.Entity] {
			o := h.value(ref, e.Entity, f.Key, e.OldValues[f.Key], fullNIK)
			n := h.value(ref, e.Entity, f.Key, e.NewValues[f.Key], fullNIK)
			switch {
			case e.OldValues == nil && n != "":
				it.Changes = append(it.Changes, components.HistoryChange{Label: f.Label, New: n})
			case e.NewValues == nil && o != "":
				it.Changes = append(it.Changes, components.HistoryChange{Label: f.Label, Old: o})
			case e.OldValues != nil && e.NewValues != nil && o != n:
				it.Changes = append(it.Changes, components.HistoryChange{Label: f.Label, Old: orNone(o), New: orNone(n)})
			}
		}
		items = append(items, it)
	}
	return items
}

// value shows one value of an audit entry ("" when empty) the way the pages
// show it: dates and months in Indonesian, rupiah, names for codes.
func (h History) value(ref Ref, entity, key string, v any, fullNIK bool) string {
	if v == nil || v == "" {
		return ""
	}
	if h.Value != nil {
		if s := h.Value(entity, key, v); s != "" {
			return s
		}
	}
	s, _ := v.(string)
	n, isNum := v.(float64)
	switch key {
	case "birth_date", "start_date", "end_date", "paid_on", "incident_on", "submitted_on":
		return audit.Day(v)
	case "coverage_month":
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return domain.MonthOf(t).Label()
		}
	case "income", "billed", "paid", "amount":
		if isNum {
			return domain.Rupiah(int64(n)).String()
		}
	case "participants":
		if isNum {
			return domain.FormatInt(int64(n))
		}
	case "nik":
		if !fullNIK {
			return domain.NIK(s).Masked()
		}
	case "sex":
		return domain.Sex(s).Label()
	case "category_code":
		return ref.CategoryName(s)
	case "kelurahan_code":
		return ref.KelurahanOf(s).Name
	}
	if isNum {
		return domain.FormatInt(int64(n))
	}
	return fmt.Sprint(v)
}

// orNone shows an emptied value.
func orNone(s string) string {
	if s == "" {
		return "(kosong)"
	}
	return s
}
