package postgres

import (
	"context"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// workerStage holds the rows of a workers file: a worker and one spell each.
const workerStage = `
	CREATE TEMP TABLE stage (
		line integer, nik text, name text, birth_date date, sex text, category_code text, kelurahan_code text,
		kpj text, income bigint, address text, phone text, start_date date, end_date date, status text
	) ON COMMIT DROP`

// workerDetails are the columns of a worker that a row can change.
const workerDetails = `name, birth_date, sex, category_code, kelurahan_code, kpj, income, address, phone`

var workerChecks = []string{
	// The same spell twice in the file.
	`SELECT s.line, 'tanggal_mulai',
	        format('NIK %s dengan tanggal mulai %s sudah ada di baris %s', s.nik, to_char(s.start_date, 'DD/MM/YYYY'), s.first)
	 FROM (SELECT line, nik, start_date, min(line) OVER (PARTITION BY nik, start_date) AS first FROM stage) s
	 WHERE s.line <> s.first`,
	// Two spells of one worker in the file that overlap.
	`SELECT b.line, 'tanggal_mulai',
	        format('kepesertaan mulai %s bertumpang tindih dengan kepesertaan di baris %s (%s–%s)',
	               to_char(b.start_date, 'DD/MM/YYYY'), a.line, to_char(a.start_date, 'DD/MM/YYYY'),
	               coalesce(to_char(a.end_date, 'DD/MM/YYYY'), 'sekarang'))
	 FROM stage a JOIN stage b ON a.nik = b.nik AND a.start_date < b.start_date
	 WHERE daterange(a.start_date, a.end_date, '[]') && daterange(b.start_date, b.end_date, '[]')`,
	// A spell that overlaps a stored spell the file does not replace.
	`SELECT s.line, 'tanggal_mulai',
	        format('kepesertaan mulai %s bertumpang tindih dengan kepesertaan yang sudah tercatat (%s–%s)',
	               to_char(s.start_date, 'DD/MM/YYYY'), to_char(e.start_date, 'DD/MM/YYYY'),
	               coalesce(to_char(e.end_date, 'DD/MM/YYYY'), 'sekarang'))
	 FROM stage s
	 JOIN worker w ON w.pemda = $1 AND w.nik = s.nik
	 JOIN enrollment e ON e.pemda = $1 AND e.worker_id = w.id AND e.start_date <> s.start_date
	 WHERE daterange(e.start_date, e.end_date, '[]') && daterange(s.start_date, s.end_date, '[]')
	   AND NOT EXISTS (SELECT 1 FROM stage x WHERE x.nik = s.nik AND x.start_date = e.start_date)`,
	// Rows of one worker that disagree about the worker.
	`SELECT s.line, '',
	        format('data peserta NIK %s berbeda dengan baris %s (%s); satu NIK harus bernama dan berdata sama di setiap baris',
	               s.nik, f.line, concat_ws(', ',
	                   CASE WHEN s.name IS DISTINCT FROM f.name THEN 'nama' END,
	                   CASE WHEN s.birth_date IS DISTINCT FROM f.birth_date THEN 'tanggal_lahir' END,
	                   CASE WHEN s.sex IS DISTINCT FROM f.sex THEN 'jenis_kelamin' END,
	                   CASE WHEN s.category_code IS DISTINCT FROM f.category_code THEN 'kategori' END,
	                   CASE WHEN s.kelurahan_code IS DISTINCT FROM f.kelurahan_code THEN 'kelurahan' END,
	                   CASE WHEN s.kpj IS DISTINCT FROM f.kpj THEN 'no_kpj' END,
	                   CASE WHEN s.income IS DISTINCT FROM f.income THEN 'penghasilan' END,
	                   CASE WHEN s.address IS DISTINCT FROM f.address THEN 'alamat' END,
	                   CASE WHEN s.phone IS DISTINCT FROM f.phone THEN 'no_hp' END))
	 FROM stage s
	 JOIN (SELECT DISTINCT ON (nik) * FROM stage ORDER BY nik, line) f ON f.nik = s.nik AND f.line <> s.line
	 WHERE (` + qualify("s", workerDetails) + `) IS DISTINCT FROM (` + qualify("f", workerDetails) + `)`,
}

const workerCounts = `
	SELECT count(*) FILTER (WHERE e.id IS NULL),
	       count(*) FILTER (WHERE e.id IS NOT NULL AND changed),
	       count(*) FILTER (WHERE e.id IS NOT NULL AND NOT changed)
	FROM (
		SELECT e.id,
		       (w.name, w.birth_date, w.sex, w.category_code, w.kelurahan_code, w.kpj, w.income, w.address, w.phone,
		        e.end_date, e.status)
		       IS DISTINCT FROM
		       (s.name, s.birth_date, s.sex, s.category_code, s.kelurahan_code, s.kpj, s.income, s.address, s.phone,
		        s.end_date, s.status) AS changed
		FROM stage s
		LEFT JOIN worker w ON w.pemda = $1 AND w.nik = s.nik
		LEFT JOIN enrollment e ON e.pemda = $1 AND e.worker_id = w.id AND e.start_date = s.start_date
	) e`

var workerMerge = []string{
	// Workers: new ones inserted, changed ones updated (the cascading key
	// carries a new category or kelurahan to their spells and claims).
	`WITH old AS (
		SELECT w.* FROM worker w WHERE w.pemda = $1 AND w.nik IN (SELECT nik FROM stage)
	), up AS (
		INSERT INTO worker AS w (pemda, nik, ` + workerDetails + `)
		SELECT DISTINCT ON (nik) $1, nik, ` + workerDetails + ` FROM stage ORDER BY nik, line DESC
		ON CONFLICT (pemda, nik) DO UPDATE SET
			name = EXCLUDED.name, birth_date = EXCLUDED.birth_date, sex = EXCLUDED.sex,
			category_code = EXCLUDED.category_code, kelurahan_code = EXCLUDED.kelurahan_code, kpj = EXCLUDED.kpj,
			income = EXCLUDED.income, address = EXCLUDED.address, phone = EXCLUDED.phone, updated_at = now()
		WHERE (` + qualify("w", workerDetails) + `) IS DISTINCT FROM (` + qualify("EXCLUDED", workerDetails) + `)
		RETURNING w.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("worker"),
	// Spells: a new start date adds a spell, the same start date updates it.
	`WITH old AS (
		SELECT e.* FROM enrollment e JOIN worker w ON w.pemda = e.pemda AND w.id = e.worker_id
		WHERE e.pemda = $1 AND w.nik IN (SELECT nik FROM stage)
	), up AS (
		INSERT INTO enrollment AS e (pemda, worker_id, category_code, kelurahan_code, start_date, end_date, status)
		SELECT $1, w.id, w.category_code, w.kelurahan_code, s.start_date, s.end_date, s.status
		FROM stage s JOIN worker w ON w.pemda = $1 AND w.nik = s.nik
		ON CONFLICT (pemda, worker_id, start_date) DO UPDATE SET
			end_date = EXCLUDED.end_date, status = EXCLUDED.status, updated_at = now()
		WHERE (e.end_date, e.status) IS DISTINCT FROM (EXCLUDED.end_date, EXCLUDED.status)
		RETURNING e.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("enrollment"),
}

// ImportWorkers checks a workers file and, unless it is a dry run or
// anything is wrong, writes it: a NIK already registered updates the
// worker's details, a spell with the same start date updates that spell,
// another start date adds one.
func (db *DB) ImportWorkers(ctx context.Context, actor domain.Actor, rows WorkerRows, opt ImportOptions) (ImportOutcome, error) {
	var line int
	var w domain.Worker
	spec := importSpec{
		kind: "workers", label: "peserta", stage: workerStage, checks: workerChecks, counts: workerCounts, merge: workerMerge,
		columns: []string{"line", "nik", "name", "birth_date", "sex", "category_code", "kelurahan_code", "kpj", "income",
			"address", "phone", "start_date", "end_date", "status"},
		values: func() []any {
			line, w = rows.Worker()
			e := w.Enrollments[0]
			return []any{line, string(w.NIK), w.Name, database.NullDate(w.BirthDate), database.NullString(string(w.Sex)), w.CategoryCode,
				w.KelurahanCode, database.NullString(w.KPJ), int64(w.Income), w.Address, w.Phone, e.Start, e.End, string(e.Status)}
		},
	}
	return db.runImport(ctx, actor, spec, rows, opt)
}
