package demo

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/registry"
)

// Bulk is a whole data set written at once with COPY: the demo data and
// generated data sets. Worker and enrollment IDs are given by the caller
// (claims refer to workers by ID); the loader moves the identity sequences
// past them.
type Bulk struct {
	Pemda         string
	Workers       []registry.Worker
	Contributions []contributions.Contribution
	Claims        []claims.Claim
	Budgets       []analysis.Budget
	Targets       []analysis.Target
	Workforce     []analysis.Workforce
}

// HasData reports whether a Pemda already has workers, payments, claims or
// users.
func HasData(ctx context.Context, db *database.DB, pemda string) (bool, error) {
	var has bool
	err := db.Pool().QueryRow(ctx, `
		SELECT EXISTS (SELECT 1 FROM worker WHERE pemda = $1)
		    OR EXISTS (SELECT 1 FROM contribution WHERE pemda = $1)
		    OR EXISTS (SELECT 1 FROM claim WHERE pemda = $1)
		    OR EXISTS (SELECT 1 FROM app_user WHERE pemda = $1)`, pemda).Scan(&has)
	return has, database.MapError("check data", err)
}

// LoadBulk writes a data set in one transaction and records it in the audit
// log as one event.
func LoadBulk(ctx context.Context, db *database.DB, actor domain.Actor, b Bulk) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		steps := []struct {
			table   string
			columns []string
			rows    pgx.CopyFromSource
		}{
			{"worker", []string{"pemda", "id", "nik", "name", "birth_date", "sex", "category_code", "kelurahan_code",
				"kpj", "income", "address", "phone"}, workerRows(b)},
			{"enrollment", []string{"pemda", "id", "worker_id", "category_code", "kelurahan_code", "income", "start_date",
				"end_date", "status"}, enrollmentRows(b)},
			{"contribution", []string{"pemda", "coverage_month", "participants", "billed", "paid", "paid_on", "sp2d_no", "note"},
				contributionRows(b)},
			{"claim", []string{"pemda", "claim_no", "worker_id", "category_code", "kelurahan_code", "type", "incident_on",
				"submitted_on", "paid_on", "amount", "status", "beneficiary", "note"}, claimRows(b)},
			{"budget", []string{"pemda", "fiscal_year", "revision", "label", "ceiling", "document", "decided_on", "note"},
				budgetRows(b)},
			{"target", []string{"pemda", "year", "category_code", "kelurahan_code", "workers", "note"}, targetRows(b)},
			{"workforce", []string{"pemda", "year", "workforce", "workforce_source", "protected", "protected_source",
				"target_permille"}, workforceRows(b)},
		}
		for _, s := range steps {
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{s.table}, s.columns, s.rows); err != nil {
				return fmt.Errorf("copy %s: %w", s.table, err)
			}
		}
		for _, t := range []string{"worker", "enrollment"} {
			if _, err := tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM `+t+`), 0) + 1, false)`, t); err != nil {
				return err
			}
		}
		summary := fmt.Sprintf("Data dimuat: %d peserta, %d pembayaran iuran, %d klaim",
			len(b.Workers), len(b.Contributions), len(b.Claims))
		return audit.Write(ctx, tx, actor, "load", "dataset", "", summary, nil, nil)
	})
	return database.MapError("load bulk data", err)
}

func workerRows(b Bulk) pgx.CopyFromSource {
	return pgx.CopyFromSlice(len(b.Workers), func(i int) ([]any, error) {
		w := b.Workers[i]
		return []any{b.Pemda, w.ID, string(w.NIK), w.Name, database.NullDate(w.BirthDate), database.NullString(string(w.Sex)),
			w.CategoryCode, w.KelurahanCode, database.NullString(w.KPJ), int64(w.Income), w.Address, w.Phone}, nil
	})
}

func enrollmentRows(b Bulk) pgx.CopyFromSource {
	var rows [][]any
	for _, w := range b.Workers {
		for _, e := range w.Enrollments {
			rows = append(rows, []any{b.Pemda, e.ID, w.ID, w.CategoryCode, w.KelurahanCode, int64(w.Income), e.Start, e.End, string(e.Status)})
		}
	}
	return pgx.CopyFromRows(rows)
}

func contributionRows(b Bulk) pgx.CopyFromSource {
	return pgx.CopyFromSlice(len(b.Contributions), func(i int) ([]any, error) {
		c := b.Contributions[i]
		var billed *int64
		if c.Billed != nil {
			v := int64(*c.Billed)
			billed = &v
		}
		var paid *int64
		if !c.PaidOn.IsZero() {
			v := int64(c.Paid)
			paid = &v
		}
		return []any{b.Pemda, c.CoverageMonth.First(), c.Participants, billed, paid, database.NullDate(c.PaidOn),
			database.NullString(c.SP2D), c.Note}, nil
	})
}

func claimRows(b Bulk) pgx.CopyFromSource {
	byID := make(map[int64]*registry.Worker, len(b.Workers))
	for i := range b.Workers {
		byID[b.Workers[i].ID] = &b.Workers[i]
	}
	return pgx.CopyFromSlice(len(b.Claims), func(i int) ([]any, error) {
		c := b.Claims[i]
		w, ok := byID[c.WorkerID]
		if !ok {
			return nil, fmt.Errorf("claim %s: worker %d is not in the data set", c.No, c.WorkerID)
		}
		return []any{b.Pemda, database.NullString(c.No), c.WorkerID, w.CategoryCode, w.KelurahanCode, string(c.Type), c.IncidentOn,
			database.NullDate(c.SubmittedOn), database.NullDate(c.PaidOn), int64(c.Amount), string(c.Status), c.Beneficiary, c.Note}, nil
	})
}

func budgetRows(b Bulk) pgx.CopyFromSource {
	return pgx.CopyFromSlice(len(b.Budgets), func(i int) ([]any, error) {
		x := b.Budgets[i]
		return []any{b.Pemda, x.FiscalYear, x.Revision, x.Label, int64(x.Ceiling), x.Document, database.NullDate(x.DecidedOn), x.Note}, nil
	})
}

func targetRows(b Bulk) pgx.CopyFromSource {
	return pgx.CopyFromSlice(len(b.Targets), func(i int) ([]any, error) {
		t := b.Targets[i]
		return []any{b.Pemda, t.Year, t.CategoryCode, database.NullString(t.KelurahanCode), t.Workers, t.Note}, nil
	})
}

func workforceRows(b Bulk) pgx.CopyFromSource {
	return pgx.CopyFromSlice(len(b.Workforce), func(i int) ([]any, error) {
		w := b.Workforce[i]
		var target *int
		if w.TargetPermille > 0 {
			target = &w.TargetPermille
		}
		return []any{b.Pemda, w.Year, w.Workforce, w.WorkforceSource, w.Protected, w.ProtectedSource, target}, nil
	})
}

// RowSource streams rows for LoadTables, one at a time, so that a data set
// of any size loads without being held in memory. It has the shape of pgx's
// CopyFromSource.
type RowSource interface {
	Next() bool
	Values() ([]any, error)
	Err() error
}

// TableRows is one table's rows for LoadTables.
type TableRows struct {
	Table   string
	Columns []string
	Rows    RowSource
}

// LoadTables copies streamed rows into tables, in order, in one transaction,
// moves the identity sequences past the loaded IDs and records the load in
// the audit log. When the registry tables are all empty (a fresh database)
// it drops their secondary indexes and constraints first and builds them
// again after the load: one sorted build is many times faster than a
// million single inserts, and the constraints are checked all the same.
func LoadTables(ctx context.Context, db *database.DB, actor domain.Actor, summary string, tables []TableRows) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL statement_timeout = 0; SET LOCAL maintenance_work_mem = '256MB'`); err != nil {
			return err
		}
		var rebuild []string
		var empty bool
		if err := tx.QueryRow(ctx, `SELECT NOT EXISTS (SELECT 1 FROM worker) AND NOT EXISTS (SELECT 1 FROM enrollment)
			AND NOT EXISTS (SELECT 1 FROM claim) AND NOT EXISTS (SELECT 1 FROM contribution)`).Scan(&empty); err != nil {
			return err
		}
		if empty {
			var err error
			if rebuild, err = dropSecondary(ctx, tx); err != nil {
				return fmt.Errorf("drop indexes: %w", err)
			}
		}
		for _, t := range tables {
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.Table}, t.Columns, t.Rows); err != nil {
				return fmt.Errorf("copy %s: %w", t.Table, err)
			}
			// Fresh statistics, so that checks and triggers of what follows
			// look rows up by index instead of scanning.
			if _, err := tx.Exec(ctx, `ANALYZE `+pgx.Identifier{t.Table}.Sanitize()); err != nil {
				return err
			}
		}
		for _, stmt := range rebuild {
			if _, err := tx.Exec(ctx, stmt); err != nil {
				return fmt.Errorf("rebuild %q: %w", stmt, err)
			}
		}
		for _, t := range []string{"worker", "enrollment", "contribution", "claim"} {
			if _, err := tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM `+t+`), 0) + 1, false)`, t); err != nil {
				return err
			}
		}
		return audit.Write(ctx, tx, actor, "load", "dataset", "", summary, nil, nil)
	})
	return database.MapError("load tables", err)
}

// dropSecondary drops the foreign keys, exclusion constraints and plain
// indexes of the registry tables and returns the statements that create
// them again, in a working order: indexes before foreign keys. Primary keys
// and unique constraints stay: the load's own checks look rows up by them.
func dropSecondary(ctx context.Context, tx pgx.Tx) ([]string, error) {
	const tables = `'worker'::regclass, 'enrollment'::regclass, 'contribution'::regclass, 'claim'::regclass`
	rows, _ := tx.Query(ctx, `
		SELECT 'ALTER TABLE ' || conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(conname),
		       'ALTER TABLE ' || conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid),
		       CASE contype WHEN 'f' THEN 0 ELSE 1 END
		FROM pg_constraint
		WHERE contype IN ('f', 'x') AND (conrelid IN (`+tables+`) OR confrelid IN (`+tables+`))
		UNION ALL
		SELECT 'DROP INDEX ' || i.indexrelid::regclass, pg_get_indexdef(i.indexrelid), 2
		FROM pg_index i
		WHERE i.indrelid IN (`+tables+`) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
		ORDER BY 3`)
	type ddl struct {
		Drop, Create string
		Order        int
	}
	stmts, err := pgx.CollectRows(rows, pgx.RowToStructByPos[ddl])
	if err != nil {
		return nil, err
	}
	var creates []string
	for _, d := range stmts { // foreign keys first, then constraints, then indexes
		if _, err := tx.Exec(ctx, d.Drop); err != nil {
			return nil, err
		}
		creates = append([]string{d.Create}, creates...)
	}
	return creates, nil
}
