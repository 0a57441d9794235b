package imports

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/notice"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// store is the SQL of imports: the batches and their problems, and the
// engine that stages, checks and merges a file in one transaction.
type store struct{ *database.DB }

// runImport stages rows with COPY, checks them against each other and the
// stored data, counts what would change and, when nothing is wrong and this
// is not a dry run, merges them, all in one transaction: a file imports whole
// or not at all, and a killed process leaves the data as it was. One import
// runs at a time per Pemda.
func (db *store) runImport(ctx context.Context, actor domain.Actor, kind sheet.Kind, src sheet.Rows, opt Options) (Outcome, error) {
	var out Outcome
	tx, err := db.Pool().Begin(ctx)
	if err != nil {
		return out, database.MapError("import: begin", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `SET LOCAL statement_timeout = '30min'`); err != nil {
		return out, database.MapError("import: timeout", err)
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('monev import ' || $1))`, actor.Pemda); err != nil {
		return out, database.MapError("import: lock", err)
	}
	if _, err := tx.Exec(ctx, sheet.StageTable(kind)); err != nil {
		return out, database.MapError("import: stage", err)
	}
	out.Rows, err = tx.CopyFrom(ctx, pgx.Identifier{"stage"}, sheet.StageColumns(kind), &copySource{src: src, progress: opt.Progress})
	if err != nil {
		return out, database.MapError("import: copy", err)
	}
	if _, err := tx.Exec(ctx, `ANALYZE stage`); err != nil {
		return out, database.MapError("import: analyze", err)
	}
	for _, check := range kind.Checks {
		if err := collectProblems(ctx, tx, check, actor.Pemda, &out); err != nil {
			return out, err
		}
	}
	if err := tx.QueryRow(ctx, kind.Counts, actor.Pemda).Scan(&out.New, &out.Updated, &out.Unchanged); err != nil {
		return out, database.MapError("import: count", err)
	}
	if opt.DryRun || out.ProblemCount > 0 || src.ErrorCount() > 0 || out.New+out.Updated == 0 {
		return out, nil
	}
	for _, stmt := range kind.Merge {
		if _, err := tx.Exec(ctx, stmt, actor.Pemda, actor.UserID, actor.Username, actor.RequestID, opt.Batch); err != nil {
			return out, database.MapError("import: merge", err)
		}
	}
	summary := fmt.Sprintf("Impor %s %s: %d baru, %d diubah, %d tetap", kind.Audit, opt.File, out.New, out.Updated, out.Unchanged)
	if err := audit.Write(ctx, tx, actor, "import", "import_batch", opt.Batch, summary, nil, nil); err != nil {
		return out, database.MapError("import: audit", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return out, database.MapError("import: commit", err)
	}
	out.Written = true
	return out, nil
}

func collectProblems(ctx context.Context, tx pgx.Tx, check, pemda string, out *Outcome) error {
	var args []any
	if strings.Contains(check, "$1") { // checks within the file need no Pemda
		args = append(args, pemda)
	}
	rows, err := tx.Query(ctx, check, args...)
	if err != nil {
		return database.MapError("import: check", err)
	}
	defer rows.Close()
	for rows.Next() {
		out.ProblemCount++
		if len(out.Problems) >= maxProblems {
			continue
		}
		var p Problem
		if err := rows.Scan(&p.Line, &p.Column, &p.Msg); err != nil {
			return database.MapError("import: check", err)
		}
		out.Problems = append(out.Problems, p)
	}
	return database.MapError("import: check", rows.Err())
}

// copySource feeds parsed rows to COPY.
type copySource struct {
	src      sheet.Rows
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

func (c *copySource) Values() ([]any, error) { return c.src.Staged(), nil }
func (c *copySource) Err() error             { return c.src.Err() }

const batchColumns = `id, kind, file_name, file_size, checksum, coalesce(upload_token, ''), username, status, dry_run,
	rows_read, new_rows, updated_rows, unchanged_rows, error_count, message, created_at, checked_at, finished_at`

// createImportBatch records a new file before it is checked.
func (db *store) createImportBatch(ctx context.Context, actor domain.Actor, b Batch) (Batch, error) {
	err := db.Pool().QueryRow(ctx, `
		INSERT INTO import_batch (pemda, kind, file_name, file_size, checksum, upload_token, user_id, username, status, dry_run,
			lease_until)
		VALUES ($1, $2, $3, $4, $5, nullif($6, ''), nullif($7, 0), $8, 'queued', $9, now() + $10::interval)
		RETURNING id, created_at`,
		actor.Pemda, b.Kind, b.FileName, b.FileSize, b.Checksum, b.UploadToken, actor.UserID, actor.Username, b.DryRun,
		leaseTime.String(),
	).Scan(&b.ID, &b.CreatedAt)
	b.Status, b.Username = "queued", actor.Username
	return b, database.MapError("create import batch", err)
}

// setImportStatus moves a batch on: its status, counts and message, and
// when the status ends the check or the import, its time. A batch that
// ends (imported, unchanged, rejected, failed) tells the user who uploaded it.
func (db *store) setImportStatus(ctx context.Context, pemda string, b Batch) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var userID *int64
		err := tx.QueryRow(ctx, `
			UPDATE import_batch SET status = $3, rows_read = $4, new_rows = $5, updated_rows = $6, unchanged_rows = $7,
				error_count = $8, message = $9,
				checked_at = CASE WHEN $3 = 'checked' THEN now() ELSE checked_at END,
				finished_at = CASE WHEN $3 IN ('imported', 'unchanged', 'rejected', 'failed', 'cancelled') THEN now() ELSE finished_at END,
				upload_token = CASE WHEN $3 IN ('imported', 'unchanged', 'failed', 'cancelled') THEN NULL ELSE upload_token END
			WHERE pemda = $1 AND id = $2
			RETURNING user_id, file_name`,
			pemda, b.ID, b.Status, b.Rows, b.New, b.Updated, b.Unchanged, b.ErrorCount, b.Message).Scan(&userID, &b.FileName)
		if err != nil || userID == nil {
			return err
		}
		if n, ok := batchNotice(pemda, b); ok {
			_, err = notice.Post(ctx, tx, n, notice.To{Users: []int64{*userID}})
		}
		return err
	})
	return database.MapError("set import status", err)
}

// setImportProgress notes how many rows of a batch have been read.
func (db *store) setImportProgress(ctx context.Context, pemda string, id, rows int64) error {
	_, err := db.Pool().Exec(ctx, `UPDATE import_batch SET rows_read = $3 WHERE pemda = $1 AND id = $2`, pemda, id, rows)
	return database.MapError("set import progress", err)
}

// saveImportProblems replaces the stored problems of a batch.
func (db *store) saveImportProblems(ctx context.Context, pemda string, id int64, problems []Problem) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
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
	return database.MapError("save import problems", err)
}

// importProblems returns a page of a batch's problems, in row order.
func (db *store) importProblems(ctx context.Context, pemda string, id int64, offset, limit int) ([]Problem, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT line, col, message FROM import_problem WHERE pemda = $1 AND batch_id = $2
		ORDER BY seq OFFSET $3 LIMIT $4`, pemda, id, offset, limit)
	ps, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Problem])
	return ps, database.MapError("list import problems", err)
}

// importBatchByID returns one batch of a Pemda.
func (db *store) importBatchByID(ctx context.Context, pemda string, id int64) (Batch, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT `+batchColumns+` FROM import_batch WHERE pemda = $1 AND id = $2`, pemda, id)
	b, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByPos[Batch])
	return b, database.MapError("find import batch", err)
}

// importBatches lists a Pemda's batches, newest first, and how many there are.
func (db *store) importBatches(ctx context.Context, pemda string, offset, limit int) ([]Batch, int64, error) {
	var total int64
	if err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM import_batch WHERE pemda = $1`, pemda).Scan(&total); err != nil {
		return nil, 0, database.MapError("count import batches", err)
	}
	rows, _ := db.Pool().Query(ctx, `SELECT `+batchColumns+` FROM import_batch WHERE pemda = $1
		ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3`, pemda, offset, limit)
	bs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Batch])
	return bs, total, database.MapError("list import batches", err)
}

// lastImportOf finds the latest batch that wrote a file with this checksum.
func (db *store) lastImportOf(ctx context.Context, pemda, kind, checksum string) (Batch, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT `+batchColumns+` FROM import_batch
		WHERE pemda = $1 AND kind = $2 AND checksum = $3 AND status IN ('imported', 'unchanged')
		ORDER BY finished_at DESC LIMIT 1`, pemda, kind, checksum)
	b, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByPos[Batch])
	return b, database.MapError("find previous import", err)
}

// renewLease extends the lease of a batch that is still queued or running.
func (db *store) renewLease(ctx context.Context, pemda string, id int64) error {
	_, err := db.Pool().Exec(ctx, `UPDATE import_batch SET lease_until = now() + $3::interval
		WHERE pemda = $1 AND id = $2 AND status IN ('queued', 'checking', 'importing')`, pemda, id, leaseTime.String())
	return database.MapError("renew import lease", err)
}

// confirmImport moves a checked batch that can be imported to queued, in
// one statement; a batch in any other state is domain.ErrConflict.
func (db *store) confirmImport(ctx context.Context, pemda string, id int64) (Batch, error) {
	rows, _ := db.Pool().Query(ctx, `
		UPDATE import_batch SET status = 'queued', rows_read = 0, lease_until = now() + $3::interval
		WHERE pemda = $1 AND id = $2 AND status = 'checked' AND error_count = 0 AND upload_token IS NOT NULL
		  AND new_rows + updated_rows > 0
		RETURNING `+batchColumns, pemda, id, leaseTime.String())
	b, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByPos[Batch])
	if errors.Is(err, pgx.ErrNoRows) {
		return b, fmt.Errorf("imports: batch %d is not waiting for confirmation: %w", id, domain.ErrConflict)
	}
	return b, database.MapError("confirm import", err)
}

// markStaleImports marks as failed the queued and running batches whose
// lease ran out: the process that held them died (killed, or the machine
// stopped), and its transaction rolled back.
func (db *store) markStaleImports(ctx context.Context) (int64, error) {
	tag, err := db.Pool().Exec(ctx, `
		UPDATE import_batch SET status = 'failed', finished_at = now(), upload_token = NULL,
			message = 'Impor terhenti karena proses berhenti di tengah jalan; tidak ada data yang berubah. Unggah ulang berkasnya.'
		WHERE status IN ('queued', 'checking', 'importing') AND lease_until < now()`)
	return tag.RowsAffected(), database.MapError("mark stale imports", err)
}
