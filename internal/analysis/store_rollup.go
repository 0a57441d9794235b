package analysis

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// PemdaBalance is one Pemda's figures of a period, from its aggregates: on
// the cash basis its Balance for a period that has ended; the accrual
// basis's contributions (dues) and today's active workers are left to
// Rollup, as complete leaves them to BalanceSeries.
type PemdaBalance struct {
	Pemda string
	Balance
}

// pemdaBalancesSQL reads, for each Pemda of $1, what balanceSQL reads for
// one: contributions paid and claims dated in the months $2–$3 on basis $4,
// and the workers covered at the end of month $3.
const pemdaBalancesSQL = `
	WITH c AS (
		SELECT pemda, sum(paid) AS paid FROM agg_contribution
		WHERE pemda = ANY ($1) AND basis = $4 AND month BETWEEN $2 AND $3 GROUP BY pemda
	), k AS (
		SELECT pemda, sum(amount) FILTER (WHERE status = 'dibayar') AS amount, sum(claims) FILTER (WHERE status = 'dibayar') AS claims,
		       sum(amount) FILTER (WHERE status <> 'ditolak') AS incurred
		FROM agg_claim_total WHERE pemda = ANY ($1) AND basis = $4 AND month BETWEEN $2 AND $3 GROUP BY pemda
	), r AS (
		SELECT pemda, sum(d_end) AS active FROM agg_roster_total WHERE pemda = ANY ($1) AND month <= $3 GROUP BY pemda
	)
	SELECT p.code, coalesce(c.paid, 0), coalesce(k.amount, 0), coalesce(k.claims, 0), coalesce(r.active, 0),
	       coalesce(CASE $4 WHEN 'cash' THEN k.amount ELSE k.incurred END, 0)
	FROM unnest($1::text[]) AS p (code)
	LEFT JOIN c ON c.pemda = p.code LEFT JOIN k ON k.pemda = p.code LEFT JOIN r ON r.pemda = p.code
	ORDER BY p.code`

// pemdaBalances reads the figures of many Pemda in one query, sorted by code.
func (db *store) pemdaBalances(ctx context.Context, pemdas []string, p domain.Period, basis domain.Basis) ([]PemdaBalance, error) {
	rows, _ := db.Reader(ctx).Query(ctx, pemdaBalancesSQL, pemdas, p.From.First(), p.To.First(), string(basis))
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (PemdaBalance, error) {
		b := PemdaBalance{Balance: Balance{Period: p, Basis: basis}}
		err := row.Scan(&b.Pemda, &b.ContributionsPaid, &b.ClaimsPaid, &b.ClaimsCount, &b.ActiveWorkers, &b.Claims)
		if basis == domain.BasisCash {
			b.Contributions = b.ContributionsPaid
		}
		return b, err
	})
	return out, database.MapError("pemda balances", err)
}
