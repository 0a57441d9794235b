package analysis

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// claimSummarySQL sorts the monthly claim aggregates of a Pemda into the
// three groups of ClaimSummary: paid in the period on the basis,
// still in process with an incident up to the period's end, and rejected
// with an incident in the period. Every claim has exactly one accrual row,
// so pending and rejected claims are counted once.
const claimSummarySQL = `
	SELECT grp, type, status, sum(claims), sum(amount) FROM (
		SELECT type, status, claims, amount, CASE
			WHEN basis = $4 AND status = 'dibayar' AND month >= $2 THEN 'paid'
			WHEN basis = 'accrual' AND status IN ('diajukan', 'diproses') THEN 'pending'
			WHEN basis = 'accrual' AND status = 'ditolak' AND month >= $2 THEN 'rejected'
		END AS grp
		FROM agg_claim_total WHERE pemda = $1 AND month <= $3
	) g
	WHERE grp IS NOT NULL
	GROUP BY grp, type, status`

// claimSummary counts the claims of a period by type: paid, in process and rejected.
func (db *store) claimSummary(ctx context.Context, pemda string, p domain.Period, basis domain.Basis) (ClaimSummary, error) {
	s := ClaimSummary{Period: p, Basis: basis}
	rows, _ := db.Reader(ctx).Query(ctx, claimSummarySQL, pemda, p.From.First(), p.To.First(), string(basis))
	var paid, pending []ClaimTally
	_, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (struct{}, error) {
		var grp string
		var t ClaimTally
		if err := row.Scan(&grp, &t.Type, &t.Status, &t.Count, &t.Amount); err != nil {
			return struct{}{}, err
		}
		switch grp {
		case "paid":
			paid = append(paid, t)
		case "pending":
			pending = append(pending, t)
		default:
			s.Rejected.Count += t.Count
			s.Rejected.Amount += t.Amount
		}
		return struct{}{}, nil
	})
	s.Paid, s.Pending = CompleteByType(paid), SortPending(pending)
	return s, database.MapError("claim summary", err)
}

// saldoBefore is the saldo of every month before month m on a basis, the
// cumulative saldo at the start of m. On the cash basis: payments minus
// paid claims. On the accrual basis it is only minus the claims incurred
// (not rejected): the service adds the months' contributions due.
func (db *store) saldoBefore(ctx context.Context, pemda string, m domain.Month, basis domain.Basis) (domain.Rupiah, error) {
	var saldo domain.Rupiah
	err := db.Reader(ctx).QueryRow(ctx, `
		SELECT CASE $3 WHEN 'cash' THEN (SELECT coalesce(sum(paid), 0) FROM agg_contribution WHERE pemda = $1 AND basis = $3 AND month < $2)
		       ELSE 0 END
		     - (SELECT coalesce(sum(amount), 0) FROM agg_claim_total WHERE pemda = $1 AND basis = $3 AND month < $2
		          AND CASE $3 WHEN 'cash' THEN status = 'dibayar' ELSE status <> 'ditolak' END)`,
		pemda, m.First(), string(basis)).Scan(&saldo)
	return saldo, database.MapError("saldo before", err)
}
