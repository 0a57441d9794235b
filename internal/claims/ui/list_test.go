package ui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/web/links"
)

// TestClaimsNotRejected: the accrual basis's claims link lists every claim
// but the rejected ones, with the count the claims figure is made of.
func TestClaimsNotRejected(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RolePimpinan)
	var all, rejected int
	_ = a.DB.Pool().QueryRow(context.Background(), `SELECT count(*), count(*) FILTER (WHERE status = 'ditolak') FROM claim`).Scan(&all, &rejected)
	if rejected == 0 {
		t.Fatal("the demo has no rejected claim to leave out")
	}
	_, body := a.Get(c, "/claims?status="+string(links.NotRejected))
	apptest.MustContain(t, body, "Status: Semua kecuali ditolak", "<strong>"+domain.FormatInt(int64(all-rejected))+"</strong> klaim cocok")
	if strings.Contains(body, "tidak dikenal") {
		t.Error("the filter is not known")
	}
}
