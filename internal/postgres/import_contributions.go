package postgres

import (
	"context"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

const contributionStage = `
	CREATE TEMP TABLE stage (
		line integer, coverage_month date, participants bigint, billed bigint, paid bigint, paid_on date,
		sp2d_no text, note text
	) ON COMMIT DROP`

var contributionChecks = []string{
	`SELECT s.line, 'no_sp2d',
	        format('pembayaran iuran %s dengan SP2D %s sudah ada di baris %s', to_char(s.coverage_month, 'MM/YYYY'), s.sp2d_no, s.first)
	 FROM (SELECT line, coverage_month, sp2d_no, min(line) OVER (PARTITION BY coverage_month, sp2d_no) AS first
	       FROM stage WHERE sp2d_no IS NOT NULL) s
	 WHERE s.line <> s.first`,
	`SELECT s.line, 'dibayar',
	        format('pembayaran iuran %s tanpa SP2D dengan tanggal dan jumlah yang sama sudah ada di baris %s',
	               to_char(s.coverage_month, 'MM/YYYY'), s.first)
	 FROM (SELECT line, coverage_month, min(line) OVER (PARTITION BY coverage_month, paid_on, paid) AS first
	       FROM stage WHERE sp2d_no IS NULL) s
	 WHERE s.line <> s.first`,
}

// contributionMatch pairs a staged payment with the stored one it updates:
// the same month and SP2D number, or without one the same month, date and
// amount.
const contributionMatch = `
	LEFT JOIN contribution c ON c.pemda = $1 AND c.coverage_month = s.coverage_month
	     AND ((s.sp2d_no IS NOT NULL AND c.sp2d_no = s.sp2d_no)
	       OR (s.sp2d_no IS NULL AND c.sp2d_no IS NULL AND c.paid_on = s.paid_on AND c.paid = s.paid))`

const contributionCounts = `
	SELECT count(*) FILTER (WHERE c.id IS NULL),
	       count(*) FILTER (WHERE c.id IS NOT NULL AND changed),
	       count(*) FILTER (WHERE c.id IS NOT NULL AND NOT changed)
	FROM (
		SELECT c.id, (c.participants, c.billed, c.paid, c.paid_on, c.note)
		             IS DISTINCT FROM (s.participants, s.billed, s.paid, s.paid_on, s.note) AS changed
		FROM stage s` + contributionMatch + `
	) c`

var contributionMerge = []string{
	`WITH old AS (
		SELECT c.* FROM contribution c WHERE c.pemda = $1 AND c.coverage_month IN (SELECT coverage_month FROM stage)
	), up AS (
		INSERT INTO contribution AS c (pemda, coverage_month, participants, billed, paid, paid_on, sp2d_no, note)
		SELECT $1, coverage_month, participants, billed, paid, paid_on, sp2d_no, note FROM stage WHERE sp2d_no IS NOT NULL
		ON CONFLICT (pemda, coverage_month, sp2d_no) WHERE sp2d_no IS NOT NULL DO UPDATE SET
			participants = EXCLUDED.participants, billed = EXCLUDED.billed, paid = EXCLUDED.paid,
			paid_on = EXCLUDED.paid_on, note = EXCLUDED.note, updated_at = now()
		WHERE (c.participants, c.billed, c.paid, c.paid_on, c.note)
		      IS DISTINCT FROM (EXCLUDED.participants, EXCLUDED.billed, EXCLUDED.paid, EXCLUDED.paid_on, EXCLUDED.note)
		RETURNING c.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("contribution"),
	`WITH old AS (
		SELECT c.* FROM contribution c WHERE c.pemda = $1 AND c.coverage_month IN (SELECT coverage_month FROM stage)
	), up AS (
		INSERT INTO contribution AS c (pemda, coverage_month, participants, billed, paid, paid_on, sp2d_no, note)
		SELECT $1, coverage_month, participants, billed, paid, paid_on, sp2d_no, note FROM stage WHERE sp2d_no IS NULL
		ON CONFLICT (pemda, coverage_month, paid_on, paid) WHERE sp2d_no IS NULL DO UPDATE SET
			participants = EXCLUDED.participants, billed = EXCLUDED.billed, note = EXCLUDED.note, updated_at = now()
		WHERE (c.participants, c.billed, c.note) IS DISTINCT FROM (EXCLUDED.participants, EXCLUDED.billed, EXCLUDED.note)
		RETURNING c.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("contribution"),
}

// ImportContributions checks a payments file and, unless it is a dry run or
// anything is wrong, writes it: a payment with the same month and SP2D
// number (without one: the same month, date and amount) updates the stored
// one.
func (db *DB) ImportContributions(ctx context.Context, actor domain.Actor, rows ContributionRows, opt ImportOptions) (ImportOutcome, error) {
	spec := importSpec{
		kind: "contributions", label: "iuran", stage: contributionStage, checks: contributionChecks,
		counts: contributionCounts, merge: contributionMerge,
		columns: []string{"line", "coverage_month", "participants", "billed", "paid", "paid_on", "sp2d_no", "note"},
		values: func() []any {
			line, c := rows.Contribution()
			var billed *int64
			if c.Billed != nil {
				v := int64(*c.Billed)
				billed = &v
			}
			return []any{line, c.CoverageMonth.First(), c.Participants, billed, int64(c.Paid), c.PaidOn, database.NullString(c.SP2D), c.Note}
		},
	}
	return db.runImport(ctx, actor, spec, rows, opt)
}
