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

// store is the SQL of the feature's records.
type store struct{ *database.DB }

// WorkerFilter narrows the worker list; empty fields do not filter.
type WorkerFilter struct {
	Text          string // part of the name, NIK or KPJ
	NIKInFullOnly bool   // a NIK matches only when typed in full (roles that may not see NIKs)
	Category      string
	Kelurahan     string
	Kecamatan     string
	Status        domain.EnrollmentStatus // of the worker's latest spell
	ActiveOn      time.Time               // a spell covers this day
	Sort          string                  // name (default), nik, category, kelurahan, kecamatan
	Desc          bool
}

// WorkerListItem is one worker in the list, with their latest spell.
type WorkerListItem struct {
	ID            int64
	NIK           domain.NIK
	Name          string
	CategoryCode  string
	CategoryName  string
	KelurahanCode string
	KelurahanName string
	KecamatanCode string
	KecamatanName string
	KPJ           string
	Start         *time.Time              `db:"start_date"`
	End           *time.Time              `db:"end_date"`
	Status        domain.EnrollmentStatus // "" for a worker without spells
}

// workerSorts are the sorts a list of a million workers can afford; sorting
// by the latest spell would compute it for every worker first.
var workerSorts = database.Sorts{
	"name": {"w.name"}, "nik": {"w.nik", ""}, "category": {"c.sort_order", "c.name"}, "kelurahan": {"k.name"},
	"kecamatan": {"kc.name", "k.name"},
}

// workerFrom joins a worker to the names of its category and region and to
// its latest spell (alias l).
const workerFrom = `
	FROM worker w
	JOIN category c ON c.pemda = w.pemda AND c.code = w.category_code
	JOIN kelurahan k ON k.pemda = w.pemda AND k.code = w.kelurahan_code
	JOIN kecamatan kc ON kc.pemda = k.pemda AND kc.code = k.kecamatan_code
	LEFT JOIN LATERAL (
		SELECT e.start_date, e.end_date, e.status FROM enrollment e
		WHERE e.pemda = w.pemda AND e.worker_id = w.id ORDER BY e.start_date DESC LIMIT 1
	) l ON true`

// latestIs is the condition that a worker's latest spell has the status ?:
// a spell of that status with none after it. Written so, PostgreSQL answers
// it with joins over the spells (the few ended ones through the partial
// index of migration 4) instead of a lookup per worker.
const latestIs = `EXISTS (SELECT 1 FROM enrollment e WHERE e.pemda = w.pemda AND e.worker_id = w.id AND e.status = ?
	AND NOT EXISTS (SELECT 1 FROM enrollment l WHERE l.pemda = e.pemda AND l.worker_id = e.worker_id AND l.start_date > e.start_date))`

// where builds the filter's conditions on worker w.
func (f WorkerFilter) where(pemda string) *database.Conditions {
	c := database.NewConditions("w.pemda", pemda)
	if digits, ok := database.SearchDigits(f.Text); ok && f.NIKInFullOnly {
		c.Add(`(w.nik = ? OR w.kpj LIKE '%' || ? || '%')`, digits)
	} else if ok {
		c.Add(`(w.nik LIKE '%' || ? || '%' OR w.kpj LIKE '%' || ? || '%')`, digits)
	} else if f.Text != "" {
		c.Add(`w.name ILIKE '%' || ? || '%'`, database.LikeEscape(f.Text))
	}
	if f.Category != "" {
		c.Add(`w.category_code = ?`, f.Category)
	}
	if f.Kelurahan != "" {
		c.Add(`w.kelurahan_code = ?`, f.Kelurahan)
	}
	if f.Kecamatan != "" {
		c.Add(`w.kelurahan_code IN (SELECT code FROM kelurahan WHERE pemda = $1 AND kecamatan_code = ?)`, f.Kecamatan)
	}
	if f.Status != "" {
		c.Add(latestIs, string(f.Status))
	}
	if !f.ActiveOn.IsZero() {
		c.Add(`EXISTS (SELECT 1 FROM enrollment e WHERE e.pemda = w.pemda AND e.worker_id = w.id
			AND e.start_date <= ?::date AND (e.end_date IS NULL OR e.end_date >= ?::date))`, f.ActiveOn)
	}
	return c
}

// workers returns a page of the workers that match, and how many match.
func (db *store) workers(ctx context.Context, pemda string, f WorkerFilter, offset, limit int) ([]WorkerListItem, int64, error) {
	c := f.where(pemda)
	var total int64
	if err := db.Reader(ctx).QueryRow(ctx, `SELECT count(*) FROM worker w WHERE `+c.Where(), c.Args()...).Scan(&total); err != nil {
		return nil, 0, database.MapError("count workers", err)
	}
	rows, _ := db.Reader(ctx).Query(ctx, `
		SELECT w.id, w.nik, w.name, w.category_code, c.name AS category_name, w.kelurahan_code, k.name AS kelurahan_name,
		       k.kecamatan_code, kc.name AS kecamatan_name, coalesce(w.kpj, '') AS kpj,
		       l.start_date, l.end_date, coalesce(l.status, '') AS status`+workerFrom+`
		WHERE `+c.Where()+` ORDER BY `+workerSorts.OrderBy(f.Sort, "name", f.Desc, "w.id")+database.Page(offset, limit), c.Args()...)
	items, err := pgx.CollectRows(rows, pgx.RowToStructByName[WorkerListItem])
	return items, total, database.MapError("list workers", err)
}

// workerColumns is the column list of workerRow on worker w.
const workerColumns = `w.id, w.nik, w.name, w.birth_date, coalesce(w.sex, '') AS sex, w.category_code, w.kelurahan_code,
	coalesce(w.kpj, '') AS kpj, w.income, w.address, w.phone`

type workerRow struct {
	ID            int64
	NIK           domain.NIK
	Name          string
	BirthDate     *time.Time
	Sex           domain.Sex
	CategoryCode  string
	KelurahanCode string
	KPJ           string
	Income        domain.Rupiah
	Address       string
	Phone         string
}

func (r workerRow) worker() Worker {
	w := Worker{ID: r.ID, NIK: r.NIK, Name: r.Name, Sex: r.Sex, CategoryCode: r.CategoryCode,
		KelurahanCode: r.KelurahanCode, KPJ: r.KPJ, Income: r.Income, Address: r.Address, Phone: r.Phone}
	if r.BirthDate != nil {
		w.BirthDate = *r.BirthDate
	}
	return w
}

// eachWorkerSpell calls fn for every spell of every matching worker, in the
// list's order and then by start date, without holding them in memory (for
// exports: one row per spell, as the import reads them).
func (db *store) eachWorkerSpell(ctx context.Context, pemda string, f WorkerFilter, fn func(Worker, Enrollment) error) error {
	c := f.where(pemda)
	err := db.Stream(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+workerColumns+`, s.id, s.start_date, s.end_date, s.status`+workerFrom+`
			JOIN enrollment s ON s.pemda = w.pemda AND s.worker_id = w.id
			WHERE `+c.Where()+` ORDER BY `+workerSorts.OrderBy(f.Sort, "name", f.Desc, "w.id")+`, s.start_date`, c.Args()...)
		var r workerRow
		var e Enrollment
		_, err := pgx.ForEachRow(rows, []any{&r.ID, &r.NIK, &r.Name, &r.BirthDate, &r.Sex, &r.CategoryCode, &r.KelurahanCode,
			&r.KPJ, &r.Income, &r.Address, &r.Phone, &e.ID, &e.Start, &e.End, &e.Status}, func() error {
			return fn(r.worker(), e)
		})
		return err
	})
	return database.MapError("export workers", err)
}

// worker returns one worker with their spells, newest first.
func (db *store) worker(ctx context.Context, pemda string, id int64) (Worker, error) {
	return db.findWorker(ctx, `w.pemda = $1 AND w.id = $2`, pemda, id)
}

// workerByNIK returns the worker with a NIK, with their spells, newest first.
func (db *store) workerByNIK(ctx context.Context, pemda string, nik domain.NIK) (Worker, error) {
	return db.findWorker(ctx, `w.pemda = $1 AND w.nik = $2`, pemda, string(nik))
}

func (db *store) findWorker(ctx context.Context, cond string, pemda string, key any) (Worker, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT `+workerColumns+` FROM worker w WHERE `+cond, pemda, key)
	r, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[workerRow])
	if err != nil {
		return Worker{}, database.MapError("find worker", err)
	}
	w := r.worker()
	w.Enrollments, err = db.enrollments(ctx, pemda, w.ID)
	return w, err
}

// workerConflicts explain the constraints a worker can run into.
func workerConflicts(w Worker) map[string][2]string {
	return map[string][2]string{
		"worker_pemda_nik_key": {"nik", "NIK " + string(w.NIK) + " sudah terdaftar sebagai peserta"},
		"claim_pemda_worker_id_category_code_kelurahan_code_fkey": {"", "peserta ini punya klaim tercatat, jadi tidak dapat dihapus"},
	}
}

// createWorker registers a worker with their spells (at least one) and
// records each in the audit log.
func (db *store) createWorker(ctx context.Context, actor domain.Actor, w Worker) (Worker, error) {
	if len(w.Enrollments) == 0 {
		return w, fmt.Errorf("postgres: create worker: no spell")
	}
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var err error
		w, err = insertWorker(ctx, tx, actor, w)
		return err
	})
	return w, database.MapError("create worker", err)
}

// insertWorker adds a worker with their spells inside tx and records them
// in the audit log.
func insertWorker(ctx context.Context, tx pgx.Tx, actor domain.Actor, w Worker) (Worker, error) {
	var row map[string]any
	err := tx.QueryRow(ctx, `
		INSERT INTO worker AS w (pemda, nik, name, birth_date, sex, category_code, kelurahan_code, kpj, income, address, phone)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		RETURNING w.id, `+audit.JSONOf("w"),
		actor.Pemda, string(w.NIK), w.Name, database.NullDate(w.BirthDate), database.NullString(string(w.Sex)), w.CategoryCode,
		w.KelurahanCode, database.NullString(w.KPJ), int64(w.Income), w.Address, w.Phone).Scan(&w.ID, &row)
	if err != nil {
		return w, database.ConflictOf(err, workerConflicts(w))
	}
	if err := audit.Write(ctx, tx, actor, "create", "worker", w.ID, "Peserta "+w.Name+" ditambahkan", nil, row); err != nil {
		return w, err
	}
	for i := range w.Enrollments {
		if w.Enrollments[i], err = insertEnrollment(ctx, tx, actor, w.ID, w.Enrollments[i]); err != nil {
			return w, err
		}
	}
	return w, nil
}

// updateWorker corrects a worker's details (not their spells); a new
// category or kelurahan carries over to their spells and claims.
func (db *store) updateWorker(ctx context.Context, actor domain.Actor, w Worker) (Worker, error) {
	change := audit.RowChange{Table: "worker", ID: w.ID, Summary: "Data peserta " + w.Name + " diubah", Conflicts: workerConflicts(w)}
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		return change.Run(ctx, tx, actor, `
			UPDATE worker AS w SET nik = $3, name = $4, birth_date = $5, sex = $6, category_code = $7, kelurahan_code = $8,
				kpj = $9, income = $10, address = $11, phone = $12, updated_at = now()
			WHERE pemda = $1 AND id = $2
			RETURNING `+audit.JSONOf("w"),
			actor.Pemda, w.ID, string(w.NIK), w.Name, database.NullDate(w.BirthDate), database.NullString(string(w.Sex)), w.CategoryCode,
			w.KelurahanCode, database.NullString(w.KPJ), int64(w.Income), w.Address, w.Phone)
	})
	return w, database.MapError("update worker", err)
}

// deleteWorker removes a worker and their spells, refusing while the worker
// has claims: claims are money paid and stay on record.
func (db *store) deleteWorker(ctx context.Context, actor domain.Actor, id int64) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		// The row lock also keeps a claim from being added meanwhile.
		old, err := audit.LockRow(ctx, tx, "worker", actor.Pemda, id)
		if err != nil {
			return err
		}
		var claims int64
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM claim WHERE pemda = $1 AND worker_id = $2`, actor.Pemda, id).Scan(&claims); err != nil {
			return err
		}
		if claims > 0 {
			return domain.Refuse("", fmt.Sprintf("Peserta ini tidak dapat dihapus karena punya %s klaim tercatat. "+
				"Klaim adalah uang yang sudah diajukan atau dibayar; hapus atau pindahkan klaimnya lebih dulu bila memang keliru.",
				domain.FormatInt(claims)))
		}
		rows, _ := tx.Query(ctx, `DELETE FROM enrollment e WHERE pemda = $1 AND worker_id = $2 RETURNING e.id, `+audit.JSONOf("e"), actor.Pemda, id)
		spells, err := pgx.CollectRows(rows, pgx.RowToStructByPos[deletedRow])
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM worker WHERE pemda = $1 AND id = $2`, actor.Pemda, id); err != nil {
			return database.ConflictOf(err, workerConflicts(Worker{}))
		}
		for _, s := range spells {
			if err := audit.Write(ctx, tx, actor, "delete", "enrollment", s.ID, "Kepesertaan dihapus bersama pesertanya", s.Values, nil); err != nil {
				return err
			}
		}
		return audit.Write(ctx, tx, actor, "delete", "worker", id, fmt.Sprintf("Peserta %v dihapus", old["name"]), old, nil)
	})
	return database.MapError("delete worker", err)
}

// deletedRow is a deleted row's ID and audit form.
type deletedRow struct {
	ID     int64
	Values map[string]any
}
