package analysis_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

// TestAggregatesStayExact runs a random sequence of inserts, edits and
// deletes through SQL, as any path of the application would, and after each
// step compares every aggregate with a direct computation over the base
// tables, and the balance read from the aggregates with the direct one.
func TestAggregatesStayExact(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	if err := demo.LoadBulk(ctx, db, testActor, smallProgram()); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := db.Pool().Exec(ctx, sql, args...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	kelurahan := []string{"36.72.04.1005", "36.72.03.1002", "36.72.01.1001"}
	categories := []string{"nelayan", "kader", "rt_rw", "ojek"}
	steps := []func(){
		func() { // a new worker with a spell, maybe ended
			nik := fmt.Sprintf("367201%02d%02d80%04d", 1+rng.IntN(28), 1+rng.IntN(12), 1+rng.IntN(9998))
			cat, kel := categories[rng.IntN(len(categories))], kelurahan[rng.IntN(len(kelurahan))]
			var id int64
			err := db.Pool().QueryRow(ctx, `INSERT INTO worker (pemda, nik, name, category_code, kelurahan_code)
				VALUES ('3672', $1, 'Acak', $2, $3) ON CONFLICT DO NOTHING RETURNING id`, nik, cat, kel).Scan(&id)
			if err != nil {
				return // NIK taken
			}
			start := domain.Date(2023, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
			var end *time.Time
			if rng.IntN(2) == 0 {
				e := start.AddDate(0, rng.IntN(20), rng.IntN(40))
				end = &e
			}
			status := "aktif"
			if end != nil && rng.IntN(2) == 0 {
				status = "nonaktif"
			}
			exec(`INSERT INTO enrollment (pemda, worker_id, category_code, kelurahan_code, start_date, end_date, status)
				VALUES ('3672', $1, $2, $3, $4, $5, $6)`, id, cat, kel, start, end, status)
		},
		func() { // move a worker to another category and kelurahan: spells and claims follow
			exec(`UPDATE worker SET category_code = $1, kelurahan_code = $2
				WHERE id = (SELECT id FROM worker ORDER BY random() LIMIT 1)`,
				categories[rng.IntN(len(categories))], kelurahan[rng.IntN(len(kelurahan))])
		},
		func() { // a worker reports another income: the spells follow
			exec(`UPDATE worker SET income = $1 WHERE id = (SELECT id FROM worker ORDER BY random() LIMIT 1)`,
				[]int64{1_000_000, 1_500_000, 2_000_000, 3_250_000}[rng.IntN(4)])
		},
		func() { // a bill not paid yet
			m := domain.NewMonth(2023+rng.IntN(2), time.Month(1+rng.IntN(12)))
			exec(`INSERT INTO contribution (pemda, coverage_month, billed, participants)
				VALUES ('3672', $1, $2, $3) ON CONFLICT DO NOTHING`, m.First(), 16_800*int64(rng.IntN(9)), rng.IntN(9))
		},
		func() { // BPJS's bill lines for a month, for some workers
			m := domain.NewMonth(2023+rng.IntN(2), time.Month(1+rng.IntN(12)))
			exec(`INSERT INTO bill_line (pemda, coverage_month, bill_no, line, kpj, nik, name, amount)
				SELECT pemda, $1, $2, row_number() OVER (), coalesce(kpj, '0'), nik, name, 16800 + 10000 * (income / 1000000 - 1)
				FROM worker ORDER BY random() LIMIT 5`, m.First(), fmt.Sprint(rng.IntN(3)))
		},
		func() { // a bill replaced, or a line corrected
			if rng.IntN(2) == 0 {
				exec(`DELETE FROM bill_line WHERE (coverage_month, bill_no) = (SELECT coverage_month, bill_no FROM bill_line ORDER BY random() LIMIT 1)`)
			} else {
				exec(`UPDATE bill_line SET amount = amount + 1000, coverage_month = coverage_month + interval '1 month'
					WHERE id = (SELECT id FROM bill_line ORDER BY random() LIMIT 1)`)
			}
		},
		func() { // end or reopen a spell
			if rng.IntN(2) == 0 {
				exec(`UPDATE enrollment SET end_date = NULL, status = 'aktif'
					WHERE id = (SELECT id FROM enrollment ORDER BY random() LIMIT 1)`)
			} else {
				exec(`UPDATE enrollment SET end_date = start_date + $1::int, status = 'meninggal'
					WHERE id = (SELECT id FROM enrollment ORDER BY random() LIMIT 1)`, rng.IntN(500))
			}
		},
		func() { // a payment
			m := domain.NewMonth(2023+rng.IntN(2), time.Month(1+rng.IntN(12)))
			exec(`INSERT INTO contribution (pemda, coverage_month, paid, billed, participants, paid_on)
				VALUES ('3672', $1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
				m.First(), 16_800*int64(1+rng.IntN(9)), 16_800*int64(rng.IntN(9)), rng.IntN(9), m.Add(1).First().AddDate(0, 0, rng.IntN(40)))
		},
		func() { // correct a payment's amount or date
			exec(`UPDATE contribution SET paid = paid + $1, paid_on = paid_on + $2::int
				WHERE id = (SELECT id FROM contribution ORDER BY random() LIMIT 1)`, 1000*rng.IntN(5), rng.IntN(60))
		},
		func() {
			exec(`DELETE FROM contribution WHERE id = (SELECT id FROM contribution ORDER BY random() LIMIT 1)`)
		},
		func() { // a claim, paid or not
			status := []string{"diajukan", "diproses", "dibayar", "ditolak"}[rng.IntN(4)]
			inc := domain.Date(2023+rng.IntN(2), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
			var paid *time.Time
			if status == "dibayar" {
				p := inc.AddDate(0, 0, rng.IntN(90))
				paid = &p
			}
			exec(`INSERT INTO claim (pemda, worker_id, category_code, kelurahan_code, type, incident_on, paid_on, amount, status, claim_no)
				SELECT pemda, id, category_code, kelurahan_code, $1, $2, $3, $4, $5, $6 FROM worker ORDER BY random() LIMIT 1`,
				string(domain.ClaimTypes[rng.IntN(5)]), inc, paid, 1_000_000*int64(1+rng.IntN(70)), status,
				fmt.Sprintf("R-%d", rng.Int64()))
		},
		func() { // a claim gets paid, or its amount corrected
			exec(`UPDATE claim SET status = 'dibayar', paid_on = incident_on + 30, amount = amount + 500000
				WHERE id = (SELECT id FROM claim ORDER BY random() LIMIT 1)`)
		},
		func() { exec(`DELETE FROM claim WHERE id = (SELECT id FROM claim ORDER BY random() LIMIT 1)`) },
		func() { // delete a worker without claims: the spells go with it
			exec(`DELETE FROM worker WHERE id = (SELECT w.id FROM worker w
				WHERE NOT EXISTS (SELECT 1 FROM claim k WHERE k.worker_id = w.id) ORDER BY random() LIMIT 1)`)
		},
	}
	periods := []domain.Period{domain.YearPeriod(2023), domain.YearPeriod(2024), domain.QuarterPeriod(2024, 1),
		domain.MonthPeriod(domain.NewMonth(2024, 2)), domain.RangePeriod(domain.NewMonth(2023, 11), domain.NewMonth(2024, 7))}
	for i := 0; i < 300; i++ {
		steps[rng.IntN(len(steps))]()
		if i%10 == 9 {
			assertAggregatesExact(t, db, periods)
		}
	}
	assertAggregatesExact(t, db, periods)

	// A rebuild gives the same aggregates.
	if err := analysisOf(db).RebuildAggregates(ctx); err != nil {
		t.Fatal(err)
	}
	assertAggregatesExact(t, db, periods)

	// The check notices a wrong aggregate.
	if _, err := db.Pool().Exec(ctx, `UPDATE agg_roster SET d_end = d_end + 1
		WHERE (pemda, month) = (SELECT pemda, month FROM agg_roster LIMIT 1)`); err != nil {
		t.Fatal(err)
	}
	if diffs, err := analysisOf(db).CheckAggregates(ctx); err != nil || len(diffs) == 0 {
		t.Errorf("a corrupted aggregate went unnoticed: %v %v", diffs, err)
	}
}

func assertAggregatesExact(t *testing.T, db *database.DB, periods []domain.Period) {
	t.Helper()
	ctx := context.Background()
	diffs, err := analysisOf(db).CheckAggregates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Error(d)
	}
	for _, basis := range []domain.Basis{domain.BasisCash, domain.BasisAccrual} {
		fast, err := analysisOf(db).BalanceSeries(ctx, "3672", periods, basis)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := analysisOf(db).DirectBalanceSeries(ctx, "3672", periods, basis)
		if err != nil {
			t.Fatal(err)
		}
		for i := range fast {
			if fast[i] != slow[i] {
				t.Fatalf("%s %s: aggregates give %+v, base tables %+v", periods[i], basis, fast[i], slow[i])
			}
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}
