package ui_test

import (
	"context"

	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
)

// TestClaimsExportImportsAgain reads the claims export back with the
// import's decoder: every claim names a registered worker, and the paid
// claims add up to the list's total.
func TestClaimsExportImportsAgain(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RoleDisnaker)
	for _, format := range []string{"csv", "xlsx"} {
		_, body := a.Get(c, "/claims/export."+format+"?status=dibayar&paid_from=2024-01-01&paid_to=2024-07-31")
		d := apptest.Decode(t, a, claims.Claims, body)
		var claimed domain.Rupiah
		for d.Next() {
			k := d.Record()
			if _, err := a.Registry().WorkerByNIK(context.Background(), "3672", k.NIK); err != nil || k.Status != domain.ClaimPaid {
				t.Errorf("claims %s: row %+v: %v", format, k, err)
			}
			claimed += k.Amount
		}
		if d.ErrorCount() != 0 || d.Err() != nil || claimed != 790_000_000 {
			t.Errorf("claims %s: %v, problems %v %v", format, claimed, d.Errors(), d.Err())
		}
	}
	if n := a.ExportCount(a.User(domain.RoleDisnaker).Username); n != 2 {
		t.Errorf("%d exports in the audit log, want 2", n)
	}
}
