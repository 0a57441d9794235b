package settings

import (
	"context"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/wilayah"
)

// addPemda writes a new Pemda with its kecamatan, kelurahan/desa and
// categories in one transaction, audited in the new Pemda's own log.
// A Pemda already there is a conflict.
func (db *store) addPemda(ctx context.Context, actor domain.Actor, p Pemda, region wilayah.Region) (Pemda, error) {
	actor.Pemda = p.Code
	kecamatan := wilayah.Descendants(region.Code, wilayah.District)
	villages := wilayah.Descendants(region.Code, wilayah.Village)
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `
			INSERT INTO pemda (code, name, province, government, office, city) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (code) DO NOTHING`, p.Code, p.Name, p.Province, p.Government, p.Office, p.City)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return domain.Refuse("code", p.Name+" ("+p.Dotted()+") sudah terdaftar")
		}
		var codes, names, parents []string
		for _, k := range kecamatan {
			codes, names = append(codes, k.Code), append(names, k.Name)
		}
		if _, err := tx.Exec(ctx, `
			INSERT INTO kecamatan (pemda, code, bps_code, name)
			SELECT $1, c, replace(c, '.', ''), n FROM unnest($2::text[], $3::text[]) AS k(c, n)`, p.Code, codes, names); err != nil {
			return err
		}
		codes, names = nil, nil
		for _, v := range villages {
			codes, names, parents = append(codes, v.Code), append(names, v.Name), append(parents, v.Parent)
		}
		if _, err := tx.Exec(ctx, `
			INSERT INTO kelurahan (pemda, code, kecamatan_code, bps_code, name)
			SELECT $1, c, k, replace(c, '.', ''), n FROM unnest($2::text[], $3::text[], $4::text[]) AS v(c, k, n)`,
			p.Code, codes, parents, names); err != nil {
			return err
		}
		for i, c := range DefaultCategories {
			if _, err := tx.Exec(ctx, `INSERT INTO category (pemda, code, name, sort_order) VALUES ($1, $2, $3, $4)`,
				p.Code, c.Code, c.Name, (i+1)*10); err != nil {
				return err
			}
		}
		p.Kecamatan, p.Kelurahan = len(kecamatan), len(villages)
		return audit.Write(ctx, tx, actor, "create", "pemda", p.Code, p.Name+" didaftarkan dengan "+
			strconv.Itoa(p.Kecamatan)+" kecamatan dan "+strconv.Itoa(p.Kelurahan)+" kelurahan/desa", nil, p)
	})
	return p, database.MapError("add pemda", err)
}

// pemdaList lists Pemda by code, with the size of their reference data and
// registry when counts (which reads every worker); codes limits it to those
// Pemda when not nil.
func (db *store) pemdaList(ctx context.Context, codes []string, counts bool) ([]Pemda, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT p.code, p.name, p.province, p.government, p.office, p.city,
			CASE WHEN $2 THEN (SELECT count(*) FROM kecamatan k WHERE k.pemda = p.code) ELSE 0 END,
			CASE WHEN $2 THEN (SELECT count(*) FROM kelurahan k WHERE k.pemda = p.code) ELSE 0 END,
			CASE WHEN $2 THEN (SELECT count(*) FROM worker w WHERE w.pemda = p.code) ELSE 0 END
		FROM pemda p WHERE $1::text[] IS NULL OR p.code = ANY($1) ORDER BY p.code`, codes, counts)
	ps, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Pemda])
	return ps, database.MapError("list pemda", err)
}
