package contributions

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// findingsSQL is the per-worker reconciliation of one coverage month, as
// (kind, worker_id, kpj, nik, name, billed, expected, bill_no, line).
// $1 Pemda, $2 the month's first day, $3 its last day, $4 JKM, $5 JKK at
// the lowest band, $6 the lowest band. A line is matched to the registry
// by NIK, else by KPJ; the first line of a worker (by bill and line) is
// judged, the others are duplicates.
const findingsSQL = `
	WITH lines AS MATERIALIZED (
		SELECT l.id, l.bill_no, l.line, l.kpj, l.nik, l.name, l.amount, coalesce(wn.id, wk.id) AS worker_id
		FROM bill_line l` + lineWorker + `
		WHERE l.pemda = $1 AND l.coverage_month = $2
	), spells AS MATERIALIZED (
		SELECT e.worker_id,
		       bool_or(e.start_date <= $2 AND coalesce(e.end_date >= $3, true)) AS whole,
		       bool_or(coalesce(e.end_date >= $2, true)) AS any_day,
		       bool_and(coalesce(e.end_date < $2, false)) AS ended
		FROM enrollment e WHERE e.pemda = $1 AND e.start_date <= $3
		GROUP BY e.worker_id
	), ranked AS (
		SELECT l.*, row_number() OVER (PARTITION BY coalesce(l.worker_id::text, l.nik) ORDER BY l.bill_no, l.line, l.id) AS n
		FROM lines l
	), findings AS (
		SELECT CASE WHEN r.n > 1 THEN 'duplicate_line'
		            WHEN r.worker_id IS NULL THEN 'billed_not_registered'
		            WHEN s.any_day THEN CASE WHEN r.amount = $4 + greatest(w.income, $6) * $5 / $6
		                                     THEN 'matched' ELSE 'amount_mismatch' END
		            WHEN s.ended THEN 'billed_after_end'
		            ELSE 'billed_not_registered' END AS kind,
		       r.worker_id, r.kpj, r.nik, r.name, r.amount AS billed,
		       CASE WHEN r.n = 1 AND s.any_day THEN $4 + greatest(w.income, $6) * $5 / $6 ELSE 0 END AS expected,
		       r.bill_no, r.line
		FROM ranked r
		LEFT JOIN spells s ON s.worker_id = r.worker_id
		LEFT JOIN worker w ON w.pemda = $1 AND w.id = r.worker_id
		UNION ALL
		SELECT 'registered_not_billed', w.id, coalesce(w.kpj, ''), w.nik, w.name, 0,
		       $4 + greatest(w.income, $6) * $5 / $6, '', 0
		FROM spells s JOIN worker w ON w.pemda = $1 AND w.id = s.worker_id
		WHERE s.whole AND NOT EXISTS (SELECT 1 FROM lines l WHERE l.worker_id = s.worker_id)
	)`

// lineWorker joins a bill line l with the worker it names: wn by NIK, and
// else wk by KPJ (the first such worker).
const lineWorker = `
	LEFT JOIN worker wn ON wn.pemda = l.pemda AND wn.nik = l.nik
	LEFT JOIN LATERAL (
		SELECT w.id FROM worker w WHERE wn.id IS NULL AND w.pemda = l.pemda AND w.kpj = l.kpj ORDER BY w.id LIMIT 1
	) wk ON true`

// findingsOrder lists findings by kind, as ReconKinds does, then by name.
const findingsOrder = ` ORDER BY array_position(ARRAY['billed_not_registered', 'billed_after_end', 'amount_mismatch',
	'duplicate_line', 'registered_not_billed', 'matched'], kind), name, nik, bill_no, line`

// reconArgs are the arguments of findingsSQL for month m at rate r.
func reconArgs(pemda string, m domain.Month, r domain.Rate) []any {
	return []any{pemda, m.First(), m.Last(), int64(r.JKM), int64(r.JKK), int64(domain.DefaultIncome)}
}

// reconciliation tallies the kinds of month m and returns a page of the
// findings of one kind (all kinds when kind is ""); none when limit is 0.
func (db *store) reconciliation(ctx context.Context, pemda string, m domain.Month, rate domain.Rate, kind ReconKind,
	offset, limit int) (Reconciliation, error) {
	rc := Reconciliation{Month: m, Rate: rate, HasRate: true}
	args := reconArgs(pemda, m, rate)
	rows, _ := db.Reader(ctx).Query(ctx, findingsSQL+`
		SELECT kind, count(*), sum(billed)::bigint, sum(expected)::bigint FROM findings GROUP BY kind`, args...)
	tallies, err := pgx.CollectRows(rows, pgx.RowToStructByPos[KindTally])
	if err != nil {
		return rc, database.MapError("reconciliation tallies", err)
	}
	for _, k := range ReconKinds {
		t := KindTally{Kind: k}
		for _, found := range tallies {
			if found.Kind == k {
				t = found
			}
		}
		rc.Tallies = append(rc.Tallies, t)
	}
	if limit <= 0 {
		return rc, nil
	}
	rows, _ = db.Reader(ctx).Query(ctx, findingsSQL+`
		SELECT kind, coalesce(worker_id, 0), kpj, nik, name, billed, expected, bill_no, line FROM findings
		WHERE $7 = '' OR kind = $7`+findingsOrder+database.Page(offset, limit), append(args, string(kind))...)
	rc.Findings, err = pgx.CollectRows(rows, pgx.RowToStructByPos[Finding])
	return rc, database.MapError("reconciliation findings", err)
}

// eachFinding calls fn for every finding of month m of one kind (all when
// kind is ""), in the page's order, without holding them in memory.
func (db *store) eachFinding(ctx context.Context, pemda string, m domain.Month, rate domain.Rate, kind ReconKind,
	fn func(Finding) error) error {
	err := db.Stream(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, findingsSQL+`
			SELECT kind, coalesce(worker_id, 0), kpj, nik, name, billed, expected, bill_no, line FROM findings
			WHERE $7 = '' OR kind = $7`+findingsOrder, append(reconArgs(pemda, m, rate), string(kind))...)
		var f Finding
		_, err := pgx.ForEachRow(rows, []any{&f.Kind, &f.WorkerID, &f.KPJ, &f.NIK, &f.Name, &f.Billed, &f.Expected, &f.BillNo, &f.Line},
			func() error { return fn(f) })
		return err
	})
	return database.MapError("export reconciliation", err)
}
