package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// tokenPrefix starts every API token, so a leaked one is easy to recognise.
const tokenPrefix = "monev_"

func hashToken(plain string) []byte {
	h := sha256.Sum256([]byte(plain))
	return h[:]
}

// createAPIToken makes a new bearer token for a user and returns it; only
// its SHA-256 hash is stored, so it cannot be shown again.
func (db *store) createAPIToken(ctx context.Context, actor domain.Actor, u domain.User, name string) (string, error) {
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return "", err
	}
	plain := tokenPrefix + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(secret))
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var id int64
		err := tx.QueryRow(ctx, `
			INSERT INTO api_token (pemda, user_id, name, token_hash, prefix) VALUES ($1, $2, $3, $4, $5)
			RETURNING id`, u.Pemda, u.ID, name, hashToken(plain), plain[:len(tokenPrefix)+6]).Scan(&id)
		if err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "create", "api_token", id, "Token API untuk "+u.Username+" dibuat", nil, nil)
	})
	if err != nil {
		return "", database.MapError("create api token", err)
	}
	return plain, nil
}

// userByAPIToken returns the active user of an unrevoked token. It notes
// when the token was last used, at most once a minute and without waiting
// for the disk, so that the API answers from a single read.
func (db *store) userByAPIToken(ctx context.Context, plain string) (domain.User, error) {
	if !strings.HasPrefix(plain, tokenPrefix) {
		return domain.User{}, database.MapError("find api token", pgx.ErrNoRows)
	}
	hash := hashToken(plain)
	var stale bool
	rows, _ := db.Pool().Query(ctx, `
		SELECT `+userColumns("u.")+`, coalesce(k.last_used_at < now() - interval '1 minute', true) AS stale
		FROM api_token k JOIN app_user u ON u.pemda = k.pemda AND u.id = k.user_id
		WHERE k.token_hash = $1 AND k.revoked_at IS NULL AND u.active`, hash)
	r, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (userRow, error) {
		var u userRow
		err := row.Scan(append(u.targets(), &stale)...)
		return u, err
	})
	if err != nil {
		return domain.User{}, database.MapError("find api token", err)
	}
	if stale {
		err = pgx.BeginFunc(ctx, db.Pool(), func(tx pgx.Tx) error {
			batch := &pgx.Batch{}
			batch.Queue(`SELECT set_config('synchronous_commit', 'off', true)`)
			batch.Queue(`UPDATE api_token SET last_used_at = now() WHERE token_hash = $1`, hash)
			return tx.SendBatch(ctx, batch).Close()
		})
	}
	return r.user(), database.MapError("note api token use", err)
}

// apiTokens lists the tokens of a Pemda, newest first.
func (db *store) apiTokens(ctx context.Context, pemda string) ([]APIToken, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT k.id, k.user_id, u.username, k.name, k.prefix, k.created_at, k.last_used_at, k.revoked_at
		FROM api_token k JOIN app_user u ON u.pemda = k.pemda AND u.id = k.user_id
		WHERE k.pemda = $1 ORDER BY k.created_at DESC, k.id DESC`, pemda)
	ts, err := pgx.CollectRows(rows, pgx.RowToStructByPos[APIToken])
	return ts, database.MapError("list api tokens", err)
}

// revokeAPIToken stops a token from working.
func (db *store) revokeAPIToken(ctx context.Context, actor domain.Actor, pemda string, id int64) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE api_token SET revoked_at = now() WHERE pemda = $1 AND id = $2 AND revoked_at IS NULL`, pemda, id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return pgx.ErrNoRows
		}
		return audit.Write(ctx, tx, actor, "revoke", "api_token", id, "Token API dicabut", nil, nil)
	})
	return database.MapError("revoke api token", err)
}
