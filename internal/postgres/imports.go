package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
)

// ImportProblem is a problem found in a file: its spreadsheet row (0 for
// the whole file), its column and an Indonesian message.
type ImportProblem struct {
	Line   int
	Column string
	Msg    string
}

// ImportCounts says what a file does to the data, row by row.
type ImportCounts struct {
	Rows      int64 // valid rows staged
	New       int64
	Updated   int64
	Unchanged int64
}

// ImportOutcome is what checking, and perhaps writing, a file gave.
type ImportOutcome struct {
	ImportCounts
	Problems     []ImportProblem // found across rows, at most maxProblems
	ProblemCount int64           // all of them
	Written      bool            // the rows were merged and committed
}

// maxProblems is how many cross-row problems an import keeps.
const maxProblems = 10_000

// ImportOptions tune one import.
type ImportOptions struct {
	DryRun   bool             // check and count, write nothing
	Progress func(rows int64) // called now and then while rows are staged
	Batch    int64            // the import_batch the change is audited under
	File     string           // file name, for the audit log
}

// rowSource is what every kind of parsed rows offers: advance, rows refused
// while parsing so far, and a read error.
type rowSource interface {
	Next() bool
	Invalid() int
	Err() error
}

// WorkerRows streams parsed worker rows (a worker with one spell each).
type WorkerRows interface {
	rowSource
	Worker() (line int, w domain.Worker)
}

// ContributionRows streams parsed contribution rows.
type ContributionRows interface {
	rowSource
	Contribution() (line int, c domain.Contribution)
}

// ClaimRows streams parsed claim rows; Claim.NIK names the worker.
type ClaimRows interface {
	rowSource
	Claim() (line int, c domain.Claim)
}

// importSpec is one kind of import: its staging table, how to copy a row
// into it, the checks across rows, the counts and the merge.
type importSpec struct {
	kind    string
	label   string // for the audit log: "peserta", "iuran", "klaim"
	stage   string // CREATE TEMP TABLE ... (the table is named stage)
	columns []string
	values  func() []any // the current row
	checks  []string     // queries of (line, col, message); $1 is the Pemda
	counts  string       // query of (new, updated, unchanged)
	merge   []string     // statements; $1 Pemda, $2 user id, $3 username, $4 request id, $5 batch id
}

// runImport stages rows with COPY, checks them against each other and the
// stored data, counts what would change and, when nothing is wrong and this
// is not a dry run, merges them, all in one transaction: a file imports whole
// or not at all, and a killed process leaves the data as it was. One import
// runs at a time per Pemda.
func (db *DB) runImport(ctx context.Context, actor domain.Actor, spec importSpec, src rowSource, opt ImportOptions) (ImportOutcome, error) {
	var out ImportOutcome
	tx, err := db.Pool().Begin(ctx)
	if err != nil {
		return out, mapError("import: begin", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `SET LOCAL statement_timeout = '30min'`); err != nil {
		return out, mapError("import: timeout", err)
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('monev import ' || $1))`, actor.Pemda); err != nil {
		return out, mapError("import: lock", err)
	}
	if _, err := tx.Exec(ctx, spec.stage); err != nil {
		return out, mapError("import: stage", err)
	}
	out.Rows, err = tx.CopyFrom(ctx, pgx.Identifier{"stage"}, spec.columns, &copySource{src: src, values: spec.values, progress: opt.Progress})
	if err != nil {
		return out, mapError("import: copy", err)
	}
	if _, err := tx.Exec(ctx, `ANALYZE stage`); err != nil {
		return out, mapError("import: analyze", err)
	}
	for _, check := range spec.checks {
		if err := collectProblems(ctx, tx, check, actor.Pemda, &out); err != nil {
			return out, err
		}
	}
	if err := tx.QueryRow(ctx, spec.counts, actor.Pemda).Scan(&out.New, &out.Updated, &out.Unchanged); err != nil {
		return out, mapError("import: count", err)
	}
	if opt.DryRun || out.ProblemCount > 0 || src.Invalid() > 0 || out.New+out.Updated == 0 {
		return out, nil
	}
	for _, stmt := range spec.merge {
		if _, err := tx.Exec(ctx, stmt, actor.Pemda, actor.UserID, actor.Username, actor.RequestID, opt.Batch); err != nil {
			return out, mapError("import: merge", err)
		}
	}
	summary := fmt.Sprintf("Impor %s %s: %d baru, %d diubah, %d tetap", spec.label, opt.File, out.New, out.Updated, out.Unchanged)
	if err := audit.Write(ctx, tx, actor, "import", "import_batch", opt.Batch, summary, nil, nil); err != nil {
		return out, mapError("import: audit", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return out, mapError("import: commit", err)
	}
	out.Written = true
	return out, nil
}

func collectProblems(ctx context.Context, tx pgx.Tx, check, pemda string, out *ImportOutcome) error {
	var args []any
	if strings.Contains(check, "$1") { // checks within the file need no Pemda
		args = append(args, pemda)
	}
	rows, err := tx.Query(ctx, check, args...)
	if err != nil {
		return mapError("import: check", err)
	}
	defer rows.Close()
	for rows.Next() {
		out.ProblemCount++
		if len(out.Problems) >= maxProblems {
			continue
		}
		var p ImportProblem
		if err := rows.Scan(&p.Line, &p.Column, &p.Msg); err != nil {
			return mapError("import: check", err)
		}
		out.Problems = append(out.Problems, p)
	}
	return mapError("import: check", rows.Err())
}

// copySource feeds parsed rows to COPY.
type copySource struct {
	src      rowSource
	values   func() []any
	progress func(int64)
	n        int64
}

func (c *copySource) Next() bool {
	if !c.src.Next() {
		return false
	}
	c.n++
	if c.progress != nil && c.n%10_000 == 0 {
		c.progress(c.n)
	}
	return true
}

func (c *copySource) Values() ([]any, error) { return c.values(), nil }
func (c *copySource) Err() error             { return c.src.Err() }

// qualify prefixes every column of a comma-separated list with a table alias.
func qualify(alias, columns string) string {
	parts := strings.Split(columns, ",")
	for i, c := range parts {
		parts[i] = alias + "." + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}

// ImportBatch is the record of one file: who brought it, what it held and
// what became of it.
type ImportBatch struct {
	ID          int64
	Kind        string
	FileName    string
	FileSize    int64
	Checksum    string
	UploadToken string
	Username    string
	Status      string // checking, checked, importing, imported, unchanged, rejected, failed, cancelled
	DryRun      bool
	Rows        int64
	New         int64
	Updated     int64
	Unchanged   int64
	ErrorCount  int64
	Message     string
	CreatedAt   time.Time
	CheckedAt   *time.Time
	FinishedAt  *time.Time
}

const importBatchColumns = `id, kind, file_name, file_size, checksum, coalesce(upload_token, ''), username, status, dry_run,
	rows_read, new_rows, updated_rows, unchanged_rows, error_count, message, created_at, checked_at, finished_at`

// CreateImportBatch records a new file before it is checked.
func (db *DB) CreateImportBatch(ctx context.Context, actor domain.Actor, b ImportBatch) (ImportBatch, error) {
	err := db.Pool().QueryRow(ctx, `
		INSERT INTO import_batch (pemda, kind, file_name, file_size, checksum, upload_token, user_id, username, status, dry_run)
		VALUES ($1, $2, $3, $4, $5, nullif($6, ''), nullif($7, 0), $8, 'checking', $9)
		RETURNING id, created_at`,
		actor.Pemda, b.Kind, b.FileName, b.FileSize, b.Checksum, b.UploadToken, actor.UserID, actor.Username, b.DryRun,
	).Scan(&b.ID, &b.CreatedAt)
	b.Status, b.Username = "checking", actor.Username
	return b, mapError("create import batch", err)
}

// SetImportStatus moves a batch on: its status, counts and message, and
// when the status ends the check or the import, its time.
func (db *DB) SetImportStatus(ctx context.Context, pemda string, b ImportBatch) error {
	_, err := db.Pool().Exec(ctx, `
		UPDATE import_batch SET status = $3, rows_read = $4, new_rows = $5, updated_rows = $6, unchanged_rows = $7,
			error_count = $8, message = $9,
			checked_at = CASE WHEN $3 = 'checked' THEN now() ELSE checked_at END,
			finished_at = CASE WHEN $3 IN ('imported', 'unchanged', 'rejected', 'failed', 'cancelled') THEN now() ELSE finished_at END,
			upload_token = CASE WHEN $3 IN ('imported', 'unchanged', 'failed', 'cancelled') THEN NULL ELSE upload_token END
		WHERE pemda = $1 AND id = $2`,
		pemda, b.ID, b.Status, b.Rows, b.New, b.Updated, b.Unchanged, b.ErrorCount, b.Message)
	return mapError("set import status", err)
}

// SetImportProgress notes how many rows of a batch have been read.
func (db *DB) SetImportProgress(ctx context.Context, pemda string, id, rows int64) error {
	_, err := db.Pool().Exec(ctx, `UPDATE import_batch SET rows_read = $3 WHERE pemda = $1 AND id = $2`, pemda, id, rows)
	return mapError("set import progress", err)
}

// SaveImportProblems replaces the stored problems of a batch.
func (db *DB) SaveImportProblems(ctx context.Context, pemda string, id int64, problems []ImportProblem) error {
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM import_problem WHERE pemda = $1 AND batch_id = $2`, pemda, id); err != nil {
			return err
		}
		_, err := tx.CopyFrom(ctx, pgx.Identifier{"import_problem"}, []string{"pemda", "batch_id", "seq", "line", "col", "message"},
			pgx.CopyFromSlice(len(problems), func(i int) ([]any, error) {
				p := problems[i]
				return []any{pemda, id, i + 1, p.Line, p.Column, p.Msg}, nil
			}))
		return err
	})
	return mapError("save import problems", err)
}

// ImportProblems returns a page of a batch's problems, in row order.
func (db *DB) ImportProblems(ctx context.Context, pemda string, id int64, offset, limit int) ([]ImportProblem, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT line, col, message FROM import_problem WHERE pemda = $1 AND batch_id = $2
		ORDER BY seq OFFSET $3 LIMIT $4`, pemda, id, offset, limit)
	ps, err := pgx.CollectRows(rows, pgx.RowToStructByPos[ImportProblem])
	return ps, mapError("list import problems", err)
}

// ImportBatchByID returns one batch of a Pemda.
func (db *DB) ImportBatchByID(ctx context.Context, pemda string, id int64) (ImportBatch, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT `+importBatchColumns+` FROM import_batch WHERE pemda = $1 AND id = $2`, pemda, id)
	b, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByPos[ImportBatch])
	return b, mapError("find import batch", err)
}

// ImportBatches lists a Pemda's batches, newest first, and how many there are.
func (db *DB) ImportBatches(ctx context.Context, pemda string, offset, limit int) ([]ImportBatch, int64, error) {
	var total int64
	if err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM import_batch WHERE pemda = $1`, pemda).Scan(&total); err != nil {
		return nil, 0, mapError("count import batches", err)
	}
	rows, _ := db.Pool().Query(ctx, `SELECT `+importBatchColumns+` FROM import_batch WHERE pemda = $1
		ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3`, pemda, offset, limit)
	bs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[ImportBatch])
	return bs, total, mapError("list import batches", err)
}

// LastImportOf finds the latest batch that wrote a file with this checksum.
func (db *DB) LastImportOf(ctx context.Context, pemda, kind, checksum string) (ImportBatch, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT `+importBatchColumns+` FROM import_batch
		WHERE pemda = $1 AND kind = $2 AND checksum = $3 AND status IN ('imported', 'unchanged')
		ORDER BY finished_at DESC LIMIT 1`, pemda, kind, checksum)
	b, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByPos[ImportBatch])
	return b, mapError("find previous import", err)
}

// MarkStaleImports marks as failed the batches of a Pemda that say they are
// being checked or imported while no import holds the Pemda's import lock:
// the process that ran them died (killed, or the machine stopped), and its
// transaction rolled back. A minute's grace covers a batch that has been
// recorded but has not taken the lock yet.
func (db *DB) MarkStaleImports(ctx context.Context, pemda string) error {
	_, err := db.Pool().Exec(ctx, `
		UPDATE import_batch SET status = 'failed', finished_at = now(), upload_token = NULL,
			message = 'Impor terhenti karena proses berhenti di tengah jalan; tidak ada data yang berubah. Unggah ulang berkasnya.'
		WHERE pemda = $1 AND status IN ('checking', 'importing') AND created_at < now() - interval '1 minute'
		  AND NOT EXISTS (
			SELECT 1 FROM pg_locks
			WHERE locktype = 'advisory' AND granted AND objid::int = hashtext('monev import ' || $1)::int
		  )`, pemda)
	return mapError("mark stale imports", err)
}
