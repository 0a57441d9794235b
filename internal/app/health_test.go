package app_test

import (
	"net/http"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
)

func TestHealth(t *testing.T) {
	a := apptest.New(t)
	if resp, _ := a.Get(a.Client(), "/healthz"); resp.StatusCode != http.StatusOK {
		t.Errorf("healthz %d", resp.StatusCode)
	}
	if resp, _ := a.Get(a.Client(), "/readyz"); resp.StatusCode != http.StatusOK {
		t.Errorf("readyz %d", resp.StatusCode)
	}
	a.AppDB.Close()
	if resp, _ := a.Get(a.Client(), "/readyz"); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz without a database: %d, want 503", resp.StatusCode)
	}
	if resp, _ := a.Get(a.Client(), "/healthz"); resp.StatusCode != http.StatusOK {
		t.Errorf("healthz without a database: %d, want 200", resp.StatusCode)
	}
}
