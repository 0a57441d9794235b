package analysis

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// store is the SQL of the analysis views: it reads the per-month aggregates
// that the schema's triggers keep exact, and the registry's tables.
type store struct{ *database.DB }

// balanceSQL reads the balance of many periods from the monthly aggregates.
// The definitions are Balance's: contributions and paid claims dated
// in the period (by the basis's date), and workers covered on the period's
// last day, the running sum of the roster's month-end changes.
const balanceSQL = `
	WITH p AS (
		SELECT i, from_m, to_m FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS p (from_m, to_m, i)
	), c AS MATERIALIZED (
		SELECT month, sum(paid) AS paid FROM agg_contribution
		WHERE pemda = $1 AND basis = $4 AND month BETWEEN (SELECT min(from_m) FROM p) AND (SELECT max(to_m) FROM p)
		GROUP BY month
	), k AS MATERIALIZED (
		SELECT month, sum(amount) FILTER (WHERE status = 'dibayar') AS amount, sum(claims) FILTER (WHERE status = 'dibayar') AS claims,
		       sum(amount) FILTER (WHERE status <> 'ditolak') AS incurred
		FROM agg_claim_total
		WHERE pemda = $1 AND basis = $4
		  AND month BETWEEN (SELECT min(from_m) FROM p) AND (SELECT max(to_m) FROM p)
		GROUP BY month
	), r AS MATERIALIZED (
		SELECT month, sum(d_end) OVER (ORDER BY month) AS active FROM agg_roster_total
		WHERE pemda = $1 AND month <= (SELECT max(to_m) FROM p)
	)
	SELECT
		(SELECT coalesce(sum(paid), 0) FROM c WHERE c.month BETWEEN p.from_m AND p.to_m),
		(SELECT coalesce(sum(amount), 0) FROM k WHERE k.month BETWEEN p.from_m AND p.to_m),
		(SELECT coalesce(sum(claims), 0) FROM k WHERE k.month BETWEEN p.from_m AND p.to_m),
		coalesce((SELECT active FROM r WHERE r.month <= p.to_m ORDER BY r.month DESC LIMIT 1), 0),
		(SELECT coalesce(sum(CASE $4 WHEN 'cash' THEN amount ELSE incurred END), 0) FROM k WHERE k.month BETWEEN p.from_m AND p.to_m)
	FROM p ORDER BY p.i`

// series computes the balance of each period, in order, from the monthly
// aggregates.
func (db *store) series(ctx context.Context, pemda string, periods []domain.Period, basis domain.Basis) ([]Balance, error) {
	return db.querySeries(ctx, balanceSQL, pemda, periods, basis)
}

// directBalanceSQL computes the same figures straight from the base tables.
// It is the reference the aggregates are tested against, and what the
// benchmark compares them with.
const directBalanceSQL = `
	WITH p AS (
		SELECT i, from_m, to_m, (to_m + interval '1 month - 1 day')::date AS end_on
		FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS p (from_m, to_m, i)
	)
	SELECT
		(SELECT coalesce(sum(c.paid), 0) FROM contribution c
		  WHERE c.pemda = $1 AND CASE $4 WHEN 'cash' THEN c.paid_on ELSE c.coverage_month END BETWEEN p.from_m AND p.end_on),
		(SELECT coalesce(sum(k.amount), 0) FROM claim k
		  WHERE k.pemda = $1 AND k.status = 'dibayar'
		    AND CASE $4 WHEN 'cash' THEN k.paid_on ELSE k.incident_on END BETWEEN p.from_m AND p.end_on),
		(SELECT count(*) FROM claim k
		  WHERE k.pemda = $1 AND k.status = 'dibayar'
		    AND CASE $4 WHEN 'cash' THEN k.paid_on ELSE k.incident_on END BETWEEN p.from_m AND p.end_on),
		(SELECT count(*) FROM enrollment e
		  WHERE e.pemda = $1 AND e.start_date <= p.end_on AND (e.end_date IS NULL OR e.end_date >= p.end_on)),
		(SELECT coalesce(sum(k.amount), 0) FROM claim k
		  WHERE k.pemda = $1 AND CASE $4 WHEN 'cash' THEN k.status = 'dibayar' ELSE k.status <> 'ditolak' END
		    AND CASE $4 WHEN 'cash' THEN k.paid_on ELSE k.incident_on END BETWEEN p.from_m AND p.end_on)
	FROM p ORDER BY p.i`

// directSeries is series computed from the base tables without the
// aggregates: slower, and the reference for tests and benchmarks.
func (db *store) directSeries(ctx context.Context, pemda string, periods []domain.Period, basis domain.Basis) ([]Balance, error) {
	return db.querySeries(ctx, directBalanceSQL, pemda, periods, basis)
}

func (db *store) querySeries(ctx context.Context, sql, pemda string, periods []domain.Period, basis domain.Basis) ([]Balance, error) {
	if len(periods) == 0 {
		return nil, nil
	}
	froms := make([]time.Time, len(periods))
	tos := make([]time.Time, len(periods))
	for i, p := range periods {
		froms[i], tos[i] = p.From.First(), p.To.First()
	}
	rows, _ := db.Reader(ctx).Query(ctx, sql, pemda, froms, tos, string(basis))
	i := 0
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Balance, error) {
		b := Balance{Period: periods[i], Basis: basis}
		i++
		err := row.Scan(&b.ContributionsPaid, &b.ClaimsPaid, &b.ClaimsCount, &b.ActiveWorkers, &b.Claims)
		if basis == domain.BasisCash {
			b.Contributions = b.ContributionsPaid
		}
		return b, err
	})
	return out, database.MapError("balance", err)
}

// dataYears lists the years, newest first, in which any contribution was
// paid or any claim happened.
func (db *store) dataYears(ctx context.Context, pemda string) ([]int, error) {
	rows, _ := db.Reader(ctx).Query(ctx, `
		SELECT DISTINCT extract(year FROM month)::int AS y FROM (
			SELECT month FROM agg_contribution WHERE pemda = $1 AND basis = 'cash' AND payments <> 0
			UNION ALL
			SELECT month FROM agg_claim_total WHERE pemda = $1 AND basis = 'accrual' AND claims <> 0
		) t ORDER BY y DESC`, pemda)
	years, err := pgx.CollectRows(rows, pgx.RowTo[int])
	return years, database.MapError("data years", err)
}

// activeOn counts the workers covered on day d: those covered at the end of
// the month before (from the roster aggregate), plus the spells that began
// since and still cover d, minus those covering that month end that ended
// before d. Both corrections read only the month's changes.
func (db *store) activeOn(ctx context.Context, pemda string, d time.Time) (int64, error) {
	n, err := db.activeOnEach(ctx, []string{pemda}, d)
	return n[pemda], err
}

// activeOnEach is activeOn for each of many Pemda, in one query.
func (db *store) activeOnEach(ctx context.Context, pemdas []string, d time.Time) (map[string]int64, error) {
	first := domain.MonthOf(d).First()
	rows, _ := db.Reader(ctx).Query(ctx, `
		SELECT p.code,
		       coalesce((SELECT sum(d_end) FROM agg_roster_total WHERE pemda = p.code AND month < $2), 0)
		     + (SELECT count(*) FROM enrollment WHERE pemda = p.code AND start_date >= $2 AND start_date <= $3
		          AND (end_date IS NULL OR end_date >= $3))
		     - (SELECT count(*) FROM enrollment WHERE pemda = p.code AND end_date >= $2 - 1 AND end_date < $3
		          AND start_date < $2)
		FROM unnest($1::text[]) AS p (code)`, pemdas, first, d)
	return countsByPemda(rows, "active workers")
}

// countsByPemda collects rows of (Pemda, count) into a map.
func countsByPemda(rows pgx.Rows, what string) (map[string]int64, error) {
	out := map[string]int64{}
	var code string
	var n int64
	_, err := pgx.ForEachRow(rows, []any{&code, &n}, func() error {
		out[code] = n
		return nil
	})
	return out, database.MapError(what, err)
}

// directActiveOn counts the workers covered on day d from the base table.
func (db *store) directActiveOn(ctx context.Context, pemda string, d time.Time) (int64, error) {
	var n int64
	err := db.Reader(ctx).QueryRow(ctx, `SELECT count(*) FROM enrollment
		WHERE pemda = $1 AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2)`, pemda, d).Scan(&n)
	return n, database.MapError("active workers", err)
}
