package contributions

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/sync/errgroup"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// billingSQL reads, for each Pemda ($1; all of them in $5) and coverage
// month ($2, the first $6) given with its due date ($3), the roster (running sums of the month-end and any-day
// changes), BPJS's bill lines from their aggregate, and from the small
// contribution table the stated bill and what was paid by the as-of day
// ($4) and by the due date.
const billingSQL = `
	WITH m AS (
		SELECT pemda, month, due FROM unnest($1::text[], $2::date[], $3::date[]) AS m (pemda, month, due)
	), r AS MATERIALIZED (
		SELECT pemda, month, sum(sum(d_any)) OVER w AS roster_any, sum(sum(d_end)) OVER w AS roster_end
		FROM (
			SELECT pemda, greatest(month, $6) AS month, d_any, d_end FROM agg_roster_total -- earlier months as one
			WHERE pemda = ANY ($5) AND month <= (SELECT max(month) FROM m)
			UNION ALL
			SELECT pemda, month, 0, 0 FROM m
		) c
		GROUP BY pemda, month
		WINDOW w AS (PARTITION BY pemda ORDER BY month)
	), p AS (
		SELECT c.pemda, c.coverage_month AS month, max(c.billed) AS tagihan,
		       max(c.participants) FILTER (WHERE c.billed IS NOT NULL) AS participants,
		       count(c.paid) FILTER (WHERE c.paid_on <= $4) AS payments,
		       sum(c.paid) FILTER (WHERE c.paid_on <= $4) AS paid,
		       sum(c.paid) FILTER (WHERE c.paid_on <= least(m.due, $4)) AS by_due,
		       min(c.paid_on) FILTER (WHERE c.paid_on <= $4) AS first_on,
		       max(c.paid_on) FILTER (WHERE c.paid_on <= $4) AS last_on
		FROM contribution c JOIN m ON m.pemda = c.pemda AND m.month = c.coverage_month
		WHERE c.pemda = ANY ($5)
		GROUP BY c.pemda, c.coverage_month, m.due
	)
	SELECT m.pemda, coalesce(r.roster_any, 0), coalesce(r.roster_end, 0), coalesce(b.lines, 0), coalesce(b.amount, 0),
	       p.tagihan, coalesce(p.participants, 0), coalesce(p.payments, 0), coalesce(p.paid, 0), coalesce(p.by_due, 0),
	       p.first_on, p.last_on
	FROM m
	LEFT JOIN r ON r.pemda = m.pemda AND r.month = m.month
	LEFT JOIN agg_bill b ON b.pemda = m.pemda AND b.month = m.month
	LEFT JOIN p ON p.pemda = m.pemda AND p.month = m.month
	ORDER BY m.pemda, m.month`

// ledgers reads the ledger of the coverage months from through to of each
// of many Pemda, judged on day asOf, with each month's due date by the
// Pemda's rule and its expected bill at the rate in force by the workers'
// reported incomes: two queries whatever the number of Pemda.
func (db *store) ledgers(ctx context.Context, pemdas []string, from, to domain.Month, asOf time.Time,
	rules map[string]domain.DueRule, rates map[string]domain.RateTable) (map[string][]BillingMonth, error) {
	out := make(map[string][]BillingMonth, len(pemdas))
	if to < from || len(pemdas) == 0 {
		return out, nil
	}
	pemdas = slices.Sorted(slices.Values(pemdas)) // the order of the rows
	n := len(pemdas) * int(to-from+1)
	codes, firsts, dues := make([]string, 0, n), make([]time.Time, 0, n), make([]time.Time, 0, n)
	for _, p := range pemdas {
		months := make([]BillingMonth, 0, to-from+1)
		for m := from; m <= to; m++ {
			b := BillingMonth{Month: m, AsOf: asOf, Due: rules[p].Due(m)}
			b.Rate, b.HasRate = rates[p].At(m)
			months = append(months, b)
			codes, firsts, dues = append(codes, p), append(firsts, m.First()), append(dues, b.Due)
		}
		out[p] = months
	}
	// Many Pemda are planned for the arrays at hand (a generic plan cannot
	// see their length and joins 6.000 months of 500 Pemda row by row); one
	// Pemda, on every dashboard, keeps its prepared plan.
	mode := pgx.QueryExecModeCacheStatement
	if len(pemdas) > 1 {
		mode = pgx.QueryExecModeDescribeExec
	}
	// The bills and payments, and the roster by income, fill different
	// fields of the months: read both at once.
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		rows, _ := db.Reader(gctx).Query(gctx, billingSQL, mode, codes, firsts, dues, asOf, pemdas, from.First())
		defer rows.Close()
		for i := 0; rows.Next(); i++ {
			var pemda string
			var first, last *time.Time
			b := &out[codes[i]][domain.MonthOf(firsts[i])-from]
			if err := rows.Scan(&pemda, &b.RosterAny, &b.RosterEnd, &b.BillLines, &b.BillAmount, &b.Tagihan, &b.TagihanParticipants,
				&b.Payments, &b.Paid, &b.PaidByDue, &first, &last); err != nil {
				return database.MapError("billing months", err)
			}
			if first != nil {
				b.FirstPaidOn, b.LastPaidOn = *first, *last
			}
		}
		return database.MapError("billing months", rows.Err())
	})
	g.Go(func() error { return db.expected(gctx, pemdas, from, to, out) })
	if err := g.Wait(); err != nil {
		return nil, err
	}
	for _, months := range out {
		markRuns(months)
	}
	return out, nil
}

// incomeChange is a change of the billable roster at one income in a
// month (exported fields: pgx fills them by position).
type incomeChange struct {
	Pemda  string
	Month  time.Time
	Income domain.Rupiah
	Delta  int64
}

// expected fills each month's expected bill from the billable roster by
// reported income: the running count of each income up to the month, at
// the month's rate for that income.
func (db *store) expected(ctx context.Context, pemdas []string, from, to domain.Month, ledgers map[string][]BillingMonth) error {
	rows, _ := db.Reader(ctx).Query(ctx, `
		SELECT pemda, greatest(month, $3) AS month, income, sum(d_any) -- months before the first as one
		FROM agg_roster_income WHERE pemda = ANY ($1) AND month <= $2 AND d_any <> 0
		GROUP BY 1, 2, 3 HAVING sum(d_any) <> 0 ORDER BY pemda, month`, pemdas, to.First(), from.First())
	changes, err := pgx.CollectRows(rows, pgx.RowToStructByPos[incomeChange])
	if err != nil {
		return database.MapError("roster by income", err)
	}
	for lo := 0; lo < len(changes); {
		hi := lo + 1
		for hi < len(changes) && changes[hi].Pemda == changes[lo].Pemda {
			hi++
		}
		expectBills(ledgers[changes[lo].Pemda], changes[lo:hi])
		lo = hi
	}
	return nil
}

// expectBills fills the months' expected bills from one Pemda's changes of
// the roster by income, oldest first.
func expectBills(months []BillingMonth, changes []incomeChange) {
	count := map[domain.Rupiah]int64{}
	next := 0
	for i := range months {
		m := &months[i]
		for ; next < len(changes) && domain.MonthOf(changes[next].Month) <= m.Month; next++ {
			count[changes[next].Income] += changes[next].Delta
		}
		if !m.HasRate {
			continue
		}
		for income, n := range count {
			m.Expected += domain.Rupiah(n) * m.Rate.For(income)
		}
	}
}

// firstLedgerMonth is the first coverage month with a bill line or an iuran row.
func (db *store) firstLedgerMonth(ctx context.Context, pemda string) (domain.Month, bool, error) {
	var first *time.Time
	err := db.Reader(ctx).QueryRow(ctx, `
		SELECT least((SELECT min(month) FROM agg_bill WHERE pemda = $1 AND lines <> 0),
		             (SELECT min(coverage_month) FROM contribution WHERE pemda = $1))`, pemda).Scan(&first)
	if err != nil || first == nil {
		return 0, false, database.MapError("first ledger month", err)
	}
	return domain.MonthOf(*first), true, nil
}

// bills lists the bills of the coverage months from through to.
func (db *store) bills(ctx context.Context, pemda string, from, to domain.Month) ([]Bill, error) {
	rows, _ := db.Reader(ctx).Query(ctx, `
		SELECT coverage_month, bill_no, count(*), sum(amount)::bigint, max(created_at)
		FROM bill_line WHERE pemda = $1 AND coverage_month BETWEEN $2 AND $3
		GROUP BY 1, 2 ORDER BY 1, 2`, pemda, from.First(), to.First())
	bs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Bill, error) {
		var b Bill
		var month time.Time
		err := row.Scan(&month, &b.BillNo, &b.Lines, &b.Amount, &b.Imported)
		b.Month = domain.MonthOf(month)
		return b, err
	})
	return bs, database.MapError("list bills", err)
}

// billLines returns a page of the bill lines of month m, by bill and line,
// with the worker each names (by NIK, else KPJ), and their count.
func (db *store) billLines(ctx context.Context, pemda string, m domain.Month, offset, limit int) ([]BillLine, int64, error) {
	var n int64
	if err := db.Reader(ctx).QueryRow(ctx, `SELECT count(*) FROM bill_line WHERE pemda = $1 AND coverage_month = $2`,
		pemda, m.First()).Scan(&n); err != nil {
		return nil, 0, database.MapError("count bill lines", err)
	}
	rows, _ := db.Reader(ctx).Query(ctx, `
		SELECT l.id, l.bill_no, l.line, l.kpj, l.nik, l.name, l.income, l.amount, l.jkk, l.jkm, l.note,
		       coalesce(wn.id, wk.id, 0)
		FROM bill_line l`+lineWorker+`
		WHERE l.pemda = $1 AND l.coverage_month = $2
		ORDER BY l.bill_no, l.line, l.id`+database.Page(offset, limit), pemda, m.First())
	ls, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (BillLine, error) {
		l := BillLine{Month: m}
		err := row.Scan(&l.ID, &l.BillNo, &l.Line, &l.KPJ, &l.NIK, &l.Name, &l.Income, &l.Amount, &l.JKK, &l.JKM, &l.Note, &l.WorkerID)
		return l, err
	})
	return ls, n, database.MapError("list bill lines", err)
}

// ledgerYears lists the years, newest first, of the coverage months with a
// bill line or an iuran row.
func (db *store) ledgerYears(ctx context.Context, pemda string) ([]int, error) {
	rows, _ := db.Reader(ctx).Query(ctx, `
		SELECT DISTINCT extract(year FROM month)::int AS y FROM (
			SELECT month FROM agg_bill WHERE pemda = $1 AND lines <> 0
			UNION ALL
			SELECT month FROM agg_contribution WHERE pemda = $1 AND basis = 'accrual' AND (payments <> 0 OR billed_count <> 0)
		) t ORDER BY y DESC`, pemda)
	years, err := pgx.CollectRows(rows, pgx.RowTo[int])
	return years, database.MapError("ledger years", err)
}
