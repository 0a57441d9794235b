package analysis

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// openDataSQL reads, from the monthly aggregates, each month's workers
// covered at its end and the claims paid in it, per kecamatan and category.
const openDataSQL = `
WITH deltas AS (
	SELECT k.kecamatan_code, a.category_code, a.month, sum(a.d_end) AS d
	FROM agg_roster a JOIN kelurahan k ON k.pemda = a.pemda AND k.code = a.kelurahan_code
	WHERE a.pemda = $1 AND a.month <= $3
	GROUP BY 1, 2, 3
), grid AS (
	SELECT c.kecamatan_code, c.category_code, m::date AS month
	FROM (SELECT DISTINCT kecamatan_code, category_code FROM deltas) c,
		generate_series($2::date, $3::date, interval '1 month') AS m
), active AS (
	SELECT g.kecamatan_code, g.category_code, g.month,
		(SELECT coalesce(sum(d.d), 0) FROM deltas d WHERE d.kecamatan_code = g.kecamatan_code
			AND d.category_code = g.category_code AND d.month <= g.month) AS active
	FROM grid g
), paid AS (
	SELECT k.kecamatan_code, a.category_code, a.month, sum(a.claims) AS claims, sum(a.amount) AS amount
	FROM agg_claim a JOIN kelurahan k ON k.pemda = a.pemda AND k.code = a.kelurahan_code
	WHERE a.pemda = $1 AND a.basis = 'cash' AND a.status = 'dibayar' AND a.month BETWEEN $2 AND $3
	GROUP BY 1, 2, 3
)
SELECT a.month, a.kecamatan_code, kc.name, a.category_code, c.name, a.active::bigint,
	coalesce(p.claims, 0)::bigint, coalesce(p.amount, 0)::bigint
FROM active a
JOIN kecamatan kc ON kc.pemda = $1 AND kc.code = a.kecamatan_code
JOIN category c ON c.pemda = $1 AND c.code = a.category_code
LEFT JOIN paid p USING (kecamatan_code, category_code, month)
ORDER BY a.month, a.kecamatan_code, c.sort_order, a.category_code`

// openData reads a Pemda's open-data cells for the months of a period.
func (db *store) openData(ctx context.Context, pemda string, p domain.Period) ([]OpenDataRow, error) {
	rows, _ := db.Pool().Query(ctx, openDataSQL, pemda, p.From.First(), p.To.First())
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (OpenDataRow, error) {
		var r OpenDataRow
		var month time.Time
		err := row.Scan(&month, &r.KecamatanCode, &r.Kecamatan, &r.CategoryCode, &r.Category, &r.activeRaw, &r.claims, &r.amountRaw)
		r.Month = domain.MonthOf(month)
		r.suppress()
		return r, err
	})
	return out, database.MapError("read open data", err)
}
