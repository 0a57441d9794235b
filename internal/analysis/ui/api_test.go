package ui_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

func TestAPIClaimsSummary(t *testing.T) {
	a := apptest.NewDemo(t)
	token := a.Token(domain.RoleBPJS)
	var got struct {
		Items []struct {
			Type   string `json:"type"`
			Count  int64  `json:"count"`
			Amount int64  `json:"amount"`
		} `json:"items"`
		Pending []struct{ Count, Amount int64 } `json:"pending"`
	}
	if st := a.APIJSON(token, "/api/v1/claims/summary?period=2024&basis=cash", &got); st != http.StatusOK {
		t.Fatalf("status %d", st)
	}
	want := []struct {
		typ           string
		count, amount int64
	}{{"JKM", 15, 630_000_000}, {"JKK_MENINGGAL", 4, 280_000_000}, {"JKK_CACAT", 2, 64_000_000}, {"JKK_PERAWATAN", 5, 34_500_000}, {"BEASISWA", 3, 6_500_000}}
	if len(got.Items) != len(want) {
		t.Fatalf("%d items, want all five types", len(got.Items))
	}
	for i, w := range want {
		if it := got.Items[i]; it.Type != w.typ || it.Count != w.count || it.Amount != w.amount {
			t.Errorf("item %d = %+v, want %+v", i, it, w)
		}
	}
	if len(got.Pending) != 2 {
		t.Errorf("pending %+v", got.Pending)
	}
	// A year with no claims still lists every type.
	if st := a.APIJSON(token, "/api/v1/claims/summary?period=2021", &got); st != http.StatusOK || len(got.Items) != 5 || got.Items[0].Count != 0 {
		t.Errorf("2021: %d %+v", st, got.Items)
	}
	if resp, body := a.API(token, "/api/v1/claims/summary?period=2024-Q5"); resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `"detail"`) {
		t.Errorf("bad period: %d %s", resp.StatusCode, body)
	}
}

// balanceJSON is the pinned API form of a balance.
type balanceJSON struct {
	Period            string   `json:"period"`
	Label             string   `json:"label"`
	From              string   `json:"from"`
	To                string   `json:"to"`
	Basis             string   `json:"basis"`
	ContributionsPaid int64    `json:"contributions_paid"`
	ClaimsPaid        int64    `json:"claims_paid"`
	ClaimsCount       int64    `json:"claims_count"`
	Balance           int64    `json:"balance"`
	ClaimRatio        *float64 `json:"claim_ratio"`
	ActiveWorkers     int64    `json:"active_workers"`
}

// coverageJSON is the pinned API form of a row of the coverage.
type coverageJSON struct {
	Code          string   `json:"code"`
	Name          string   `json:"name"`
	KecamatanCode string   `json:"kecamatan_code,omitempty"`
	Active        int64    `json:"active"`
	Targeted      int64    `json:"active_in_target_categories"`
	Target        *int64   `json:"target"`
	Coverage      *float64 `json:"coverage"`
	Gap           int64    `json:"gap"`
	GapCost       int64    `json:"gap_cost_per_year"`
}

func TestAPIBalanceSeries(t *testing.T) {
	a := apptest.NewDemo(t)
	token := a.Token(domain.RolePimpinan)
	var got struct{ Items []balanceJSON }
	if st := a.APIJSON(token, "/api/v1/balance/series?from=2024-01&to=2024-07&by=month&basis=cash", &got); st != http.StatusOK {
		t.Fatalf("status %d", st)
	}
	var iuran, klaim int64
	for _, it := range got.Items {
		iuran += it.ContributionsPaid
		klaim += it.ClaimsPaid
	}
	if len(got.Items) != 7 || iuran != 480_457_660 || klaim != 790_000_000 || got.Items[0].Period != "2024-01" || got.Items[0].Basis != "cash" {
		t.Errorf("%d months, iuran %d, klaim %d, first %+v", len(got.Items), iuran, klaim, got.Items[0])
	}
	if st := a.APIJSON(token, "/api/v1/balance/series?period=2024&by=semester&basis=accrual", &got); st != http.StatusOK ||
		len(got.Items) != 2 || got.Items[1].Label != "Semester II 2024" || got.Items[1].ClaimRatio == nil {
		t.Errorf("semesters: %d %+v", st, got.Items)
	}
	if st := a.APIJSON(token, "/api/v1/balance/series?period=2021&by=year", &got); st != http.StatusOK || got.Items[0].ClaimRatio != nil {
		t.Errorf("a year without contributions has a claim ratio: %+v", got.Items)
	}
	for _, q := range []string{"by=decade", "basis=kredit", "from=2024-01"} {
		if resp, _ := a.API(token, "/api/v1/balance/series?"+q); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d", q, resp.StatusCode)
		}
	}
}

func TestAPICoverage(t *testing.T) {
	a := apptest.NewDemo(t)
	token := a.Token(domain.RoleAdmin)
	var got struct{ Items []coverageJSON }
	if st := a.APIJSON(token, "/api/v1/coverage?period=2024&by=category", &got); st != http.StatusOK {
		t.Fatalf("status %d", st)
	}
	found := false
	for _, it := range got.Items {
		if it.Code == "nelayan" {
			found = true
			if it.Name != "Nelayan" || it.Active != 332 || it.Target == nil || *it.Target != 400 || it.Coverage == nil || *it.Coverage != 0.83 {
				t.Errorf("nelayan %+v", it)
			}
		}
	}
	if !found {
		t.Error("no nelayan")
	}
	if st := a.APIJSON(token, "/api/v1/coverage?period=2024&by=kelurahan", &got); st != http.StatusOK || len(got.Items) != 43 || got.Items[0].KecamatanCode != "36.72.01" {
		t.Errorf("kelurahan: %d, %d items", st, len(got.Items))
	}
	if st := a.APIJSON(token, "/api/v1/coverage?period=2024&by=kecamatan&category=nelayan", &got); st != http.StatusOK || len(got.Items) != 8 || got.Items[0].Target != nil {
		t.Errorf("kecamatan of nelayan: %d %+v", st, got.Items)
	}
	for _, q := range []string{"by=desa", "category=astronot", "period=abc"} {
		if resp, _ := a.API(token, "/api/v1/coverage?"+q); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d", q, resp.StatusCode)
		}
	}
}
