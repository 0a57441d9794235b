package analysis_test

import (
	"context"
	"testing"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

// TestPemdaBalances: the figures read for many Pemda at once are each
// Pemda's own BalanceSeries (cash basis, a period that has ended), and a
// Pemda without data has zeros.
func TestPemdaBalances(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	for _, sql := range []string{
		`INSERT INTO pemda (code, name, province, government, office, city)
		 VALUES ('3604', 'Kabupaten Serang', 'Banten', 'Pemerintah Kabupaten Serang', 'Dinas Tenaga Kerja', 'Serang')`,
		`INSERT INTO kecamatan (pemda, code, bps_code, name) VALUES ('3604', '36.04.01', '3604010', 'Cinangka')`,
		`INSERT INTO kelurahan (pemda, code, kecamatan_code, bps_code, name) VALUES ('3604', '36.04.01.2001', '36.04.01', '3604010001', 'Cinangka')`,
		`INSERT INTO category (pemda, code, name) SELECT '3604', code, name FROM category WHERE pemda = '3672'`,
		`INSERT INTO contribution_rate (pemda, valid_from, jkk, jkm) SELECT '3604', valid_from, jkk, jkm FROM contribution_rate WHERE pemda = '3672'`,
	} {
		if _, err := db.Pool().Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	err := demo.GenerateMany(ctx, db, testActor, "test", []demo.Synthetic{
		{Pemda: "3672", Workers: 400, Years: 3, Seed: 1}, {Pemda: "3604", Workers: 250, Years: 2, Seed: 2}})
	if err != nil {
		t.Fatal(err)
	}
	an := analysis.NewService(db, nil, nil)
	for _, p := range []domain.Period{domain.YearPeriod(2024), domain.QuarterPeriod(2023, 2), domain.MonthPeriod(domain.NewMonth(2024, 7))} {
		got, err := an.PemdaBalances(ctx, []string{"3672", "3604", "9999"}, p, domain.BasisCash)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].Pemda != "3604" || got[1].Pemda != "3672" || got[2].Pemda != "9999" {
			t.Fatalf("%v: got %+v, want 3604, 3672 and 9999 in order", p, got)
		}
		for _, g := range got[:2] {
			want, err := an.Balance(ctx, g.Pemda, p, domain.BasisCash)
			if err != nil {
				t.Fatal(err)
			}
			if g.ContributionsPaid != want.ContributionsPaid || g.ClaimsPaid != want.ClaimsPaid || g.ClaimsCount != want.ClaimsCount ||
				g.ActiveWorkers != want.ActiveWorkers || g.Claims != want.Claims || g.Contributions != want.Contributions {
				t.Errorf("%v %s: roll-up %+v, the Pemda's own %+v", p, g.Pemda, g.Balance, want)
			}
			if g.ActiveWorkers == 0 || g.ContributionsPaid == 0 {
				t.Errorf("%v %s: no data in the roll-up: %+v", p, g.Pemda, g.Balance)
			}
		}
		if z := got[2]; z.ContributionsPaid != 0 || z.ActiveWorkers != 0 || z.Claims != 0 {
			t.Errorf("a Pemda without data has figures: %+v", z)
		}
	}
}
