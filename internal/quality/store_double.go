package quality

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// doubleFundingSQL finds the NIKs with spells in two Pemda of $1 that
// overlap each other within [$2, $3], with the months of the overlaps.
const doubleFundingSQL = `
WITH spells AS (
	SELECT w.nik, w.name, e.pemda,
		daterange(e.start_date, e.end_date, '[]') * daterange($2::date, $3::date, '[]') AS r
	FROM enrollment e JOIN worker w ON w.pemda = e.pemda AND w.id = e.worker_id
	WHERE e.pemda = ANY($1) AND e.start_date <= $3 AND (e.end_date IS NULL OR e.end_date >= $2)
), pairs AS (
	SELECT a.nik, a.pemda AS pa, a.name AS na, b.pemda AS pb, b.name AS nb, a.r * b.r AS r
	FROM spells a JOIN spells b ON a.nik = b.nik AND a.pemda < b.pemda AND a.r && b.r
), pemdas AS (
	SELECT nik, array_agg(pemda ORDER BY pemda) AS pemdas, array_agg(name ORDER BY pemda) AS names
	FROM (SELECT DISTINCT nik, pa AS pemda, na AS name FROM pairs UNION SELECT nik, pb, nb FROM pairs) p
	GROUP BY nik
), months AS (
	SELECT nik, array_agg(DISTINCT m::date ORDER BY m::date) AS months
	FROM pairs, generate_series(date_trunc('month', lower(r)), upper(r) - 1, interval '1 month') AS m
	GROUP BY nik
)
SELECT p.nik, p.pemdas, p.names, m.months FROM pemdas p JOIN months m USING (nik) ORDER BY p.nik`

// doubleFunding lists the NIKs covered by two or more of the Pemda in the
// same months of the period.
func (db *store) doubleFunding(ctx context.Context, pemdas []string, p domain.Period) ([]DoubleFunding, error) {
	rows, _ := db.Pool().Query(ctx, doubleFundingSQL, pemdas, p.Start(), p.End())
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (DoubleFunding, error) {
		var d DoubleFunding
		var nik string
		var months []time.Time
		err := row.Scan(&nik, &d.Pemdas, &d.Names, &months)
		d.NIK = domain.NIK(nik)
		for _, m := range months {
			d.Months = append(d.Months, domain.MonthOf(m))
		}
		return d, err
	})
	return out, database.MapError("find double funding", err)
}
