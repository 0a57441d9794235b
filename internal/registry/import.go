package registry

import (
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// WorkerImport is the import of workers files: a NIK already registered
// updates the worker's details, a spell with the same start date updates
// that spell, another start date adds one.
var WorkerImport = sheet.KindOf(Workers, "peserta", workerChecks, workerCounts, workerMerge)

// workerDetails are the columns of a worker that a row can change.
var workerDetails = sheet.List(Workers, "", groupWorker)

// spellDetails are the columns of a spell that a row can change.
var spellDetails = sheet.List(Workers, "", groupSpell)

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
	// A spell outside the years its category is funded (a retired category,
	// or one not yet offered), said as the spell forms say it.
	`SELECT s.line, 'kategori', ` + categoryYearsRefusal("s.start_date") + `
	 FROM stage s JOIN category c ON c.pemda = $1 AND c.code = s.category_code
	 WHERE ` + outsideCategoryYears("s.start_date"),
	// Rows of one worker that disagree about the worker.
	`SELECT s.line, '',
	        format('data peserta NIK %s berbeda dengan baris %s (%s); satu NIK harus bernama dan berdata sama di setiap baris',
	               s.nik, f.line, concat_ws(', ',
		` + sheet.Differences(Workers, "s", "f", groupWorker) + `))
	 FROM stage s
	 JOIN (SELECT DISTINCT ON (nik) * FROM stage ORDER BY nik, line) f ON f.nik = s.nik AND f.line <> s.line
	 WHERE (` + sheet.List(Workers, "s", groupWorker) + `) IS DISTINCT FROM (` + sheet.List(Workers, "f", groupWorker) + `)`,
}

var workerCounts = `
	SELECT count(*) FILTER (WHERE e.id IS NULL),
	       count(*) FILTER (WHERE e.id IS NOT NULL AND changed),
	       count(*) FILTER (WHERE e.id IS NOT NULL AND NOT changed)
	FROM (
		SELECT e.id,
		       (` + sheet.List(Workers, "w", groupWorker) + `, ` + sheet.List(Workers, "e", groupSpell) + `)
		       IS DISTINCT FROM
		       (` + sheet.List(Workers, "s", groupWorker) + `, ` + sheet.List(Workers, "s", groupSpell) + `) AS changed
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
			` + sheet.SetFrom(Workers, "EXCLUDED", groupWorker) + `, updated_at = now()
		WHERE (` + sheet.List(Workers, "w", groupWorker) + `) IS DISTINCT FROM (` + sheet.List(Workers, "EXCLUDED", groupWorker) + `)
		RETURNING w.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("worker"),
	// Spells: a new start date adds a spell, the same start date updates it.
	`WITH old AS (
		SELECT e.* FROM enrollment e JOIN worker w ON w.pemda = e.pemda AND w.id = e.worker_id
		WHERE e.pemda = $1 AND w.nik IN (SELECT nik FROM stage)
	), up AS (
		INSERT INTO enrollment AS e (pemda, worker_id, category_code, kelurahan_code, income, start_date, ` + spellDetails + `)
		SELECT $1, w.id, w.category_code, w.kelurahan_code, w.income, s.start_date, ` + sheet.List(Workers, "s", groupSpell) + `
		FROM stage s JOIN worker w ON w.pemda = $1 AND w.nik = s.nik
		ON CONFLICT (pemda, worker_id, start_date) DO UPDATE SET
			` + sheet.SetFrom(Workers, "EXCLUDED", groupSpell) + `, updated_at = now()
		WHERE (` + sheet.List(Workers, "e", groupSpell) + `) IS DISTINCT FROM (` + sheet.List(Workers, "EXCLUDED", groupSpell) + `)
		RETURNING e.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("enrollment"),
}
