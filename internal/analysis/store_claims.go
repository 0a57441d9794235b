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
	rows, _ := db.Pool().Query(ctx, claimSummarySQL, pemda, p.From.First(), p.To.First(), string(basis))
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

// saldoBefore is the saldo (contributions minus paid claims) of every month
// before month m, on a basis: the cumulative saldo at the start of m.
func (db *store) saldoBefore(ctx context.Context, pemda string, m domain.Month, basis domain.Basis) (domain.Rupiah, error) {
	var saldo domain.Rupiah
	err := db.Pool().QueryRow(ctx, `
		SELECT (SELECT coalesce(sum(paid), 0) FROM agg_contribution WHERE pemda = $1 AND basis = $3 AND month < $2)
		     - (SELECT coalesce(sum(amount), 0) FROM agg_claim_total WHERE pemda = $1 AND basis = $3 AND status = 'dibayar' AND month < $2)`,
		pemda, m.First(), string(basis)).Scan(&saldo)
	return saldo, database.MapError("saldo before", err)
}

// balanceView gathers the balance view of a period: the balance, the
// same period a year earlier, the period split by granularity, the saldo
// carried in from earlier months and the claims by type.
func (db *store) balanceView(ctx context.Context, pemda string, p domain.Period, basis domain.Basis, by domain.Granularity) (BalanceView, error) {
	parts := p.Split(by)
	series, err := db.series(ctx, pemda, append([]domain.Period{p, p.YearEarlier()}, parts...), basis)
	if err != nil {
		return BalanceView{}, err
	}
	r := BalanceView{Balance: series[0], YearEarlier: series[1], By: by, Series: series[2:]}
	if r.Opening, err = db.saldoBefore(ctx, pemda, p.From, basis); err != nil {
		return r, err
	}
	r.Claims, err = db.claimSummary(ctx, pemda, p, basis)
	return r, err
}
