package analysis

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// budgetColumns is the column list budgetRow scans.
const budgetColumns = `fiscal_year, revision, label, ceiling, document, coalesce(decided_on, '0001-01-01'::date), note`

// budgets lists the pagu versions of a fiscal year, the original APBD first.
func (db *store) budgets(ctx context.Context, pemda string, year int) ([]Budget, error) {
	rows, _ := db.Reader(ctx).Query(ctx, `SELECT `+budgetColumns+` FROM budget WHERE pemda = $1 AND fiscal_year = $2 ORDER BY revision`, pemda, year)
	bs, err := pgx.CollectRows(rows, budgetRow)
	return bs, database.MapError("list budgets", err)
}

func budgetRow(row pgx.CollectableRow) (Budget, error) {
	var b Budget
	err := row.Scan(&b.FiscalYear, &b.Revision, &b.Label, &b.Ceiling, &b.Document, &b.DecidedOn, &b.Note)
	if b.DecidedOn.Year() == 1 {
		b.DecidedOn = time.Time{}
	}
	return b, err
}

// addBudget adds a pagu version to a fiscal year as its next revision, and
// returns it with the revision it got.
func (db *store) addBudget(ctx context.Context, actor domain.Actor, b Budget) (Budget, error) {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO budget (pemda, fiscal_year, revision, label, ceiling, document, decided_on, note)
			SELECT $1, $2, coalesce(max(revision) + 1, 0), $3, $4, $5, $6, $7
			FROM budget WHERE pemda = $1 AND fiscal_year = $2
			RETURNING revision`,
			actor.Pemda, b.FiscalYear, b.Label, int64(b.Ceiling), b.Document, database.NullDate(b.DecidedOn), b.Note).Scan(&b.Revision)
		if err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "create", "budget", budgetID(b), "Pagu ditambahkan: "+b.Label+" "+b.Ceiling.String(), nil, b)
	})
	return b, database.MapError("add budget", err)
}

// updateBudget changes an existing pagu version, found by year and revision.
func (db *store) updateBudget(ctx context.Context, actor domain.Actor, b Budget) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+budgetColumns+` FROM budget WHERE pemda = $1 AND fiscal_year = $2 AND revision = $3 FOR UPDATE`,
			actor.Pemda, b.FiscalYear, b.Revision)
		old, err := pgx.CollectExactlyOneRow(rows, budgetRow)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `
			UPDATE budget SET label = $4, ceiling = $5, document = $6, decided_on = $7, note = $8, updated_at = now()
			WHERE pemda = $1 AND fiscal_year = $2 AND revision = $3`,
			actor.Pemda, b.FiscalYear, b.Revision, b.Label, int64(b.Ceiling), b.Document, database.NullDate(b.DecidedOn), b.Note)
		if err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "update", "budget", budgetID(b), "Pagu diubah: "+b.Label+" "+b.Ceiling.String(), old, b)
	})
	return database.MapError("update budget", err)
}

// budgetID names a pagu version in the audit log, "2024/1".
func budgetID(b Budget) string {
	return strconv.Itoa(b.FiscalYear) + "/" + strconv.Itoa(b.Revision)
}

// budgetView gathers the budget view of a fiscal year: its pagu versions,
// and realisasi by SP2D month and payments by coverage month. through is
// the last month the headline figures count.
func (db *store) budgetView(ctx context.Context, pemda string, year int, through domain.Month, today time.Time) (BudgetView, error) {
	r := BudgetView{Year: year, Through: through, Today: today}
	var err error
	if r.Versions, err = db.budgets(ctx, pemda, year); err != nil {
		return r, err
	}
	rows, _ := db.Reader(ctx).Query(ctx, `
		SELECT m.month::date, coalesce(c.paid, 0), coalesce(a.paid, 0)
		FROM generate_series($2::date, $3::date, interval '1 month') AS m (month)
		LEFT JOIN agg_contribution c ON c.pemda = $1 AND c.basis = 'cash' AND c.month = m.month
		LEFT JOIN agg_contribution a ON a.pemda = $1 AND a.basis = 'accrual' AND a.month = m.month
		ORDER BY m.month`, pemda, domain.NewMonth(year, time.January).First(), domain.NewMonth(year, time.December).First())
	r.Months, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (BudgetMonth, error) {
		var m BudgetMonth
		var first time.Time
		err := row.Scan(&first, &m.Realized, &m.CoveragePaid)
		m.Month = domain.MonthOf(first)
		return m, err
	})
	if err != nil {
		return r, database.MapError("budget months", err)
	}
	err = db.Reader(ctx).QueryRow(ctx, `SELECT coalesce(sum(paid), 0) FROM contribution
		WHERE pemda = $1 AND paid_on BETWEEN $2::date AND least($3::date, $4::date)`,
		pemda, domain.Date(year, time.January, 1), today, domain.Date(year, time.December, 31)).Scan(&r.SoFar)
	return r, database.MapError("realisasi so far", err)
}
