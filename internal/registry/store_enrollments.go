package registry

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// enrollmentColumns is the column list of a Enrollment.
const enrollmentColumns = `id, start_date, end_date, status`

// enrollments lists a worker's spells, newest first.
func (db *store) enrollments(ctx context.Context, pemda string, workerID int64) ([]Enrollment, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT `+enrollmentColumns+` FROM enrollment
		WHERE pemda = $1 AND worker_id = $2 ORDER BY start_date DESC`, pemda, workerID)
	es, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Enrollment])
	return es, database.MapError("list spells", err)
}

// enrollment returns one spell and the ID of its worker.
func (db *store) enrollment(ctx context.Context, pemda string, id int64) (Enrollment, int64, error) {
	var e Enrollment
	var workerID int64
	err := db.Pool().QueryRow(ctx, `SELECT `+enrollmentColumns+`, worker_id FROM enrollment WHERE pemda = $1 AND id = $2`,
		pemda, id).Scan(&e.ID, &e.Start, &e.End, &e.Status, &workerID)
	return e, workerID, database.MapError("find spell", err)
}

// spellConflicts explain the constraints a spell can run into when another
// change gets in first.
var spellConflicts = map[string][2]string{
	"enrollment_pemda_worker_id_daterange_excl": {"tanggal_mulai", "kepesertaan bertumpang tindih dengan kepesertaan yang sudah tercatat"},
	"enrollment_pemda_worker_id_start_date_key": {"tanggal_mulai", "kepesertaan dengan tanggal mulai ini sudah tercatat"},
}

// createEnrollment adds a spell to a worker.
func (db *store) createEnrollment(ctx context.Context, actor domain.Actor, workerID int64, e Enrollment) (Enrollment, error) {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var err error
		e, err = insertEnrollment(ctx, tx, actor, workerID, e)
		return err
	})
	return e, database.MapError("create spell", err)
}

// insertEnrollment adds a spell of a worker inside tx, refusing one that
// overlaps another, and records it in the audit log.
func insertEnrollment(ctx context.Context, tx pgx.Tx, actor domain.Actor, workerID int64, e Enrollment) (Enrollment, error) {
	if err := checkCategoryYears(ctx, tx, actor.Pemda, workerID, e); err != nil {
		return e, err
	}
	if err := checkOverlap(ctx, tx, actor.Pemda, workerID, 0, e); err != nil {
		return e, err
	}
	var row map[string]any
	err := tx.QueryRow(ctx, `
		INSERT INTO enrollment AS e (pemda, worker_id, category_code, kelurahan_code, income, start_date, end_date, status)
		SELECT w.pemda, w.id, w.category_code, w.kelurahan_code, w.income, $3, $4, $5 FROM worker w WHERE w.pemda = $1 AND w.id = $2
		RETURNING e.id, `+audit.JSONOf("e"),
		actor.Pemda, workerID, e.Start, e.End, string(e.Status)).Scan(&e.ID, &row)
	if err != nil {
		return e, database.ConflictOf(err, spellConflicts)
	}
	return e, audit.Write(ctx, tx, actor, "create", "enrollment", e.ID, "Kepesertaan mulai "+domain.FormatDate(e.Start)+" ditambahkan", nil, row)
}

// updateEnrollment changes a spell's dates and status; ending a spell is
// such a change.
func (db *store) updateEnrollment(ctx context.Context, actor domain.Actor, e Enrollment) (Enrollment, error) {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		old, err := audit.LockRow(ctx, tx, "enrollment", actor.Pemda, e.ID)
		if err != nil {
			return err
		}
		workerID := int64(old["worker_id"].(float64))
		if err := checkCategoryYears(ctx, tx, actor.Pemda, workerID, e); err != nil {
			return err
		}
		if err := checkOverlap(ctx, tx, actor.Pemda, workerID, e.ID, e); err != nil {
			return err
		}
		var row map[string]any
		err = tx.QueryRow(ctx, `
			UPDATE enrollment AS e SET start_date = $3, end_date = $4, status = $5, updated_at = now()
			WHERE pemda = $1 AND id = $2 RETURNING `+audit.JSONOf("e"),
			actor.Pemda, e.ID, e.Start, e.End, string(e.Status)).Scan(&row)
		if err != nil {
			return database.ConflictOf(err, spellConflicts)
		}
		if !audit.Changed(old, row) {
			return nil
		}
		return audit.Write(ctx, tx, actor, "update", "enrollment", e.ID, "Kepesertaan mulai "+domain.FormatDate(e.Start)+" diubah", old, row)
	})
	return e, database.MapError("update spell", err)
}

// deleteEnrollment removes a spell entered by mistake and returns its
// worker's ID. A worker's only spell stays: delete the worker instead.
func (db *store) deleteEnrollment(ctx context.Context, actor domain.Actor, id int64) (int64, error) {
	var workerID int64
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		old, err := audit.LockRow(ctx, tx, "enrollment", actor.Pemda, id)
		if err != nil {
			return err
		}
		workerID = int64(old["worker_id"].(float64))
		var others int64
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM enrollment WHERE pemda = $1 AND worker_id = $2 AND id <> $3`,
			actor.Pemda, workerID, id).Scan(&others); err != nil {
			return err
		}
		if others == 0 {
			return domain.Refuse("", "Ini satu-satunya kepesertaan peserta ini, jadi tidak dapat dihapus. "+
				"Akhiri kepesertaannya bila peserta berhenti, atau hapus pesertanya bila memang keliru didaftarkan.")
		}
		if _, err := tx.Exec(ctx, `DELETE FROM enrollment WHERE pemda = $1 AND id = $2`, actor.Pemda, id); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "delete", "enrollment", id, "Kepesertaan mulai "+audit.Day(old["start_date"])+" dihapus", old, nil)
	})
	return workerID, database.MapError("delete spell", err)
}

// checkOverlap refuses a spell of a worker that shares a day with another
// of their spells (self is the spell being changed, 0 for a new one), in
// the words of the import's check.
func checkOverlap(ctx context.Context, tx pgx.Tx, pemda string, workerID, self int64, e Enrollment) error {
	var start time.Time
	var end *time.Time
	err := tx.QueryRow(ctx, `
		SELECT start_date, end_date FROM enrollment
		WHERE pemda = $1 AND worker_id = $2 AND id <> $3
		  AND daterange(start_date, end_date, '[]') && daterange($4::date, $5::date, '[]')
		ORDER BY start_date LIMIT 1`, pemda, workerID, self, e.Start, e.End).Scan(&start, &end)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	until := "sekarang"
	if end != nil {
		until = domain.FormatShortDay(*end)
	}
	return domain.Refuse("tanggal_mulai", fmt.Sprintf("kepesertaan mulai %s bertumpang tindih dengan kepesertaan yang sudah tercatat (%s–%s)",
		domain.FormatShortDay(e.Start), domain.FormatShortDay(start), until))
}

// outsideCategoryYears is the condition that a spell starting on date (an
// SQL expression) falls outside the years its category c is funded
// (first_year and last_year, either open).
func outsideCategoryYears(date string) string {
	return `(extract(year FROM ` + date + `) < c.first_year OR extract(year FROM ` + date + `) > c.last_year)`
}

// categoryYearsRefusal is the message refusing a spell starting on date
// (an SQL expression) in category c: "kategori Nelayan hanya didanai sampai
// tahun 2023; kepesertaan mulai 01/02/2024 di luar tahun itu". The forms
// and the workers import say it the same way.
func categoryYearsRefusal(date string) string {
	return `format('kategori %s %s; kepesertaan mulai %s di luar tahun itu', c.name,
		CASE WHEN c.first_year = c.last_year THEN format('hanya didanai tahun %s', c.first_year)
		     WHEN c.first_year IS NOT NULL AND c.last_year IS NOT NULL THEN format('hanya didanai tahun %s–%s', c.first_year, c.last_year)
		     WHEN c.first_year IS NOT NULL THEN format('baru didanai mulai tahun %s', c.first_year)
		     ELSE format('hanya didanai sampai tahun %s', c.last_year) END,
		to_char(` + date + `, 'DD/MM/YYYY'))`
}

// checkCategoryYears refuses a spell that starts outside the years its
// worker's category is funded (a retired category, or one not yet offered).
func checkCategoryYears(ctx context.Context, tx pgx.Tx, pemda string, workerID int64, e Enrollment) error {
	var msg string
	err := tx.QueryRow(ctx, `
		SELECT `+categoryYearsRefusal("$3::date")+`
		FROM worker w JOIN category c ON c.pemda = w.pemda AND c.code = w.category_code
		WHERE w.pemda = $1 AND w.id = $2 AND `+outsideCategoryYears("$3::date"), pemda, workerID, e.Start).Scan(&msg)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return domain.Refuse("tanggal_mulai", msg)
}
