package analysis

import (
	"context"
	"errors"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// coverageByCategorySQL counts the workers covered on the last day of month
// $2 per category (the running sum of the roster's month-end changes)
// against the year's target: the Pemda-wide target of the category, or the
// sum of its targets per kelurahan when it has only those.
const coverageByCategorySQL = `
	WITH r AS (
		SELECT category_code, sum(d_end) AS active FROM agg_roster
		WHERE pemda = $1 AND month <= $2 GROUP BY category_code
	), t AS (
		SELECT category_code, coalesce(max(workers) FILTER (WHERE kelurahan_code IS NULL),
		                               sum(workers) FILTER (WHERE kelurahan_code IS NOT NULL)) AS workers
		FROM target WHERE pemda = $1 AND year = $3 GROUP BY category_code
	)
	SELECT c.code, c.name, '' AS parent, coalesce(r.active, 0) AS active, coalesce(r.active, 0) AS targeted,
	       coalesce(t.workers, 0) AS target, t.workers IS NOT NULL AS has_target
	FROM category c
	LEFT JOIN r ON r.category_code = c.code
	LEFT JOIN t ON t.category_code = c.code
	WHERE c.pemda = $1 AND (c.active OR r.active <> 0 OR t.workers IS NOT NULL)
	ORDER BY c.sort_order, c.code`

// coverageByKelurahanSQL counts the active workers per kelurahan at the end
// of month $2 (of category $4, or of all when $4 is empty), and those in the
// categories that have targets per kelurahan in year $3, against those
// targets.
const coverageByKelurahanSQL = `
	WITH tc AS (
		SELECT DISTINCT category_code FROM target
		WHERE pemda = $1 AND year = $3 AND kelurahan_code IS NOT NULL AND ($4 = '' OR category_code = $4)
	), r AS (
		SELECT kelurahan_code,
		       sum(d_end) FILTER (WHERE $4 = '' OR category_code = $4) AS active,
		       sum(d_end) FILTER (WHERE category_code IN (SELECT category_code FROM tc)) AS targeted
		FROM agg_roster WHERE pemda = $1 AND month <= $2 GROUP BY kelurahan_code
	), t AS (
		SELECT kelurahan_code, sum(workers) AS workers FROM target
		WHERE pemda = $1 AND year = $3 AND kelurahan_code IS NOT NULL AND category_code IN (SELECT category_code FROM tc)
		GROUP BY kelurahan_code
	)
	SELECT k.code, k.name, k.kecamatan_code AS parent, coalesce(r.active, 0) AS active, coalesce(r.targeted, 0) AS targeted,
	       coalesce(t.workers, 0) AS target, t.workers IS NOT NULL AS has_target
	FROM kelurahan k
	LEFT JOIN r ON r.kelurahan_code = k.code
	LEFT JOIN t ON t.kelurahan_code = k.code
	WHERE k.pemda = $1
	ORDER BY k.code`

// coverageView gathers the coverage view of a period: workers active at
// its end per category and per kecamatan and kelurahan (of one category
// when category is set) against the targets of the period's last year,
// and the year's workforce figures for UCJ.
func (db *store) coverageView(ctx context.Context, pemda string, p domain.Period, category string, kecs []domain.Kecamatan, rates domain.RateTable) (CoverageView, error) {
	r := CoverageView{Period: p, Year: p.To.Year(), Category: category}
	var err error
	if r.ByCategory, err = db.coverageRows(ctx, coverageByCategorySQL, pemda, p.To.First(), r.Year); err != nil {
		return r, err
	}
	if r.ByKelurahan, err = db.coverageRows(ctx, coverageByKelurahanSQL, pemda, p.To.First(), r.Year, category); err != nil {
		return r, err
	}
	r.ByKecamatan = RollUpKecamatan(kecs, r.ByKelurahan)
	rows, _ := db.Reader(ctx).Query(ctx, `
		SELECT c.name FROM category c WHERE c.pemda = $1 AND ($3 = '' OR c.code = $3) AND EXISTS (
			SELECT 1 FROM target t WHERE t.pemda = c.pemda AND t.category_code = c.code AND t.year = $2 AND t.kelurahan_code IS NOT NULL)
		ORDER BY c.sort_order, c.code`, pemda, r.Year, category)
	if r.RegionalTargets, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
		return r, database.MapError("regional target categories", err)
	}
	if r.Workforce, r.HasWorkforce, err = db.workforce(ctx, pemda, r.Year); err != nil {
		return r, err
	}
	r.Rate, _ = rates.At(p.To)
	return r, nil
}

func (db *store) coverageRows(ctx context.Context, sql string, args ...any) ([]CoverageRow, error) {
	rows, _ := db.Reader(ctx).Query(ctx, sql, args...)
	out, err := pgx.CollectRows(rows, pgx.RowToStructByPos[CoverageRow])
	return out, database.MapError("coverage", err)
}

// workforce returns a year's workforce and protected workers, and false when none are entered.
func (db *store) workforce(ctx context.Context, pemda string, year int) (Workforce, bool, error) {
	w := Workforce{Year: year}
	err := db.Reader(ctx).QueryRow(ctx, `
		SELECT workforce, workforce_source, protected, protected_source, coalesce(target_permille, 0), denominator
		FROM workforce WHERE pemda = $1 AND year = $2`, pemda, year).
		Scan(&w.Workforce, &w.WorkforceSource, &w.Protected, &w.ProtectedSource, &w.TargetPermille, &w.Denominator)
	if errors.Is(err, pgx.ErrNoRows) {
		return w, false, nil
	}
	return w, err == nil, database.MapError("find workforce", err)
}

// saveWorkforce enters or replaces a year's workforce figures.
func (db *store) saveWorkforce(ctx context.Context, actor domain.Actor, w Workforce) error {
	old, had, err := db.workforce(ctx, actor.Pemda, w.Year)
	if err != nil {
		return err
	}
	err = db.InTx(ctx, func(tx pgx.Tx) error {
		var target *int
		if w.TargetPermille > 0 {
			target = &w.TargetPermille
		}
		_, err := tx.Exec(ctx, `
			INSERT INTO workforce (pemda, year, workforce, workforce_source, protected, protected_source, target_permille, denominator)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (pemda, year) DO UPDATE SET workforce = EXCLUDED.workforce, workforce_source = EXCLUDED.workforce_source,
				protected = EXCLUDED.protected, protected_source = EXCLUDED.protected_source, target_permille = EXCLUDED.target_permille,
				denominator = EXCLUDED.denominator`,
			actor.Pemda, w.Year, w.Workforce, w.WorkforceSource, w.Protected, w.ProtectedSource, target, string(w.denominator()))
		if err != nil {
			return err
		}
		var before any
		if had {
			before = old
		}
		return audit.Write(ctx, tx, actor, "update", "workforce", w.Year, "Data angkatan kerja dan UCJ tahun "+strconv.Itoa(w.Year)+" disimpan", before, w)
	})
	return database.MapError("save workforce", err)
}

// targets lists a year's targets: Pemda-wide ones first, then per kelurahan.
func (db *store) targets(ctx context.Context, pemda string, year int) ([]Target, error) {
	rows, _ := db.Reader(ctx).Query(ctx, `
		SELECT year, category_code, coalesce(kelurahan_code, ''), workers, note FROM target
		WHERE pemda = $1 AND year = $2 ORDER BY kelurahan_code NULLS FIRST, category_code`, pemda, year)
	ts, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Target])
	return ts, database.MapError("list targets", err)
}

// targetTotals sums each Pemda's Pemda-wide targets of a year; a Pemda
// without any is missing from the map.
func (db *store) targetTotals(ctx context.Context, pemdas []string, year int) (map[string]int64, error) {
	rows, _ := db.Reader(ctx).Query(ctx, `
		SELECT pemda, sum(workers) FROM target WHERE pemda = ANY ($1) AND year = $2 AND kelurahan_code IS NULL
		GROUP BY pemda`, pemdas, year)
	return countsByPemda(rows, "target totals")
}

// replaceTargets replaces one set of a year's targets in one transaction:
// with category "" the Pemda-wide targets of every category, otherwise the
// per-kelurahan targets of that category. A target left out is removed.
func (db *store) replaceTargets(ctx context.Context, actor domain.Actor, year int, category string, targets []Target) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		scope, args := `kelurahan_code IS NULL`, []any{actor.Pemda, year}
		if category != "" {
			scope, args = `kelurahan_code IS NOT NULL AND category_code = $3`, append(args, category)
		}
		rows, _ := tx.Query(ctx, `
			DELETE FROM target WHERE pemda = $1 AND year = $2 AND `+scope+`
			RETURNING year, category_code, coalesce(kelurahan_code, ''), workers, note`, args...)
		old, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Target])
		if err != nil {
			return err
		}
		for _, t := range targets {
			_, err := tx.Exec(ctx, `
				INSERT INTO target (pemda, year, category_code, kelurahan_code, workers, note) VALUES ($1, $2, $3, $4, $5, $6)`,
				actor.Pemda, year, t.CategoryCode, database.NullString(t.KelurahanCode), t.Workers, t.Note)
			if err != nil {
				return err
			}
		}
		summary := "Sasaran per kategori tahun " + strconv.Itoa(year) + " disimpan"
		if category != "" {
			summary = "Sasaran per kelurahan kategori " + category + " tahun " + strconv.Itoa(year) + " disimpan"
		}
		return audit.Write(ctx, tx, actor, "update", "target", year, summary, old, targets)
	})
	return database.MapError("replace targets", err)
}
