package components

import (
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
)

// ListState is a registry list's address: path, filters, sort and page, so
// that links can change one of them and keep the rest.
type ListState struct {
	Path        string
	Query       url.Values // the filters in force, without sort, dir and page
	Sort        string
	Desc        bool
	DefaultSort string // left out of links
	DefaultDesc bool
	Page        int
	PerPage     int
	Total       int64
}

// href is the list's address with the filters and the given sort and page.
func (l ListState) href(sort string, desc bool, page int) string {
	q := url.Values{}
	for k, v := range l.Query {
		q[k] = v
	}
	if sort != "" && (sort != l.DefaultSort || desc != l.DefaultDesc) {
		q.Set("sort", sort)
		q.Set("dir", map[bool]string{false: "asc", true: "desc"}[desc])
	}
	if page > 1 {
		q.Set("page", strconv.Itoa(page))
	}
	if len(q) == 0 {
		return l.Path
	}
	return l.Path + "?" + q.Encode()
}

// SortHref sorts by a column: the other way round when it is the current
// sort, otherwise in the column's natural direction (firstDesc for dates and
// amounts, newest or largest first).
func (l ListState) SortHref(key string, firstDesc bool) string {
	if key == l.Sort {
		return l.href(key, !l.Desc, 1)
	}
	return l.href(key, firstDesc, 1)
}

// AriaSort is the aria-sort value of a column header.
func (l ListState) AriaSort(key string) string {
	switch {
	case key != l.Sort:
		return "none"
	case l.Desc:
		return "descending"
	}
	return "ascending"
}

// Paging is the pager of the list.
func (l ListState) Paging() Paging {
	return Paging{Page: l.Page, Pages: l.Pages(), Href: func(n int) string { return l.href(l.Sort, l.Desc, n) }}
}

// Pages is how many pages the list has.
func (l ListState) Pages() int {
	return max(1, int((l.Total+int64(l.PerPage)-1)/int64(l.PerPage)))
}

// Range says which rows the page shows: "1–50 dari 4.540".
func (l ListState) Range(shown int) string {
	if shown == 0 {
		return "0 dari " + domain.FormatInt(l.Total)
	}
	first := int64((l.Page-1)*l.PerPage) + 1
	return domain.FormatInt(first) + "–" + domain.FormatInt(first+int64(shown)-1) + " dari " + domain.FormatInt(l.Total)
}

// ExportHref is the export of the filtered list in a format, csv or xlsx.
func (l ListState) ExportHref(format string) string {
	x := l
	x.Path = l.Path + "/export." + format
	return x.href(l.Sort, l.Desc, 1)
}

// Without is the list without the filters of keys, from its first page.
func (l ListState) Without(keys ...string) string {
	x := l
	x.Query = url.Values{}
	for k, v := range l.Query {
		if !slices.Contains(keys, k) {
			x.Query[k] = v
		}
	}
	return x.href(l.Sort, l.Desc, 1)
}

// Kept are the hidden fields that carry the sort through the filter form.
func (l ListState) Kept() [][2]string {
	if l.Sort == "" || l.Sort == l.DefaultSort && l.Desc == l.DefaultDesc {
		return nil
	}
	return [][2]string{{"sort", l.Sort}, {"dir", map[bool]string{false: "asc", true: "desc"}[l.Desc]}}
}

// Filtered reports whether any filter is set.
func (l ListState) Filtered() bool { return len(l.Query) > 0 }

// FilterChip is one active filter, with the link that removes it.
type FilterChip struct {
	Label  string
	Remove string
}

// OptionGroup is a labelled group of a select's options (kelurahan by kecamatan).
type OptionGroup struct {
	Label   string
	Options []Choice
}

// HistoryChange is one field of a change in a record's history, in words.
type HistoryChange struct {
	Label string
	Old   string // "" for a new record
	New   string // "" for a deleted record
}

// HistoryItem is one entry of a record's history.
type HistoryItem struct {
	At       time.Time
	Username string
	Action   string // create, update, delete, import
	Subject  string // "Data peserta", "Kepesertaan mulai 1 Januari 2024"
	Summary  string
	Changes  []HistoryChange
}

// historyClass is the badge class of a history entry's action.
func historyClass(action string) string {
	switch action {
	case "create":
		return "badge-surplus"
	case "delete":
		return "badge-deficit"
	}
	return "badge-muted"
}

// historyAction is a history entry's action in Indonesian.
func historyAction(action string) string {
	switch action {
	case "create":
		return "Ditambahkan"
	case "update":
		return "Diubah"
	case "delete":
		return "Dihapus"
	}
	return audit.ActionLabel(action)
}

// Viewer is what a registry page needs to know about who reads it.
type Viewer struct {
	FullNIK bool // the role may see NIKs in full (domain.Role.SeesFullNIK)
	CanEdit bool // the role may add, correct and delete records
}

// NIK shows a NIK in full or masked, as the reader may see it.
func (v Viewer) NIK(n domain.NIK) string {
	if v.FullNIK {
		return string(n)
	}
	return n.Masked()
}

// ClaimBadge is the badge class of a claim's status.
func ClaimBadge(s domain.ClaimStatus) string {
	switch s {
	case domain.ClaimPaid:
		return "badge-surplus"
	case domain.ClaimProcessing:
		return "badge-warn"
	case domain.ClaimRejected:
		return "badge-deficit"
	}
	return "badge-muted"
}
