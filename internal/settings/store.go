package settings

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// store is the SQL of a Pemda's settings and reference data.
type store struct{ *database.DB }

// pemdaName is the display name of a Pemda, e.g. "Kota Cilegon".
func (db *store) pemdaName(ctx context.Context, code string) (string, error) {
	var name string
	err := db.Pool().QueryRow(ctx, `SELECT name FROM pemda WHERE code = $1`, code).Scan(&name)
	return name, database.MapError("find pemda", err)
}

// kecamatans lists the kecamatan of a Pemda by code.
func (db *store) kecamatans(ctx context.Context, pemda string) ([]domain.Kecamatan, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT code, bps_code, name FROM kecamatan WHERE pemda = $1 ORDER BY code`, pemda)
	ks, err := pgx.CollectRows(rows, pgx.RowToStructByPos[domain.Kecamatan])
	return ks, database.MapError("list kecamatan", err)
}

// kelurahans lists the kelurahan of a Pemda by code, with spelling variants.
func (db *store) kelurahans(ctx context.Context, pemda string) ([]domain.Kelurahan, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT code, bps_code, name, kecamatan_code, aliases FROM kelurahan WHERE pemda = $1 ORDER BY code`, pemda)
	ks, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.Kelurahan, error) {
		var k domain.Kelurahan
		err := row.Scan(&k.Code, &k.BPSCode, &k.Name, &k.KecamatanCode, &k.Aliases)
		return k, err
	})
	return ks, database.MapError("list kelurahan", err)
}

// categories lists the worker categories of a Pemda in display order.
func (db *store) categories(ctx context.Context, pemda string) ([]domain.Category, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT code, name FROM category WHERE pemda = $1 ORDER BY sort_order, code`, pemda)
	cs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[domain.Category])
	return cs, database.MapError("list categories", err)
}

// letterhead returns what the head of a Pemda's documents prints.
func (db *store) letterhead(ctx context.Context, pemda string) (Letterhead, error) {
	var l Letterhead
	err := db.Pool().QueryRow(ctx, `SELECT name, government, office, office_address, city FROM pemda WHERE code = $1`, pemda).
		Scan(&l.PemdaName, &l.Government, &l.Office, &l.Address, &l.City)
	return l, database.MapError("find letterhead", err)
}

// dueRule returns the Pemda's due-date rule.
func (db *store) dueRule(ctx context.Context, pemda string) (domain.DueRule, error) {
	var r domain.DueRule
	err := db.Pool().QueryRow(ctx, `SELECT due_day, due_month_offset FROM pemda WHERE code = $1`, pemda).Scan(&r.Day, &r.MonthOffset)
	return r, database.MapError("find due rule", err)
}

// dueRules is dueRule for each of many Pemda in one query; a code that
// is not stored is missing from the map.
func (db *store) dueRules(ctx context.Context, pemdas []string) (map[string]domain.DueRule, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT code, due_day, due_month_offset FROM pemda WHERE code = ANY ($1)`, pemdas)
	out := make(map[string]domain.DueRule, len(pemdas))
	var code string
	var r domain.DueRule
	_, err := pgx.ForEachRow(rows, []any{&code, &r.Day, &r.MonthOffset}, func() error {
		out[code] = r
		return nil
	})
	return out, database.MapError("find due rules", err)
}

// setDueRule changes the Pemda's due-date rule, with the old and new rule in the audit log.
func (db *store) setDueRule(ctx context.Context, actor domain.Actor, r domain.DueRule) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var old domain.DueRule
		err := tx.QueryRow(ctx, `SELECT due_day, due_month_offset FROM pemda WHERE code = $1 FOR UPDATE`, actor.Pemda).
			Scan(&old.Day, &old.MonthOffset)
		if err != nil {
			return err
		}
		if old == r {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE pemda SET due_day = $2, due_month_offset = $3 WHERE code = $1`,
			actor.Pemda, r.Day, r.MonthOffset); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "update", "pemda", actor.Pemda, "Aturan jatuh tempo iuran: "+r.Label(), old, r)
	})
	return database.MapError("set due rule", err)
}
