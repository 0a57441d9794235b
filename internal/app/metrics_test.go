package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// TestMetricsLabelsAreBounded: made-up methods and paths add no series to
// /metrics; they are counted in one bucket each.
func TestMetricsLabelsAreBounded(t *testing.T) {
	a := apptest.New(t)
	c := a.Client()
	for i := range 20 {
		method := "X" + strings.Repeat("A", 2000) + string(rune('A'+i))
		req, _ := http.NewRequest(method, a.TS.URL+"/login", nil)
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
		}
		req, _ = http.NewRequest(method, a.TS.URL+"/no/such/"+strings.Repeat("p", 500)+string(rune('a'+i)), nil)
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
		}
	}
	resp, body := a.API(a.Token(domain.RoleAdmin), "/metrics")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("metrics: %d", resp.StatusCode)
	}
	if strings.Contains(body, "XAAAA") || strings.Contains(body, "pppp") {
		t.Errorf("a made-up method or path became a label")
	}
	if len(body) > 200_000 {
		t.Errorf("/metrics is %d bytes after 40 made-up requests", len(body))
	}
	apptest.MustContain(t, body, `method="other"`)
}
