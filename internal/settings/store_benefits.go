package settings

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// ownBenefits returns the benefit rules a Pemda set itself; none means the
// national defaults apply.
func ownBenefits(ctx context.Context, q querier, pemda string) (domain.BenefitTable, error) {
	rows, _ := q.Query(ctx, `
		SELECT type, valid_from, flat, income_percent, fixed, regulation, note
		FROM benefit_rule WHERE pemda = $1 ORDER BY type, valid_from`, pemda)
	bs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[domain.Benefit])
	return domain.BenefitTable(bs), err
}

// benefits returns the Pemda's benefit rules, or the national defaults when
// it has none of its own, and whether they are its own.
func (db *store) benefits(ctx context.Context, pemda string) (domain.BenefitTable, bool, error) {
	bs, err := ownBenefits(ctx, db.Pool(), pemda)
	if err != nil {
		return nil, false, database.MapError("list benefit rules", err)
	}
	if len(bs) == 0 {
		return domain.DefaultBenefits(), false, nil
	}
	bs.Sort()
	return bs, true, nil
}

// setBenefit adds or replaces the rule of b.Type from b.ValidFrom, first
// copying the national defaults when the Pemda has no rules of its own.
func (db *store) setBenefit(ctx context.Context, actor domain.Actor, b domain.Benefit) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		if err := db.lockPemda(ctx, tx, actor.Pemda); err != nil {
			return err
		}
		old, err := copyDefaultBenefits(ctx, tx, actor.Pemda)
		if err != nil {
			return err
		}
		var before any
		if o, ok := findBenefit(old, b.Type, b.ValidFrom); ok {
			before = o
		}
		_, err = tx.Exec(ctx, `
			INSERT INTO benefit_rule (pemda, type, valid_from, flat, income_percent, fixed, regulation, note)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (pemda, type, valid_from) DO UPDATE SET flat = EXCLUDED.flat,
				income_percent = EXCLUDED.income_percent, fixed = EXCLUDED.fixed,
				regulation = EXCLUDED.regulation, note = EXCLUDED.note`,
			actor.Pemda, string(b.Type), b.ValidFrom, b.Flat, b.IncomePercent, b.Fixed, b.Regulation, b.Note)
		if err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "update", "benefit_rule", string(b.Type)+" "+b.ValidFrom.Format(time.DateOnly),
			"Aturan manfaat "+b.Type.Name()+" berlaku sejak "+domain.FormatDate(b.ValidFrom)+" disimpan", before, b)
	})
	return database.MapError("set benefit rule", err)
}

// deleteBenefit removes the rule of type t from validFrom.
func (db *store) deleteBenefit(ctx context.Context, actor domain.Actor, t domain.ClaimType, validFrom time.Time) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		if err := db.lockPemda(ctx, tx, actor.Pemda); err != nil {
			return err
		}
		old, err := copyDefaultBenefits(ctx, tx, actor.Pemda)
		if err != nil {
			return err
		}
		gone, ok := findBenefit(old, t, validFrom)
		if !ok {
			return domain.ErrNotFound
		}
		if len(old) == 1 {
			return domain.Refuse("valid_from", "Aturan manfaat terakhir tidak dapat dihapus; ubah saja nilainya.")
		}
		if _, err := tx.Exec(ctx, `DELETE FROM benefit_rule WHERE pemda = $1 AND type = $2 AND valid_from = $3`,
			actor.Pemda, string(t), validFrom); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "delete", "benefit_rule", string(t)+" "+validFrom.Format(time.DateOnly),
			"Aturan manfaat "+t.Name()+" berlaku sejak "+domain.FormatDate(validFrom)+" dihapus", gone, nil)
	})
	return database.MapError("delete benefit rule", err)
}

func findBenefit(bs domain.BenefitTable, t domain.ClaimType, from time.Time) (domain.Benefit, bool) {
	for _, b := range bs {
		if b.Type == t && b.ValidFrom.Equal(from) {
			return b, true
		}
	}
	return domain.Benefit{}, false
}

// copyDefaultBenefits gives a Pemda without rules of its own a copy of the
// national defaults, and returns its rules as they were before the change.
func copyDefaultBenefits(ctx context.Context, tx pgx.Tx, pemda string) (domain.BenefitTable, error) {
	own, err := ownBenefits(ctx, tx, pemda)
	if err != nil || len(own) > 0 {
		return own, err
	}
	defaults := domain.DefaultBenefits()
	for _, b := range defaults {
		if _, err := tx.Exec(ctx, `
			INSERT INTO benefit_rule (pemda, type, valid_from, flat, income_percent, fixed, regulation, note)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			pemda, string(b.Type), b.ValidFrom, b.Flat, b.IncomePercent, b.Fixed, b.Regulation, b.Note); err != nil {
			return nil, err
		}
	}
	return defaults, nil
}
