package postgres

import (
	"context"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

const claimStage = `
	CREATE TEMP TABLE stage (
		line integer, claim_no text, nik text, type text, incident_on date, submitted_on date, paid_on date,
		amount bigint, status text, beneficiary text, note text
	) ON COMMIT DROP`

var claimChecks = []string{
	`SELECT s.line, 'nik', format('NIK %s belum terdaftar sebagai peserta; impor data peserta terlebih dahulu', s.nik)
	 FROM stage s WHERE NOT EXISTS (SELECT 1 FROM worker w WHERE w.pemda = $1 AND w.nik = s.nik)`,
	`SELECT s.line, 'no_klaim', format('nomor klaim %s sudah ada di baris %s', s.claim_no, s.first)
	 FROM (SELECT line, claim_no, min(line) OVER (PARTITION BY claim_no) AS first FROM stage WHERE claim_no IS NOT NULL) s
	 WHERE s.line <> s.first`,
	`SELECT s.line, 'tanggal_kejadian',
	        format('klaim %s untuk NIK %s dengan tanggal kejadian %s sudah ada di baris %s; beri nomor klaim bila keduanya benar',
	               s.type, s.nik, to_char(s.incident_on, 'DD/MM/YYYY'), s.first)
	 FROM (SELECT line, nik, type, incident_on, min(line) OVER (PARTITION BY nik, type, incident_on) AS first
	       FROM stage WHERE claim_no IS NULL) s
	 WHERE s.line <> s.first`,
}

// claimValues are the columns a claim row sets besides its keys.
const claimValues = `submitted_on, paid_on, amount, status, beneficiary, note`

// claimMatch pairs a staged claim with its worker and the stored claim it
// updates: the same claim number, or without one the same worker, type and
// incident date.
const claimMatch = `
	JOIN worker w ON w.pemda = $1 AND w.nik = s.nik
	LEFT JOIN claim k ON k.pemda = $1
	     AND ((s.claim_no IS NOT NULL AND k.claim_no = s.claim_no)
	       OR (s.claim_no IS NULL AND k.claim_no IS NULL AND k.worker_id = w.id AND k.type = s.type AND k.incident_on = s.incident_on))`

var claimCounts = `
	SELECT count(*) FILTER (WHERE k.id IS NULL),
	       count(*) FILTER (WHERE k.id IS NOT NULL AND changed),
	       count(*) FILTER (WHERE k.id IS NOT NULL AND NOT changed)
	FROM (
		SELECT k.id, (k.worker_id, k.type, k.incident_on, ` + qualify("k", claimValues) + `)
		             IS DISTINCT FROM (w.id, s.type, s.incident_on, ` + qualify("s", claimValues) + `) AS changed
		FROM stage s` + claimMatch + `
	) k`

var claimMerge = []string{
	`WITH old AS (
		SELECT k.* FROM claim k WHERE k.pemda = $1 AND k.claim_no IN (SELECT claim_no FROM stage)
	), up AS (
		INSERT INTO claim AS k (pemda, claim_no, worker_id, category_code, kelurahan_code, type, incident_on, ` + claimValues + `)
		SELECT $1, s.claim_no, w.id, w.category_code, w.kelurahan_code, s.type, s.incident_on, ` + qualify("s", claimValues) + `
		FROM stage s JOIN worker w ON w.pemda = $1 AND w.nik = s.nik WHERE s.claim_no IS NOT NULL
		ON CONFLICT (pemda, claim_no) WHERE claim_no IS NOT NULL DO UPDATE SET
			worker_id = EXCLUDED.worker_id, category_code = EXCLUDED.category_code, kelurahan_code = EXCLUDED.kelurahan_code,
			type = EXCLUDED.type, incident_on = EXCLUDED.incident_on, submitted_on = EXCLUDED.submitted_on,
			paid_on = EXCLUDED.paid_on, amount = EXCLUDED.amount, status = EXCLUDED.status,
			beneficiary = EXCLUDED.beneficiary, note = EXCLUDED.note, updated_at = now()
		WHERE (k.worker_id, k.type, k.incident_on, ` + qualify("k", claimValues) + `)
		      IS DISTINCT FROM (EXCLUDED.worker_id, EXCLUDED.type, EXCLUDED.incident_on, ` + qualify("EXCLUDED", claimValues) + `)
		RETURNING k.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("claim"),
	`WITH old AS (
		SELECT k.* FROM claim k JOIN worker w ON w.pemda = k.pemda AND w.id = k.worker_id
		WHERE k.pemda = $1 AND k.claim_no IS NULL AND w.nik IN (SELECT nik FROM stage)
	), up AS (
		INSERT INTO claim AS k (pemda, worker_id, category_code, kelurahan_code, type, incident_on, ` + claimValues + `)
		SELECT $1, w.id, w.category_code, w.kelurahan_code, s.type, s.incident_on, ` + qualify("s", claimValues) + `
		FROM stage s JOIN worker w ON w.pemda = $1 AND w.nik = s.nik WHERE s.claim_no IS NULL
		ON CONFLICT (pemda, worker_id, type, incident_on) WHERE claim_no IS NULL DO UPDATE SET
			submitted_on = EXCLUDED.submitted_on, paid_on = EXCLUDED.paid_on, amount = EXCLUDED.amount,
			status = EXCLUDED.status, beneficiary = EXCLUDED.beneficiary, note = EXCLUDED.note, updated_at = now()
		WHERE (` + qualify("k", claimValues) + `) IS DISTINCT FROM (` + qualify("EXCLUDED", claimValues) + `)
		RETURNING k.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("claim"),
}

// ImportClaims checks a claims file and, unless it is a dry run or anything
// is wrong, writes it: a claim with the same number (without one: the same
// worker, type and incident date) updates the stored one. Every claim's NIK
// must be a registered worker.
func (db *DB) ImportClaims(ctx context.Context, actor domain.Actor, rows ClaimRows, opt ImportOptions) (ImportOutcome, error) {
	spec := importSpec{
		kind: "claims", label: "klaim", stage: claimStage, checks: claimChecks, counts: claimCounts, merge: claimMerge,
		columns: []string{"line", "claim_no", "nik", "type", "incident_on", "submitted_on", "paid_on", "amount", "status",
			"beneficiary", "note"},
		values: func() []any {
			line, c := rows.Claim()
			return []any{line, database.NullString(c.No), string(c.NIK), string(c.Type), c.IncidentOn, database.NullDate(c.SubmittedOn),
				database.NullDate(c.PaidOn), int64(c.Amount), string(c.Status), c.Beneficiary, c.Note}
		},
	}
	return db.runImport(ctx, actor, spec, rows, opt)
}
