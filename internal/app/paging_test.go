package app_test

import (
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// TestHugePageNumbers: a page number whose offset overflows answers the
// (empty) page, never 500.
func TestHugePageNumbers(t *testing.T) {
	a := apptest.New(t)
	admin := a.Login(domain.RoleAdmin)
	for _, path := range []string{"/admin/audit", "/imports", "/workers", "/contributions", "/claims", "/imports/1"} {
		for _, page := range []string{"184467440737095518", "9223372036854775807", "46116860184273880"} {
			resp, _ := a.Get(admin, path+"?page="+page)
			if resp.StatusCode >= 500 {
				t.Errorf("%s?page=%s: %d", path, page, resp.StatusCode)
			}
		}
	}
}
