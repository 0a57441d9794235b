package contributions

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// store is the SQL of the feature's records.
type store struct{ *database.DB }

// ContributionFilter narrows the list of contribution payments; empty
// fields do not filter.
type ContributionFilter struct {
	Text             string       // part of the SP2D number or the note
	From, To         domain.Month // coverage months, inclusive; 0 for open
	PaidFrom, PaidTo time.Time    // payment (SP2D) dates, inclusive
	Sort             string       // month (default), paid_on, paid, billed, sp2d
	Desc             bool
}

// ContributionTotals are the count and sums of the payments that match.
type ContributionTotals struct {
	Count       int64
	Paid        domain.Rupiah
	Billed      domain.Rupiah // of the payments whose billed amount is known
	BilledCount int64
}

var contributionSorts = database.Sorts{
	"month": {"c.coverage_month", "c.paid_on"}, "paid_on": {"c.paid_on"}, "paid": {"c.paid"}, "billed": {"c.billed"},
	"sp2d": {"c.sp2d_no"},
}

func (f ContributionFilter) where(pemda string) *database.Conditions {
	c := database.NewConditions("c.pemda", pemda)
	if f.Text != "" {
		c.Add(`(c.sp2d_no ILIKE '%' || ? || '%' OR c.note ILIKE '%' || ? || '%')`, database.LikeEscape(f.Text))
	}
	if f.From != 0 {
		c.Add(`c.coverage_month >= ?::date`, f.From.First())
	}
	if f.To != 0 {
		c.Add(`c.coverage_month <= ?::date`, f.To.First())
	}
	if !f.PaidFrom.IsZero() {
		c.Add(`c.paid_on >= ?::date`, f.PaidFrom)
	}
	if !f.PaidTo.IsZero() {
		c.Add(`c.paid_on <= ?::date`, f.PaidTo)
	}
	return c
}

const contributionColumns = `c.id, c.coverage_month, c.participants, c.billed, c.paid, c.paid_on, coalesce(c.sp2d_no, '') AS sp2d_no, c.note`

type contributionRow struct {
	ID            int64
	CoverageMonth time.Time
	Participants  *int64
	Billed        *domain.Rupiah
	Paid          *domain.Rupiah
	PaidOn        *time.Time
	SP2DNo        string
	Note          string
}

func (r contributionRow) contribution() Contribution {
	c := Contribution{ID: r.ID, CoverageMonth: domain.MonthOf(r.CoverageMonth), Participants: r.Participants,
		Billed: r.Billed, SP2D: r.SP2DNo, Note: r.Note}
	if r.Paid != nil && r.PaidOn != nil {
		c.Paid, c.PaidOn = *r.Paid, *r.PaidOn
	}
	return c
}

// contributions returns a page of the payments that match, and their totals.
func (db *store) contributions(ctx context.Context, pemda string, f ContributionFilter, offset, limit int) ([]Contribution, ContributionTotals, error) {
	c := f.where(pemda)
	var t ContributionTotals
	err := db.Reader(ctx).QueryRow(ctx, `SELECT count(*), coalesce(sum(c.paid), 0), coalesce(sum(c.billed), 0), count(c.billed)
		FROM contribution c WHERE `+c.Where(), c.Args()...).Scan(&t.Count, &t.Paid, &t.Billed, &t.BilledCount)
	if err != nil {
		return nil, t, database.MapError("count contributions", err)
	}
	rows, _ := db.Reader(ctx).Query(ctx, `SELECT `+contributionColumns+` FROM contribution c WHERE `+c.Where()+
		` ORDER BY `+contributionSorts.OrderBy(f.Sort, "month", f.Desc, "c.id")+database.Page(offset, limit), c.Args()...)
	rs, err := pgx.CollectRows(rows, pgx.RowToStructByName[contributionRow])
	out := make([]Contribution, len(rs))
	for i, r := range rs {
		out[i] = r.contribution()
	}
	return out, t, database.MapError("list contributions", err)
}

// eachContribution calls fn for every matching payment in the list's order,
// without holding them in memory (for exports).
func (db *store) eachContribution(ctx context.Context, pemda string, f ContributionFilter, fn func(Contribution) error) error {
	c := f.where(pemda)
	err := db.Stream(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+contributionColumns+` FROM contribution c WHERE `+c.Where()+
			` ORDER BY `+contributionSorts.OrderBy(f.Sort, "month", f.Desc, "c.id"), c.Args()...)
		var r contributionRow
		_, err := pgx.ForEachRow(rows, []any{&r.ID, &r.CoverageMonth, &r.Participants, &r.Billed, &r.Paid, &r.PaidOn, &r.SP2DNo, &r.Note},
			func() error { return fn(r.contribution()) })
		return err
	})
	return database.MapError("export contributions", err)
}

// contribution returns one payment.
func (db *store) contribution(ctx context.Context, pemda string, id int64) (Contribution, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT `+contributionColumns+` FROM contribution c WHERE c.pemda = $1 AND c.id = $2`, pemda, id)
	r, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[contributionRow])
	return r.contribution(), database.MapError("find contribution", err)
}

// contributionConflicts explain the unique keys of a payment, in the words
// of the import's checks.
func contributionConflicts(c Contribution) map[string][2]string {
	month := c.CoverageMonth.First().Format("01/2006")
	return map[string][2]string{
		"contribution_sp2d_key": {"no_sp2d", "pembayaran iuran " + month + " dengan SP2D " + c.SP2D + " sudah tercatat"},
		"contribution_nosp2d_key": {"dibayar", "pembayaran iuran " + month +
			" tanpa SP2D dengan tanggal dan jumlah yang sama sudah tercatat; isi nomor SP2D bila keduanya benar"},
		"contribution_unpaid_key": {"tagihan", "tagihan iuran " + month + " yang belum dibayar sudah tercatat; ubah baris itu"},
	}
}

// contributionArgs are the Pemda and the stored values of a payment, $1 to $8.
func contributionArgs(pemda string, c Contribution) []any {
	var billed *int64
	if c.Billed != nil {
		v := int64(*c.Billed)
		billed = &v
	}
	var paid *int64
	if !c.Unpaid() {
		v := int64(c.Paid)
		paid = &v
	}
	return []any{pemda, c.CoverageMonth.First(), c.Participants, billed, paid, database.NullDate(c.PaidOn), database.NullString(c.SP2D), c.Note}
}

// createContribution records a payment.
func (db *store) createContribution(ctx context.Context, actor domain.Actor, c Contribution) (Contribution, error) {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var row map[string]any
		err := tx.QueryRow(ctx, `
			INSERT INTO contribution AS c (pemda, coverage_month, participants, billed, paid, paid_on, sp2d_no, note)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING c.id, `+audit.JSONOf("c"),
			contributionArgs(actor.Pemda, c)...).Scan(&c.ID, &row)
		if err != nil {
			return database.ConflictOf(err, contributionConflicts(c))
		}
		return audit.Write(ctx, tx, actor, "create", "contribution", c.ID, rowName(c)+" ditambahkan", nil, row)
	})
	return c, database.MapError("create contribution", err)
}

// updateContribution corrects a payment.
func (db *store) updateContribution(ctx context.Context, actor domain.Actor, c Contribution) (Contribution, error) {
	change := audit.RowChange{Table: "contribution", ID: c.ID, Summary: rowName(c) + " diubah",
		Conflicts: contributionConflicts(c)}
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		return change.Run(ctx, tx, actor, `
			UPDATE contribution AS c SET coverage_month = $2, participants = $3, billed = $4, paid = $5, paid_on = $6,
				sp2d_no = $7, note = $8, updated_at = now()
			WHERE pemda = $1 AND id = $9 RETURNING `+audit.JSONOf("c"),
			append(contributionArgs(actor.Pemda, c), c.ID)...)
	})
	return c, database.MapError("update contribution", err)
}

// deleteContribution removes a payment entered by mistake.
func (db *store) deleteContribution(ctx context.Context, actor domain.Actor, id int64) error {
	return audit.DeleteRow(ctx, db.DB, actor, "contribution", id, func(old map[string]any) string {
		if old["paid_on"] == nil {
			month, _ := old["coverage_month"].(string)
			if t, err := time.Parse(time.DateOnly, month); err == nil {
				month = domain.MonthOf(t).Label()
			}
			return "Tagihan iuran " + month + " yang belum dibayar dihapus"
		}
		return "Pembayaran iuran dengan tanggal bayar " + audit.Day(old["paid_on"]) + " dihapus"
	})
}

// rowName names a row in the audit log: a payment, or a bill not paid yet.
func rowName(c Contribution) string {
	if c.Unpaid() {
		return "Tagihan iuran " + c.CoverageMonth.Label() + " (belum dibayar)"
	}
	return "Pembayaran iuran " + c.CoverageMonth.Label()
}
