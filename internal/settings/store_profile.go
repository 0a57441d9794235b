package settings

import (
	"context"
	"errors"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// setLetterhead changes the names and address the Pemda's documents print.
func (db *store) setLetterhead(ctx context.Context, actor domain.Actor, l Letterhead) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var old Letterhead
		err := tx.QueryRow(ctx, `SELECT name, government, office, office_address, city FROM pemda WHERE code = $1 FOR UPDATE`,
			actor.Pemda).Scan(&old.PemdaName, &old.Government, &old.Office, &old.Address, &old.City)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE pemda SET name = $2, government = $3, office = $4, office_address = $5, city = $6
			WHERE code = $1`, actor.Pemda, l.PemdaName, l.Government, l.Office, l.Address, l.City); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "update", "pemda", actor.Pemda, "Kop surat diubah", old, l)
	})
	return database.MapError("set letterhead", err)
}

// logo returns the Pemda's logo, and false when it has none.
func (db *store) logo(ctx context.Context, pemda string) (Logo, bool, error) {
	var l Logo
	err := db.Pool().QueryRow(ctx, `SELECT content_type, data FROM pemda_logo WHERE pemda = $1`, pemda).Scan(&l.ContentType, &l.Data)
	if errors.Is(err, pgx.ErrNoRows) {
		return l, false, nil
	}
	return l, err == nil, database.MapError("find logo", err)
}

// logoAudit is what the audit log keeps of a logo: its type and size, not its bytes.
type logoAudit struct {
	ContentType string
	Bytes       int
}

// setLogo stores the Pemda's logo (nil removes it).
func (db *store) setLogo(ctx context.Context, actor domain.Actor, l *Logo) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var old *logoAudit
		var ct string
		var n int
		err := tx.QueryRow(ctx, `SELECT content_type, octet_length(data) FROM pemda_logo WHERE pemda = $1 FOR UPDATE`, actor.Pemda).Scan(&ct, &n)
		if err == nil {
			old = &logoAudit{ct, n}
		} else if !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		if l == nil {
			if _, err := tx.Exec(ctx, `DELETE FROM pemda_logo WHERE pemda = $1`, actor.Pemda); err != nil {
				return err
			}
			return audit.Write(ctx, tx, actor, "delete", "pemda_logo", actor.Pemda, "Logo kop surat dihapus", old, nil)
		}
		if _, err := tx.Exec(ctx, `
			INSERT INTO pemda_logo (pemda, content_type, data) VALUES ($1, $2, $3)
			ON CONFLICT (pemda) DO UPDATE SET content_type = EXCLUDED.content_type, data = EXCLUDED.data, updated_at = now()`,
			actor.Pemda, l.ContentType, l.Data); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "update", "pemda_logo", actor.Pemda, "Logo kop surat diunggah", old,
			logoAudit{l.ContentType, len(l.Data)})
	})
	return database.MapError("set logo", err)
}

// reportTexts returns the texts the Pemda set ("" where it set none).
func (db *store) reportTexts(ctx context.Context, pemda string) (ReportTexts, error) {
	var t ReportTexts
	err := db.Pool().QueryRow(ctx, `SELECT report_legal_basis, report_aims, report_method FROM pemda WHERE code = $1`, pemda).
		Scan(&t.LegalBasis, &t.Aims, &t.Method)
	return t, database.MapError("find report texts", err)
}

// setReportTexts changes the texts new reports of the Pemda start with.
func (db *store) setReportTexts(ctx context.Context, actor domain.Actor, t ReportTexts) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var old ReportTexts
		err := tx.QueryRow(ctx, `SELECT report_legal_basis, report_aims, report_method FROM pemda WHERE code = $1 FOR UPDATE`,
			actor.Pemda).Scan(&old.LegalBasis, &old.Aims, &old.Method)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE pemda SET report_legal_basis = $2, report_aims = $3, report_method = $4 WHERE code = $1`,
			actor.Pemda, t.LegalBasis, t.Aims, t.Method); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "update", "pemda", actor.Pemda, "Dasar hukum dan teks bawaan laporan diubah", old, t)
	})
	return database.MapError("set report texts", err)
}

// categorySettings lists the Pemda's categories with their years.
func (db *store) categorySettings(ctx context.Context, pemda string) ([]CategorySetting, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT code, name, description, sort_order, coalesce(first_year, 0), coalesce(last_year, 0)
		FROM category WHERE pemda = $1 ORDER BY sort_order, code`, pemda)
	cs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[CategorySetting])
	return cs, database.MapError("list category settings", err)
}

// addCategory adds a category to the Pemda.
func (db *store) addCategory(ctx context.Context, actor domain.Actor, c CategorySetting) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `
			INSERT INTO category (pemda, code, name, description, sort_order, first_year, last_year)
			VALUES ($1, $2, $3, $4, (SELECT coalesce(max(sort_order), 0) + 1 FROM category WHERE pemda = $1), nullif($5, 0), nullif($6, 0))`,
			actor.Pemda, c.Code, c.Name, c.Description, c.FirstYear, c.LastYear)
		if err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "create", "category", c.Code, "Kategori "+c.Name+" ditambahkan", nil, c)
	})
	return database.MapError("add category", database.ConflictOf(err, map[string][2]string{
		"category_pkey":           {"code", "Kode kategori ini sudah dipakai."},
		"category_pemda_name_key": {"name", "Nama kategori ini sudah dipakai."},
	}))
}

// updateCategory renames a category or changes its years (retiring it).
func (db *store) updateCategory(ctx context.Context, actor domain.Actor, c CategorySetting) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var old CategorySetting
		err := tx.QueryRow(ctx, `
			SELECT code, name, description, sort_order, coalesce(first_year, 0), coalesce(last_year, 0)
			FROM category WHERE pemda = $1 AND code = $2 FOR UPDATE`, actor.Pemda, c.Code).
			Scan(&old.Code, &old.Name, &old.Description, &old.SortOrder, &old.FirstYear, &old.LastYear)
		if err != nil {
			return err
		}
		c.SortOrder = old.SortOrder
		if _, err := tx.Exec(ctx, `UPDATE category SET name = $3, description = $4, first_year = nullif($5, 0), last_year = nullif($6, 0)
			WHERE pemda = $1 AND code = $2`, actor.Pemda, c.Code, c.Name, c.Description, c.FirstYear, c.LastYear); err != nil {
			return err
		}
		summary := "Kategori " + c.Name + " diubah"
		if c.LastYear != 0 && c.LastYear != old.LastYear {
			summary = "Kategori " + c.Name + " tidak didanai lagi setelah tahun " + strconv.Itoa(c.LastYear)
		}
		return audit.Write(ctx, tx, actor, "update", "category", c.Code, summary, old, c)
	})
	return database.MapError("update category", database.ConflictOf(err, map[string][2]string{
		"category_pemda_name_key": {"name", "Nama kategori ini sudah dipakai."},
	}))
}
