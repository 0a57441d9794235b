package registry_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/registry"
)

// TestSpellsMayNotOverlap checks the database refuses overlapping spells of
// one worker, whether they come one by one or many at once.
func TestSpellsMayNotOverlap(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	// Worker 1 covered from 1 June 2023, worker 2 until their death on 10
	// March 2024, worker 4 in the first half of 2024.
	spell := func(id int64, start string, end *time.Time, status domain.EnrollmentStatus) registry.Enrollment {
		return registry.Enrollment{ID: id, Start: date(start), End: end, Status: status}
	}
	worker := func(id int64, nik string, e registry.Enrollment) registry.Worker {
		return registry.Worker{ID: id, NIK: domain.NIK(nik), Name: "Peserta " + nik[12:], CategoryCode: "nelayan",
			KelurahanCode: "36.72.04.1005", Income: domain.DefaultIncome, Enrollments: []registry.Enrollment{e}}
	}
	err := demo.LoadBulk(ctx, db, testActor, demo.Bulk{Pemda: "3672", Workers: []registry.Worker{
		worker(1, "3672040101800001", spell(1, "2023-06-01", nil, domain.StatusActive)),
		worker(2, "3672040202700002", spell(2, "2023-01-01", datePtr("2024-03-10"), domain.StatusDeceased)),
		worker(4, "3672044404850004", spell(4, "2024-01-01", datePtr("2024-06-30"), domain.StatusInactive)),
	}})
	if err != nil {
		t.Fatal(err)
	}
	insert := func(sql string) error {
		_, err := db.Pool().Exec(ctx, sql)
		return err
	}
	isOverlap := func(err error) bool {
		var pgErr *pgconn.PgError
		return errors.As(err, &pgErr) && pgErr.Code == "23P01"
	}
	// Worker 1 is covered from 1 June 2023 with no end.
	if err := insert(`INSERT INTO enrollment (pemda, worker_id, category_code, kelurahan_code, start_date)
		VALUES ('3672', 1, 'nelayan', '36.72.04.1005', '2024-01-01')`); !isOverlap(err) {
		t.Errorf("an overlapping spell: %v, want exclusion_violation", err)
	}
	// Worker 2 died on 10 March 2024: a spell the next day is fine, one on the day is not.
	if err := insert(`INSERT INTO enrollment (pemda, worker_id, category_code, kelurahan_code, start_date, end_date, status)
		VALUES ('3672', 2, 'nelayan', '36.72.04.1005', '2024-03-11', '2024-03-12', 'nonaktif')`); err != nil {
		t.Errorf("an adjacent spell: %v", err)
	}
	if err := insert(`UPDATE enrollment SET start_date = '2024-03-10' WHERE worker_id = 2 AND start_date = '2024-03-11'`); !isOverlap(err) {
		t.Errorf("moving a spell onto another: %v, want exclusion_violation", err)
	}
	// Many at once, as a large import writes them: one bad pair among thousands.
	err = insert(`INSERT INTO enrollment (pemda, worker_id, category_code, kelurahan_code, start_date, end_date, status)
		SELECT '3672', 4, 'nelayan', '36.72.04.1005', date '2030-01-01' + 3 * g, date '2030-01-01' + 3 * g + 1, 'nonaktif'
		FROM generate_series(0, 6000) g
		UNION ALL SELECT '3672', 4, 'nelayan', '36.72.04.1005', '2030-01-02', '2030-01-02', 'nonaktif'`)
	if !isOverlap(err) {
		t.Errorf("a bulk insert with an overlap: %v, want exclusion_violation", err)
	}
	if err := insert(`INSERT INTO enrollment (pemda, worker_id, category_code, kelurahan_code, start_date, end_date, status)
		SELECT '3672', 4, 'nelayan', '36.72.04.1005', date '2030-01-01' + 3 * g, date '2030-01-01' + 3 * g + 1, 'nonaktif'
		FROM generate_series(0, 6000) g`); err != nil {
		t.Errorf("a bulk insert without overlaps: %v", err)
	}
}
