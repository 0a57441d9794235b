package registry

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

const candidateColumns = `id, nik, name, category_code, kelurahan_code, priority, source, proposed_on, coalesce(worker_id, 0)`

func scanCandidate(row pgx.CollectableRow) (Candidate, error) {
	var c Candidate
	var nik string
	err := row.Scan(&c.ID, &nik, &c.Name, &c.CategoryCode, &c.KelurahanCode, &c.Priority, &c.Source, &c.ProposedOn, &c.WorkerID)
	c.NIK = domain.NIK(nik)
	return c, err
}

// candidateConflicts names the waiting list's unique rules in the form's words.
var candidateConflicts = map[string][2]string{
	"waiting_candidate_pemda_nik_key": {"nik", "NIK ini sudah ada di daftar tunggu"},
}

// addCandidate puts a person on the waiting list; a NIK already registered
// as a worker is refused.
func (db *store) addCandidate(ctx context.Context, actor domain.Actor, c Candidate) (Candidate, error) {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var registered bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM worker WHERE pemda = $1 AND nik = $2)`,
			actor.Pemda, string(c.NIK)).Scan(&registered); err != nil {
			return err
		}
		if registered {
			return domain.Refuse("nik", "NIK ini sudah terdaftar sebagai peserta")
		}
		var row map[string]any
		err := tx.QueryRow(ctx, `
			INSERT INTO waiting_candidate AS c (pemda, nik, name, category_code, kelurahan_code, priority, source, proposed_on)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING c.id, `+audit.JSONOf("c"),
			actor.Pemda, string(c.NIK), c.Name, c.CategoryCode, c.KelurahanCode, c.Priority, c.Source, c.ProposedOn).Scan(&c.ID, &row)
		if err != nil {
			return database.ConflictOf(err, candidateConflicts)
		}
		return audit.Write(ctx, tx, actor, "create", "waiting_candidate", c.ID, "Calon "+c.Name+" masuk daftar tunggu", nil, row)
	})
	return c, database.MapError("add candidate", err)
}

// candidates lists the candidates still waiting, in the order they are
// offered: by category and kelurahan when given, then priority, date
// proposed and id.
func (db *store) candidates(ctx context.Context, pemda, category, kelurahan string) ([]Candidate, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT `+candidateColumns+` FROM waiting_candidate
		WHERE pemda = $1 AND worker_id IS NULL AND ($2 = '' OR category_code = $2) AND ($3 = '' OR kelurahan_code = $3)
		ORDER BY category_code, kelurahan_code, priority, proposed_on, id`, pemda, category, kelurahan)
	cs, err := pgx.CollectRows(rows, scanCandidate)
	return cs, database.MapError("list candidates", err)
}

// refill gives the quota freed by an ended spell to a waiting candidate of
// the same category and kelurahan: it registers the candidate as a worker
// with a spell from start, links the new spell to the freed one and takes
// the candidate off the list, in one transaction written to the audit log.
func (db *store) refill(ctx context.Context, actor domain.Actor, freedID, candidateID int64, start time.Time) (Worker, error) {
	var w Worker
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var cat, kel, status string
		var end *time.Time
		var oldName string
		err := tx.QueryRow(ctx, `SELECT e.category_code, e.kelurahan_code, e.status, e.end_date, w.name
			FROM enrollment e JOIN worker w ON w.pemda = e.pemda AND w.id = e.worker_id
			WHERE e.pemda = $1 AND e.id = $2 FOR UPDATE OF e`, actor.Pemda, freedID).Scan(&cat, &kel, &status, &end, &oldName)
		if err != nil {
			return err
		}
		if end == nil || status == string(domain.StatusActive) {
			return fmt.Errorf("%w: the spell has not ended", domain.ErrConflict)
		}
		rows, _ := tx.Query(ctx, `SELECT `+candidateColumns+` FROM waiting_candidate WHERE pemda = $1 AND id = $2 FOR UPDATE`,
			actor.Pemda, candidateID)
		c, err := pgx.CollectExactlyOneRow(rows, scanCandidate)
		if err != nil {
			return err
		}
		switch {
		case c.WorkerID != 0:
			return fmt.Errorf("%w: the candidate was already chosen", domain.ErrConflict)
		case c.CategoryCode != cat || c.KelurahanCode != kel:
			return &domain.ValueError{Msg: "calon harus dari kategori dan kelurahan yang sama dengan kuota yang kosong"}
		case !start.After(*end):
			return &domain.ValueError{Msg: "kepesertaan pengganti harus mulai sesudah kepesertaan yang diganti selesai (" + domain.FormatDate(*end) + ")"}
		}
		w = Worker{NIK: c.NIK, Name: c.Name, CategoryCode: c.CategoryCode, KelurahanCode: c.KelurahanCode, Income: domain.DefaultIncome,
			Enrollments: []Enrollment{{Start: start, Status: domain.StatusActive}}}
		if w, err = insertWorker(ctx, tx, actor, w); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE waiting_candidate SET worker_id = $3 WHERE pemda = $1 AND id = $2`,
			actor.Pemda, c.ID, w.ID); err != nil {
			return err
		}
		var id int64
		err = tx.QueryRow(ctx, `INSERT INTO quota_replacement (pemda, freed_enrollment_id, new_enrollment_id, candidate_id, chosen_by)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, actor.Pemda, freedID, w.Enrollments[0].ID, c.ID, actor.Username).Scan(&id)
		if err != nil {
			return err // a quota refilled already: a unique violation, domain.ErrConflict
		}
		return audit.Write(ctx, tx, actor, "refill", "quota_replacement", id,
			w.Name+" menggantikan "+oldName+" mulai "+domain.FormatDate(start), nil,
			map[string]any{"freed_enrollment_id": freedID, "new_enrollment_id": w.Enrollments[0].ID, "candidate_id": c.ID})
	})
	return w, database.MapError("refill quota", err)
}

const replacementSQL = `
	SELECT r.id, fe.category_code, fe.kelurahan_code, ow.id, ow.nik, ow.name, fe.end_date, fe.status,
		nw.id, nw.nik, nw.name, ne.start_date, c.source, r.chosen_by, r.chosen_at
	FROM quota_replacement r
	JOIN enrollment fe ON fe.pemda = r.pemda AND fe.id = r.freed_enrollment_id
	JOIN worker ow ON ow.pemda = fe.pemda AND ow.id = fe.worker_id
	JOIN enrollment ne ON ne.pemda = r.pemda AND ne.id = r.new_enrollment_id
	JOIN worker nw ON nw.pemda = ne.pemda AND nw.id = ne.worker_id
	JOIN waiting_candidate c ON c.pemda = r.pemda AND c.id = r.candidate_id
	WHERE r.pemda = $1 AND ($2 = 0 OR ow.id = $2 OR nw.id = $2)
	ORDER BY ne.start_date DESC, r.id DESC`

// replacements lists who replaced whom, newest first; workerID > 0 keeps
// those where that worker was replaced or replaced someone.
func (db *store) replacements(ctx context.Context, pemda string, workerID int64) ([]Replacement, error) {
	rows, _ := db.Pool().Query(ctx, replacementSQL, pemda, workerID)
	rs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Replacement, error) {
		var r Replacement
		var oldNIK, newNIK, status string
		err := row.Scan(&r.ID, &r.CategoryCode, &r.KelurahanCode, &r.Freed.ID, &oldNIK, &r.Freed.Name, &r.FreedEnd, &status,
			&r.New.ID, &newNIK, &r.New.Name, &r.NewStart, &r.Source, &r.ChosenBy, &r.ChosenAt)
		r.Freed.NIK, r.New.NIK, r.FreedStatus = domain.NIK(oldNIK), domain.NIK(newNIK), domain.EnrollmentStatus(status)
		return r, err
	})
	return rs, database.MapError("list replacements", err)
}

// quotaUse counts per category the workers covered on day against the
// year's target, and the candidates waiting.
func (db *store) quotaUse(ctx context.Context, pemda string, day time.Time) ([]QuotaUse, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT c.code,
			(SELECT count(DISTINCT e.worker_id) FROM enrollment e WHERE e.pemda = c.pemda AND e.category_code = c.code
				AND e.start_date <= $2 AND (e.end_date IS NULL OR e.end_date >= $2)),
			(SELECT coalesce(sum(t.workers) FILTER (WHERE t.kelurahan_code IS NULL), sum(t.workers), 0) FROM target t
				WHERE t.pemda = c.pemda AND t.category_code = c.code AND t.year = extract(year FROM $2::date))::bigint,
			(SELECT count(*) FROM waiting_candidate w WHERE w.pemda = c.pemda AND w.category_code = c.code AND w.worker_id IS NULL)
		FROM category c WHERE c.pemda = $1 ORDER BY c.sort_order, c.code`, pemda, day)
	us, err := pgx.CollectRows(rows, pgx.RowToStructByPos[QuotaUse])
	return us, database.MapError("quota use", err)
}
