package analysis_test

import (
	"context"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/settings"
)

// TestRollupReadsEachPemdaAsItsDashboard: the roll-up reads all its Pemda
// at once, yet each row is that Pemda's own Balance (both bases, a period
// that has ended and one that has not), its own ledger's arrears and its
// own targets, and the total is their sum; a Pemda without data has zeros.
func TestRollupReadsEachPemdaAsItsDashboard(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	for _, sql := range []string{
		`INSERT INTO pemda (code, name, province, government, office, city, due_day)
		 VALUES ('3604', 'Kabupaten Serang', 'Banten', 'Pemerintah Kabupaten Serang', 'Dinas Tenaga Kerja', 'Serang', 10),
		        ('3601', 'Kabupaten Pandeglang', 'Banten', 'Pemerintah Kabupaten Pandeglang', 'Dinas Tenaga Kerja', 'Pandeglang', 15)`,
		`INSERT INTO kecamatan (pemda, code, bps_code, name) VALUES ('3604', '36.04.01', '3604010', 'Cinangka')`,
		`INSERT INTO kelurahan (pemda, code, kecamatan_code, bps_code, name) VALUES ('3604', '36.04.01.2001', '36.04.01', '3604010001', 'Cinangka')`,
		`INSERT INTO category (pemda, code, name) SELECT '3604', code, name FROM category WHERE pemda = '3672'`,
		// Serang pays a higher JKM from 2024: its own rates, not Cilegon's.
		`INSERT INTO contribution_rate (pemda, valid_from, jkk, jkm) SELECT '3604', valid_from, jkk, jkm FROM contribution_rate WHERE pemda = '3672'`,
		`INSERT INTO contribution_rate (pemda, valid_from, jkk, jkm) VALUES ('3604', '2024-01-01', 1000, 7200)`,
		`INSERT INTO target (pemda, year, category_code, workers) SELECT '3604', 2024, code, 40 FROM category WHERE pemda = '3604' LIMIT 2`,
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
	set := settings.NewService(db)
	contrib := contributions.NewService(db, set)
	an := analysis.NewService(db, set, contrib)
	an.Now = func() time.Time { return time.Date(2024, time.August, 20, 10, 0, 0, 0, domain.WIB) }
	codes := []string{"3672", "3604", "3601"}
	for _, p := range []domain.Period{domain.YearPeriod(2024), domain.QuarterPeriod(2023, 2), domain.MonthPeriod(domain.NewMonth(2024, 7))} {
		for _, basis := range []domain.Basis{domain.BasisCash, domain.BasisAccrual} {
			ru, err := an.Rollup(ctx, codes, p, basis)
			if err != nil {
				t.Fatal(err)
			}
			if len(ru.Rows) != 3 || ru.Rows[0].Pemda != "3601" || ru.Rows[1].Pemda != "3604" || ru.Rows[2].Pemda != "3672" {
				t.Fatalf("%v: rows %+v, want 3601, 3604 and 3672 in order", p, ru.Rows)
			}
			var sum analysis.RollupRow
			for _, row := range ru.Rows {
				own, err := an.Balance(ctx, row.Pemda, p, basis)
				if err != nil {
					t.Fatal(err)
				}
				if row.Balance != own {
					t.Errorf("%v %s %s: roll-up %+v, the Pemda's own %+v", p, basis, row.Pemda, row.Balance, own)
				}
				months, err := an.Billing(ctx, row.Pemda, p, time.Date(2024, time.August, 20, 0, 0, 0, 0, domain.WIB))
				if err != nil {
					t.Fatal(err)
				}
				if want := contributions.TotalBilling(months).Arrears; row.Arrears != want {
					t.Errorf("%v %s: arrears %d, its ledger's %d", p, row.Pemda, row.Arrears, want)
				}
				sum.Balance.ContributionsPaid += row.Balance.ContributionsPaid
				sum.Balance.Contributions += row.Balance.Contributions
				sum.Balance.Claims += row.Balance.Claims
				sum.Balance.ActiveWorkers += row.Balance.ActiveWorkers
				sum.Arrears += row.Arrears
			}
			tot := ru.Total
			if tot.Balance.ContributionsPaid != sum.Balance.ContributionsPaid || tot.Balance.Contributions != sum.Balance.Contributions ||
				tot.Balance.Claims != sum.Balance.Claims || tot.Balance.ActiveWorkers != sum.Balance.ActiveWorkers || tot.Arrears != sum.Arrears {
				t.Errorf("%v %s: total %+v, sum %+v", p, basis, tot, sum)
			}
			serang, cilegon, none := ru.Rows[1], ru.Rows[2], ru.Rows[0]
			if serang.Balance.ContributionsPaid == 0 || cilegon.Balance.ActiveWorkers == 0 && p.To.Year() == 2024 {
				t.Errorf("%v %s: no data in the roll-up: %+v", p, basis, ru.Rows)
			}
			if none.Balance.ContributionsPaid != 0 || none.Balance.ActiveWorkers != 0 || none.Arrears != 0 || none.HasTarget {
				t.Errorf("a Pemda without data has figures: %+v", none)
			}
			if p.To.Year() == 2024 && (!serang.HasTarget || serang.Target != 80 || cilegon.HasTarget) {
				t.Errorf("%v: targets Serang %v %d, Cilegon %v", p, serang.HasTarget, serang.Target, cilegon.HasTarget)
			}
		}
	}
}
