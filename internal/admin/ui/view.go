package ui

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/web/components"
)

// adminTabs are the tabs of the administration
var adminTabs = []components.Choice{
	{Value: "/admin/users", Label: "Pengguna"},
	{Value: "/admin/tokens", Label: "Token API"},
	{Value: "/admin/audit", Label: "Log audit"},
	{Value: "/admin/smtp", Label: "Surel (SMTP)"},
}

// UserForm is what the user forms hold, as typed.
type UserForm struct {
	ID          int64
	Username    string
	FullName    string
	Role        string
	Institution string
	Position    string
	Rank        string
	NIP         string
	Signatory   bool
	Active      bool
	Password    string
	Confirm     string
}

// AdminUsersProps is the list of users with the form to add one.
type AdminUsersProps struct {
	Users  []domain.User
	Form   UserForm
	Errors domain.FieldErrors
	Roles  []components.Choice
}

// AdminUserEditProps is one user's edit page.
type AdminUserEditProps struct {
	Form           UserForm
	Errors         domain.FieldErrors
	PasswordErrors domain.FieldErrors
	Roles          []components.Choice
	Self           bool
}

// AdminTokensProps is the list of API tokens.
type AdminTokensProps struct {
	Tokens  []auth.APIToken
	Users   []domain.User
	Created string // a token just made, shown once
	Error   string
}

// AdminAuditProps is a page of the audit log.
type AdminAuditProps struct {
	Entries   []audit.Entry
	Total     int64
	Page      int
	PerPage   int
	Query     url.Values
	Usernames []string
	Notice    string
}

// Pages is how many pages of entries there are.
func (p AdminAuditProps) Pages() int {
	return max(1, int((p.Total+int64(p.PerPage)-1)/int64(p.PerPage)))
}

// PageHref links another page with the same filters.
func (p AdminAuditProps) PageHref(page int) string {
	q := url.Values{}
	for k, v := range p.Query {
		q[k] = v
	}
	q.Set("page", strconv.Itoa(page))
	return "/admin/audit?" + q.Encode()
}

// ExportHref links the export of the filtered log.
func (p AdminAuditProps) ExportHref(format string) string {
	q := url.Values{}
	for k, v := range p.Query {
		if k != "page" {
			q[k] = v
		}
	}
	return "/admin/audit/export." + format + "?" + q.Encode()
}

// auditActions are the actions the log records, for the filter.
var auditActions = func() []components.Choice {
	out := []components.Choice{{Value: "", Label: "Semua aksi"}}
	for _, a := range audit.Actions {
		out = append(out, components.Choice{Value: a, Label: audit.ActionLabel(a)})
	}
	return out
}()

// changes describes an entry's old and new values as "field: old → new".
func changes(e audit.Entry) []string {
	var out []string
	keys := map[string]bool{}
	for k := range e.OldValues {
		keys[k] = true
	}
	for k := range e.NewValues {
		keys[k] = true
	}
	for _, k := range sortedKeys(keys) {
		o, n := valueText(e.OldValues[k]), valueText(e.NewValues[k])
		switch {
		case e.OldValues == nil:
			out = append(out, k+": "+n)
		case e.NewValues == nil:
			out = append(out, k+": "+o)
		case o != n:
			out = append(out, k+": "+o+" → "+n)
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return "–"
	case string:
		if x == "" {
			return "–"
		}
		return x
	case float64:
		return domain.FormatInt(int64(x))
	case []any, map[string]any:
		b, _ := json.Marshal(x)
		if len(b) > 300 {
			return string(b[:300]) + "…"
		}
		return string(b)
	case bool:
		if x {
			return "ya"
		}
		return "tidak"
	}
	return fmt.Sprint(v)
}

func userStatus(active bool) (string, string) {
	if active {
		return "Aktif", "badge-surplus"
	}
	return "Nonaktif", "badge-muted"
}
