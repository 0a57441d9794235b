package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
)

type rollupFigures struct {
	Pemda             string   `json:"pemda"`
	Name              string   `json:"name"`
	Contributions     int64    `json:"contributions"`
	Claims            int64    `json:"claims"`
	ContributionsPaid int64    `json:"contributions_paid"`
	ClaimsPaid        int64    `json:"claims_paid"`
	Balance           int64    `json:"balance"`
	ClaimRatio        *float64 `json:"claim_ratio"`
	ActiveWorkers     int64    `json:"active_workers"`
}

// TestRollupIsTheSumOfEachPemda gives a province-wide user Cilegon's demo
// and a Serang with a payment of its own: the roll-up's rows equal each
// Pemda's own balance (read as that Pemda with pemda=), its total their sum,
// and its page, export and drill-down links show both.
func TestRollupIsTheSumOfEachPemda(t *testing.T) {
	a := apptest.NewDemo(t)
	ctx := context.Background()
	for _, code := range []string{"36.04", "36"} {
		if _, err := a.Settings().AddPemda(ctx, domain.OperatorActor(strings.ReplaceAll(code, ".", ""), "test"), code); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Contributions().CreateContribution(ctx, domain.OperatorActor("3604", "test"), contributions.Contribution{
		CoverageMonth: domain.NewMonth(2024, time.March), Paid: 50_400, PaidOn: domain.Date(2024, time.March, 14), SP2D: "SRG-1",
	}); err != nil {
		t.Fatal(err)
	}
	kanwil, err := a.Accounts().CreateUserWithHash(ctx, domain.OperatorActor("36", "test"), domain.User{Pemda: "36",
		Username: "kanwil", Role: domain.RoleBPJS, Active: true, ScopeCodes: []string{"36"}}, apptest.PasswordHash)
	if err != nil {
		t.Fatal(err)
	}
	token, err := a.Accounts().CreateToken(ctx, domain.OperatorActor("36", "test"), kanwil, "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, basis := range []string{"cash", "accrual"} {
		q := "period=2024-01..2024-07&basis=" + basis
		var ru struct {
			Items []rollupFigures `json:"items"`
			Total rollupFigures   `json:"total"`
		}
		if st := a.APIJSON(token, "/api/v1/rollup?"+q, &ru); st != http.StatusOK {
			t.Fatalf("rollup: %d", st)
		}
		if len(ru.Items) != 3 || ru.Items[0].Pemda != "36" || ru.Items[1].Pemda != "36.04" || ru.Items[2].Pemda != "36.72" {
			t.Fatalf("rollup items %+v, want the province, Serang and Cilegon", ru.Items)
		}
		var sum rollupFigures
		for _, it := range ru.Items {
			var own rollupFigures
			if st := a.APIJSON(token, "/api/v1/balance?"+q+"&pemda="+it.Pemda, &own); st != http.StatusOK {
				t.Fatalf("balance of %s: %d", it.Pemda, st)
			}
			own.Pemda, own.Name = it.Pemda, it.Name
			if fmt.Sprint(own.Contributions, own.Claims, own.ContributionsPaid, own.ClaimsPaid, own.Balance, own.ActiveWorkers) !=
				fmt.Sprint(it.Contributions, it.Claims, it.ContributionsPaid, it.ClaimsPaid, it.Balance, it.ActiveWorkers) {
				t.Errorf("%s %s: roll-up row %+v, its own balance %+v", basis, it.Pemda, it, own)
			}
			sum.Contributions += own.Contributions
			sum.Claims += own.Claims
			sum.ContributionsPaid += own.ContributionsPaid
			sum.ClaimsPaid += own.ClaimsPaid
			sum.Balance += own.Balance
			sum.ActiveWorkers += own.ActiveWorkers
		}
		got := ru.Total
		if got.Contributions != sum.Contributions || got.Claims != sum.Claims || got.ContributionsPaid != sum.ContributionsPaid ||
			got.ClaimsPaid != sum.ClaimsPaid || got.Balance != sum.Balance || got.ActiveWorkers != sum.ActiveWorkers {
			t.Errorf("%s: total %+v, sum of the Pemda %+v", basis, got, sum)
		}
		if basis == "cash" && (ru.Items[1].ContributionsPaid != 50_400 || got.ContributionsPaid != 480_457_660+50_400) {
			t.Errorf("cash: Serang %d, total %d", ru.Items[1].ContributionsPaid, got.ContributionsPaid)
		}
	}

	// Serang's own user sees Serang alone.
	serang := a.User(domain.RoleAdmin, "3604")
	serangToken, _ := a.Accounts().CreateToken(ctx, domain.OperatorActor("3604", "test"), serang, "test")
	var own struct {
		Items []rollupFigures `json:"items"`
	}
	if a.APIJSON(serangToken, "/api/v1/rollup?period=2024", &own); len(own.Items) != 1 || own.Items[0].Pemda != "36.04" {
		t.Errorf("Serang's admin's roll-up: %+v", own.Items)
	}

	c := a.LoginAs("kanwil", apptest.Password)
	resp, body := a.Get(c, "/analysis/rollup?period=2024-01..2024-07&sort=contributions&dir=desc")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("roll-up page: %d", resp.StatusCode)
	}
	text := apptest.Plain(body)
	iC, iS := strings.Index(text, ">Kota Cilegon</a>"), strings.Index(text, ">Kabupaten Serang</a>")
	if iC < 0 || iS < 0 || iC > iS {
		t.Errorf("sorted by iuran, descending, Cilegon comes before Serang: %d %d", iC, iS)
	}
	apptest.MustContain(t, text, "Rp 480.508.060", `href="/?basis=cash&amp;pemda=3604&amp;period=2024-01..2024-07"`, `aria-sort="descending"`)
	resp, body = a.Get(c, "/analysis/rollup.csv?period=2024-01..2024-07")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "36.04,Kabupaten Serang,50400") {
		t.Errorf("roll-up CSV: %d\n%s", resp.StatusCode, body)
	}
}
