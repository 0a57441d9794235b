package analysis

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// reconciliationSQL reads, for each coverage month given with its due
// date, the roster (running sums of the month-end and any-day changes),
// the bills and payments from the accrual aggregate, and from the small
// contribution table what was paid by the due date and when.
const reconciliationSQL = `
	WITH m AS (
		SELECT month, due FROM unnest($2::date[], $3::date[]) AS m (month, due)
	), r AS MATERIALIZED (
		SELECT month, sum(d_any) OVER w AS roster_any, sum(d_end) OVER w AS roster_end
		FROM agg_roster_total WHERE pemda = $1 AND month <= (SELECT max(month) FROM m)
		WINDOW w AS (ORDER BY month)
	), p AS (
		SELECT c.coverage_month AS month, sum(c.paid) FILTER (WHERE c.paid_on <= m.due) AS by_due,
		       min(c.paid_on) AS first_on, max(c.paid_on) AS last_on
		FROM contribution c JOIN m ON m.month = c.coverage_month
		WHERE c.pemda = $1
		GROUP BY c.coverage_month
	)
	SELECT coalesce(r.roster_any, 0), coalesce(r.roster_end, 0),
	       coalesce(a.billed_count, 0), coalesce(a.billed, 0), coalesce(a.participants, 0),
	       coalesce(a.payments, 0), coalesce(a.paid, 0), coalesce(p.by_due, 0), p.first_on, p.last_on
	FROM m
	LEFT JOIN LATERAL (SELECT roster_any, roster_end FROM r WHERE r.month <= m.month ORDER BY r.month DESC LIMIT 1) r ON true
	LEFT JOIN agg_contribution a ON a.pemda = $1 AND a.basis = 'accrual' AND a.month = m.month
	LEFT JOIN p ON p.month = m.month
	ORDER BY m.month`

// reconciliation compares, for each coverage month of a period, the
// roster's expected billing at the rate in force with what BPJS billed and
// what was paid.
func (db *store) reconciliation(ctx context.Context, pemda string, p domain.Period, rates domain.RateTable) ([]ReconMonth, error) {
	months := p.Months()
	firsts, dues := make([]time.Time, len(months)), make([]time.Time, len(months))
	for i, m := range months {
		firsts[i], dues[i] = m.First(), DueDate(m)
	}
	rows, _ := db.Pool().Query(ctx, reconciliationSQL, pemda, firsts, dues)
	i := 0
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (ReconMonth, error) {
		m := ReconMonth{Month: months[i]}
		i++
		m.Rate, m.HasRate = rates.At(m.Month)
		var first, last *time.Time
		err := row.Scan(&m.RosterAny, &m.RosterEnd, &m.Bills, &m.Billed, &m.BilledParticipants,
			&m.Payments, &m.Paid, &m.PaidByDue, &first, &last)
		if first != nil {
			m.FirstPaidOn, m.LastPaidOn = *first, *last
		}
		return m, err
	})
	return out, database.MapError("reconciliation", err)
}

// endedSpells lists the spells that ended as meninggal or nonaktif from
// day from through day to, with who and where, by end date: the workers
// BPJS may still be billing. It reads at most limit rows.
func (db *store) endedSpells(ctx context.Context, pemda string, from, to time.Time, limit int) ([]EndedSpell, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT w.id, w.nik, w.name, c.name, k.name, e.end_date, e.status
		FROM enrollment e
		JOIN worker w ON w.pemda = e.pemda AND w.id = e.worker_id
		JOIN category c ON c.pemda = e.pemda AND c.code = e.category_code
		JOIN kelurahan k ON k.pemda = e.pemda AND k.code = e.kelurahan_code
		WHERE e.pemda = $1 AND e.end_date BETWEEN $2 AND $3 AND e.status IN ('meninggal', 'nonaktif')
		ORDER BY e.end_date, w.name, w.id
		LIMIT $4`, pemda, from, to, limit)
	spells, err := pgx.CollectRows(rows, pgx.RowToStructByPos[EndedSpell])
	return spells, database.MapError("ended spells", err)
}
