package ui_test

import (
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
)

// TestContributionsExportImportsAgain reads the payments export back with
// the import's decoder: the same payments, the same total as the list.
func TestContributionsExportImportsAgain(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RoleDisnaker)
	for _, format := range []string{"csv", "xlsx"} {
		_, body := a.Get(c, "/contributions/export."+format+"?paid_from=2024-01-01&paid_to=2024-07-31")
		d := apptest.Decode(t, a, contributions.Contributions, body)
		var paid domain.Rupiah
		for d.Next() {
			paid += d.Record().Paid
		}
		if d.ErrorCount() != 0 || d.Err() != nil || paid != 480_457_660 {
			t.Errorf("contributions %s: paid %v, problems %v %v", format, paid, d.Errors(), d.Err())
		}
	}
	if n := a.ExportCount(a.User(domain.RoleDisnaker).Username); n != 2 {
		t.Errorf("%d exports in the audit log, want 2", n)
	}
}
