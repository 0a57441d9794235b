package analysis

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/platform/database"
)

// recomputeSQL recomputes each aggregate table from its base table, with
// the same grouping the triggers use. Keys are pemda-first, as in the tables.
var recomputeSQL = map[string]struct{ keys, values, query string }{
	"agg_contribution": {
		keys:   "pemda, basis, month",
		values: "payments, paid, billed, billed_count, participants",
		query: `SELECT c.pemda, b.basis, b.month, count(c.paid) AS payments, coalesce(sum(c.paid), 0)::bigint AS paid,
			sum(coalesce(c.billed, 0))::bigint AS billed, count(c.billed) AS billed_count,
			sum(coalesce(c.participants, 0))::bigint AS participants
			FROM contribution c,
			     LATERAL (VALUES ('cash', date_trunc('month', c.paid_on)::date), ('accrual', c.coverage_month)) b (basis, month)
			WHERE b.month IS NOT NULL
			GROUP BY 1, 2, 3`,
	},
	"agg_claim": {
		keys:   "pemda, basis, month, type, status, category_code, kelurahan_code",
		values: "claims, amount",
		query: `SELECT k.pemda, b.basis, b.month, k.type, k.status, k.category_code, k.kelurahan_code,
			count(*) AS claims, sum(k.amount)::bigint AS amount
			FROM claim k,
			     LATERAL (VALUES ('cash', date_trunc('month', k.paid_on)::date),
			                     ('accrual', date_trunc('month', k.incident_on)::date)) b (basis, month)
			WHERE b.month IS NOT NULL
			GROUP BY 1, 2, 3, 4, 5, 6, 7`,
	},
	"agg_claim_total": {
		keys:   "pemda, basis, month, type, status",
		values: "claims, amount",
		query: `SELECT k.pemda, b.basis, b.month, k.type, k.status, count(*) AS claims, sum(k.amount)::bigint AS amount
			FROM claim k,
			     LATERAL (VALUES ('cash', date_trunc('month', k.paid_on)::date),
			                     ('accrual', date_trunc('month', k.incident_on)::date)) b (basis, month)
			WHERE b.month IS NOT NULL
			GROUP BY 1, 2, 3, 4, 5`,
	},
	"agg_roster_total": {
		keys:   "pemda, month",
		values: "d_end, d_any",
		query: `SELECT e.pemda, d.month, sum(d.d_end)::bigint AS d_end, sum(d.d_any)::bigint AS d_any
			FROM enrollment e, LATERAL roster_deltas(e.start_date, e.end_date) d
			GROUP BY 1, 2`,
	},
	"agg_roster_income": {
		keys:   "pemda, month, income",
		values: "d_any",
		query: `SELECT e.pemda, d.month, e.income, sum(d.d_any)::bigint AS d_any
			FROM enrollment e, LATERAL roster_deltas(e.start_date, e.end_date) d
			GROUP BY 1, 2, 3`,
	},
	"agg_bill": {
		keys:   "pemda, month",
		values: "lines, amount",
		query: `SELECT l.pemda, l.coverage_month AS month, count(*) AS lines, sum(l.amount)::bigint AS amount
			FROM bill_line l GROUP BY 1, 2`,
	},
	"agg_roster": {
		keys:   "pemda, month, category_code, kelurahan_code",
		values: "d_end, d_any",
		query: `SELECT e.pemda, d.month, e.category_code, e.kelurahan_code, sum(d.d_end)::bigint AS d_end, sum(d.d_any)::bigint AS d_any
			FROM enrollment e, LATERAL roster_deltas(e.start_date, e.end_date) d
			GROUP BY 1, 2, 3, 4`,
	},
}

// checkAggregates compares every monthly aggregate with a fresh computation
// over the base tables and describes each difference; none means exact.
// Rows whose figures are all zero count as absent.
func (db *store) checkAggregates(ctx context.Context) ([]string, error) {
	var diffs []string
	for table, q := range recomputeSQL {
		sql := fmt.Sprintf(`
			WITH fresh AS (SELECT * FROM (%[1]s) x WHERE (%[4]s) <> (%[5]s))
			SELECT format('%%s (%%s): stored (%%s), computed (%%s)', '%[2]s', concat_ws(', ', %[3]s),
			              concat_ws(', ', s.*), concat_ws(', ', f.*))
			FROM (SELECT * FROM %[2]s WHERE (%[4]s) <> (%[5]s)) s
			FULL JOIN fresh f USING (%[3]s)
			WHERE (s.*) IS DISTINCT FROM (f.*)`,
			q.query, table, q.keys, q.values, zeros(q.values))
		rows, _ := db.Pool().Query(ctx, sql)
		found, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return nil, database.MapError("check aggregates", err)
		}
		diffs = append(diffs, found...)
	}
	return diffs, nil
}

// rebuildAggregates recomputes every monthly aggregate from the base tables,
// in one transaction.
func (db *store) rebuildAggregates(ctx context.Context) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		for table, q := range recomputeSQL {
			if _, err := tx.Exec(ctx, `LOCK TABLE `+table+` IN EXCLUSIVE MODE`); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `DELETE FROM `+table); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO `+table+` (`+q.keys+`, `+q.values+`) `+q.query); err != nil {
				return err
			}
		}
		return nil
	})
	return database.MapError("rebuild aggregates", err)
}

// zeros is a row of zeros as long as a value column list.
func zeros(values string) string {
	n := 1
	for _, c := range values {
		if c == ',' {
			n++
		}
	}
	out := "0"
	for i := 1; i < n; i++ {
		out += ", 0"
	}
	return out
}
