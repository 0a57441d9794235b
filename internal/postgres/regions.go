package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
)

// PemdaName is the display name of a Pemda, e.g. "Kota Cilegon".
func (db *DB) PemdaName(ctx context.Context, code string) (string, error) {
	var name string
	err := db.Pool().QueryRow(ctx, `SELECT name FROM pemda WHERE code = $1`, code).Scan(&name)
	return name, mapError("find pemda", err)
}

// Kecamatans lists the kecamatan of a Pemda by code.
func (db *DB) Kecamatans(ctx context.Context, pemda string) ([]domain.Kecamatan, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT code, bps_code, name FROM kecamatan WHERE pemda = $1 ORDER BY code`, pemda)
	ks, err := pgx.CollectRows(rows, pgx.RowToStructByPos[domain.Kecamatan])
	return ks, mapError("list kecamatan", err)
}

// Kelurahans lists the kelurahan of a Pemda by code, with spelling variants.
func (db *DB) Kelurahans(ctx context.Context, pemda string) ([]domain.Kelurahan, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT code, bps_code, name, kecamatan_code, aliases FROM kelurahan WHERE pemda = $1 ORDER BY code`, pemda)
	ks, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.Kelurahan, error) {
		var k domain.Kelurahan
		err := row.Scan(&k.Code, &k.BPSCode, &k.Name, &k.KecamatanCode, &k.Aliases)
		return k, err
	})
	return ks, mapError("list kelurahan", err)
}

// Categories lists the worker categories of a Pemda in display order.
func (db *DB) Categories(ctx context.Context, pemda string) ([]domain.Category, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT code, name FROM category WHERE pemda = $1 ORDER BY sort_order, code`, pemda)
	cs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[domain.Category])
	return cs, mapError("list categories", err)
}

// Rates returns the Pemda's effective-dated contribution rates.
func (db *DB) Rates(ctx context.Context, pemda string) (domain.RateTable, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT valid_from, jkk, jkm, regulation FROM contribution_rate WHERE pemda = $1 ORDER BY valid_from`, pemda)
	rs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[domain.Rate])
	return domain.RateTable(rs), mapError("list rates", err)
}
