package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
)

// Balance computes the contribution-versus-claim balance of one period.
func (db *DB) Balance(ctx context.Context, pemda string, p domain.Period, basis domain.Basis) (domain.Balance, error) {
	bs, err := db.BalanceSeries(ctx, pemda, []domain.Period{p}, basis)
	if err != nil {
		return domain.Balance{}, err
	}
	return bs[0], nil
}

// balanceSQL computes the balance of many periods at once. The definitions
// are domain.Balance's: contributions and paid claims dated in the period
// (the date column depends on the basis), and workers with a spell covering
// the period's last day. Spells of one worker never overlap, so counting
// spells counts workers.
const balanceSQL = `
	WITH p AS (
		SELECT i, start_on, end_on FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS p(start_on, end_on, i)
	)
	SELECT
		(SELECT coalesce(sum(c.paid), 0) FROM contribution c
		  WHERE c.pemda = $1 AND c.{{cdate}} BETWEEN p.start_on AND p.end_on),
		(SELECT coalesce(sum(k.amount), 0) FROM claim k
		  WHERE k.pemda = $1 AND k.status = 'dibayar' AND k.{{kdate}} BETWEEN p.start_on AND p.end_on),
		(SELECT count(*) FROM claim k
		  WHERE k.pemda = $1 AND k.status = 'dibayar' AND k.{{kdate}} BETWEEN p.start_on AND p.end_on),
		(SELECT count(*) FROM enrollment e
		  WHERE e.pemda = $1 AND e.start_date <= p.end_on AND (e.end_date IS NULL OR e.end_date >= p.end_on))
	FROM p ORDER BY p.i`

// basisColumns names the date columns a basis counts by.
func basisColumns(b domain.Basis) (contribution, claim string) {
	if b == domain.BasisAccrual {
		return "coverage_month", "incident_on"
	}
	return "paid_on", "paid_on"
}

// BalanceSeries computes the balance of each period, in order.
func (db *DB) BalanceSeries(ctx context.Context, pemda string, periods []domain.Period, basis domain.Basis) ([]domain.Balance, error) {
	starts := make([]time.Time, len(periods))
	ends := make([]time.Time, len(periods))
	for i, p := range periods {
		starts[i], ends[i] = p.Start(), p.End()
	}
	cdate, kdate := basisColumns(basis)
	sql := expand(balanceSQL, map[string]string{"cdate": cdate, "kdate": kdate})
	rows, _ := db.pool.Query(ctx, sql, pemda, starts, ends)
	i := 0
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.Balance, error) {
		b := domain.Balance{Period: periods[i], Basis: basis}
		i++
		err := row.Scan(&b.ContributionsPaid, &b.ClaimsPaid, &b.ClaimsCount, &b.ActiveWorkers)
		return b, err
	})
	return out, mapError("balance", err)
}

// DataYears lists the years, newest first, in which any contribution was
// paid or any claim happened.
func (db *DB) DataYears(ctx context.Context, pemda string) ([]int, error) {
	rows, _ := db.pool.Query(ctx, `
		SELECT y FROM (
			SELECT DISTINCT extract(year FROM paid_on)::int AS y FROM contribution WHERE pemda = $1
			UNION
			SELECT DISTINCT extract(year FROM incident_on)::int FROM claim WHERE pemda = $1
		) t ORDER BY y DESC`, pemda)
	years, err := pgx.CollectRows(rows, pgx.RowTo[int])
	return years, mapError("data years", err)
}
