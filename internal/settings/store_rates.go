package settings

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// ownRates returns the contribution rates a Pemda set itself, oldest first;
// none means the national defaults apply.
func ownRates(ctx context.Context, q querier, pemda string) (domain.RateTable, error) {
	rows, _ := q.Query(ctx, `
		SELECT valid_from, jkk, jkm, regulation FROM contribution_rate WHERE pemda = $1 ORDER BY valid_from`, pemda)
	rs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[domain.Rate])
	return domain.RateTable(rs), err
}

// rates returns the Pemda's effective-dated contribution rates, or the
// national defaults when it has none of its own, and whether they are its own.
func (db *store) rates(ctx context.Context, pemda string) (domain.RateTable, bool, error) {
	rs, err := ownRates(ctx, db.Pool(), pemda)
	if err != nil {
		return nil, false, database.MapError("list rates", err)
	}
	if len(rs) == 0 {
		return domain.DefaultBPURates(), false, nil
	}
	return rs, true, nil
}

// setRate adds or replaces the rate from r.ValidFrom, first copying the
// national defaults when the Pemda has no rates of its own, so that a
// change keeps every other period's rate; old and new are audited.
func (db *store) setRate(ctx context.Context, actor domain.Actor, r domain.Rate) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		if err := db.lockPemda(ctx, tx, actor.Pemda); err != nil {
			return err
		}
		old, err := copyDefaultRates(ctx, tx, actor.Pemda)
		if err != nil {
			return err
		}
		var before any
		for _, o := range old {
			if o.ValidFrom.Equal(r.ValidFrom) {
				before = o
			}
		}
		_, err = tx.Exec(ctx, `
			INSERT INTO contribution_rate (pemda, valid_from, jkk, jkm, regulation) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (pemda, valid_from) DO UPDATE SET jkk = EXCLUDED.jkk, jkm = EXCLUDED.jkm, regulation = EXCLUDED.regulation`,
			actor.Pemda, r.ValidFrom, r.JKK, r.JKM, r.Regulation)
		if err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "update", "contribution_rate", r.ValidFrom.Format(time.DateOnly),
			"Tarif iuran berlaku sejak "+domain.FormatDate(r.ValidFrom)+" disimpan", before, r)
	})
	return database.MapError("set rate", err)
}

// deleteRate removes the rate from validFrom, so the one before it applies
// longer; the last rate cannot go (the defaults are copied first).
func (db *store) deleteRate(ctx context.Context, actor domain.Actor, validFrom time.Time) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		if err := db.lockPemda(ctx, tx, actor.Pemda); err != nil {
			return err
		}
		old, err := copyDefaultRates(ctx, tx, actor.Pemda)
		if err != nil {
			return err
		}
		var gone *domain.Rate
		for _, o := range old {
			if o.ValidFrom.Equal(validFrom) {
				gone = &o
			}
		}
		if gone == nil {
			return domain.ErrNotFound
		}
		if len(old) == 1 {
			return domain.Refuse("valid_from", "Tarif terakhir tidak dapat dihapus; ubah saja nilainya.")
		}
		if _, err := tx.Exec(ctx, `DELETE FROM contribution_rate WHERE pemda = $1 AND valid_from = $2`, actor.Pemda, validFrom); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "delete", "contribution_rate", validFrom.Format(time.DateOnly),
			"Tarif iuran berlaku sejak "+domain.FormatDate(validFrom)+" dihapus", *gone, nil)
	})
	return database.MapError("delete rate", err)
}

// copyDefaultRates gives a Pemda without rates of its own a copy of the
// national defaults, and returns the Pemda's rates as they were before the
// change about to be made.
func copyDefaultRates(ctx context.Context, tx pgx.Tx, pemda string) (domain.RateTable, error) {
	own, err := ownRates(ctx, tx, pemda)
	if err != nil || len(own) > 0 {
		return own, err
	}
	defaults := domain.DefaultBPURates()
	for _, r := range defaults {
		if _, err := tx.Exec(ctx, `INSERT INTO contribution_rate (pemda, valid_from, jkk, jkm, regulation) VALUES ($1, $2, $3, $4, $5)`,
			pemda, r.ValidFrom, r.JKK, r.JKM, r.Regulation); err != nil {
			return nil, err
		}
	}
	return defaults, nil
}

// lockPemda serialises changes to one Pemda's settings.
func (db *store) lockPemda(ctx context.Context, tx pgx.Tx, pemda string) error {
	var code string
	return tx.QueryRow(ctx, `SELECT code FROM pemda WHERE code = $1 FOR UPDATE`, pemda).Scan(&code)
}

// querier is what reads need of a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// ratesOf is rates for each of many Pemda in one query.
func (db *store) ratesOf(ctx context.Context, pemdas []string) (map[string]domain.RateTable, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT pemda, valid_from, jkk, jkm, regulation FROM contribution_rate WHERE pemda = ANY ($1)
		ORDER BY pemda, valid_from`, pemdas)
	out := make(map[string]domain.RateTable, len(pemdas))
	var pemda string
	var r domain.Rate
	_, err := pgx.ForEachRow(rows, []any{&pemda, &r.ValidFrom, &r.JKK, &r.JKM, &r.Regulation}, func() error {
		out[pemda] = append(out[pemda], r)
		return nil
	})
	if err != nil {
		return nil, database.MapError("list rates", err)
	}
	for _, p := range pemdas {
		if len(out[p]) == 0 {
			out[p] = domain.DefaultBPURates()
		}
	}
	return out, nil
}
