package ui_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

func TestDashboardShowsTheMeetingFigures(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RolePimpinan)
	resp, body := a.Get(c, "/?from=2024-01&to=2024-07&basis=cash")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "Januari–Juli 2024", "basis kas", "Rp 480.457.660", "Rp 790.000.000", "−Rp 309.542.340",
		"164,4 %", "Defisit", "Juli 2024")

	// The same period as a semester-style address and in accrual basis.
	resp, body = a.Get(c, "/?period=2024-S1&basis=accrual")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "Semester I 2024", "basis akrual")

	// A malformed period keeps the page usable and says what is wrong.
	resp, body = a.Get(c, "/?period=2024-Q9")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Periode tidak valid") {
		t.Errorf("bad period: %d", resp.StatusCode)
	}
}

func TestDashboardDefaultsToTheLatestYearWithData(t *testing.T) {
	a := apptest.NewDemo(t)
	a.App.Now = func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) }
	_, body := a.Get(a.Login(domain.RoleBPJS), "/")
	apptest.MustContain(t, body, "Tahun 2024", "Belum ada data untuk tahun 2026")
	a.App.Now = func() time.Time { return time.Date(2023, 5, 1, 9, 0, 0, 0, time.UTC) }
	_, body = a.Get(a.Login(domain.RoleBPJS), "/")
	apptest.MustContain(t, body, "Tahun 2023")
}

func TestAPIBalance(t *testing.T) {
	a := apptest.NewDemo(t)
	token := a.Token(domain.RolePimpinan)

	resp, body := a.API(token, "/api/v1/balance?from=2024-01&to=2024-07&basis=cash")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("status %d, %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"period": "2024-01..2024-07", "label": "Januari–Juli 2024", "from": "2024-01-01", "to": "2024-07-31",
		"basis": "cash", "contributions_paid": 480457660.0, "claims_paid": 790000000.0, "claims_count": 20.0,
		"balance": -309542340.0, "claim_ratio": 1.6443,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	if n, ok := got["active_workers"].(float64); !ok || n < 3000 {
		t.Errorf("active_workers = %v", got["active_workers"])
	}
	// Amounts are JSON integers, not floats.
	if !strings.Contains(body, `"contributions_paid":480457660,`) {
		t.Errorf("amounts are not plain integers: %s", body)
	}

	resp, body = a.API(token, "/api/v1/balance?period=2024-Q3")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `"label":"Triwulan III 2024"`) || !strings.Contains(body, `"basis":"cash"`) {
		t.Errorf("period=2024-Q3: %d %s", resp.StatusCode, body)
	}
	resp, body = a.API(token, "/api/v1/balance?period=2023&basis=accrual")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `"basis":"accrual"`) {
		t.Errorf("accrual: %d %s", resp.StatusCode, body)
	}
	for _, q := range []string{"period=2024-13", "period=abc", "basis=kredit", "from=2024-01", "from=2024-07&to=2024-01"} {
		resp, body := a.API(token, "/api/v1/balance?"+q)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `"error"`) {
			t.Errorf("%s: %d %s, want 400 with an error", q, resp.StatusCode, body)
		}
	}
	resp, _ = a.API("monev_wrong", "/api/v1/balance")
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", resp.StatusCode)
	}
}
