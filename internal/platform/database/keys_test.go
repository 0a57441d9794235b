package database_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/platform/pgdev"
)

// TestKeyChecksFindOneRow holds the rule of migration 000055: PostgreSQL
// checks a foreign key row by row with one generic plan, so an index of the
// referenced table whose leading columns are two or more of the key's
// columns must also hold a unique key among them; otherwise the planner
// may pick it and read every row sharing those columns for each row
// checked (a first registry took minutes instead of seconds).
func TestKeyChecksFindOneRow(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	rows, err := db.Pool().Query(ctx, `
		SELECT c.conname, c.confrelid::regclass::text,
		       array(SELECT a.attname::text FROM unnest(c.confkey) k JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k),
		       i.indexrelid::regclass::text, i.indisunique AND i.indpred IS NULL,
		       array(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
		             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o)
		FROM pg_constraint c JOIN pg_index i ON i.indrelid = c.confrelid
		WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND 0 <> ALL (i.indkey::int2[])
		ORDER BY 1, 4`)
	if err != nil {
		t.Fatal(err)
	}
	type index struct {
		name    string
		unique  bool
		columns []string
	}
	type key struct {
		table   string
		columns []string
		indexes []index
	}
	keys := map[string]*key{}
	var names []string
	for rows.Next() {
		var fk string
		var k key
		var ix index
		if err := rows.Scan(&fk, &k.table, &k.columns, &ix.name, &ix.unique, &ix.columns); err != nil {
			t.Fatal(err)
		}
		if keys[fk] == nil {
			keys[fk] = &k
			names = append(names, fk)
		}
		keys[fk].indexes = append(keys[fk].indexes, ix)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if keys["enrollment_worker_fkey"] == nil {
		t.Fatalf("the foreign keys were not read: %v", names)
	}
	within := func(cols, set []string) bool {
		for _, c := range cols {
			if !slices.Contains(set, c) {
				return false
			}
		}
		return true
	}
	for _, fk := range names {
		k := keys[fk]
		var uniques [][]string
		for _, ix := range k.indexes {
			if ix.unique && within(ix.columns, k.columns) {
				uniques = append(uniques, ix.columns)
			}
		}
		for _, ix := range k.indexes {
			prefix := ix.columns
			for n, c := range ix.columns {
				if !slices.Contains(k.columns, c) {
					prefix = ix.columns[:n]
					break
				}
			}
			if len(prefix) < 2 || slices.ContainsFunc(uniques, func(u []string) bool { return within(u, prefix) }) {
				continue
			}
			t.Errorf("%s: index %s (%s) can serve the check of %s(%s) but holds no unique key of it",
				fk, ix.name, strings.Join(ix.columns, ", "), k.table, strings.Join(k.columns, ", "))
		}
	}

	// And the plan PostgreSQL keeps for the spells' check finds the worker
	// by its id.
	tx, err := db.Pool().Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	var plan strings.Builder
	for _, sql := range []string{
		`SET LOCAL plan_cache_mode = force_generic_plan`,
		`PREPARE check_worker(text, bigint, text, text, bigint) AS SELECT 1 FROM ONLY worker x
		 WHERE pemda = $1 AND id = $2 AND category_code = $3 AND kelurahan_code = $4 AND income = $5 FOR KEY SHARE OF x`,
	} {
		if _, err := tx.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	lines, err := tx.Query(ctx, `EXPLAIN EXECUTE check_worker('3672', 1, 'a', 'b', 1)`)
	if err != nil {
		t.Fatal(err)
	}
	for lines.Next() {
		var line string
		if err := lines.Scan(&line); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&plan, line)
	}
	if !strings.Contains(plan.String(), "Index Cond") || !strings.Contains(plan.String(), "(id = $2)") {
		t.Errorf("the worker key check does not find the worker by id:\n%s", plan.String())
	}
}
