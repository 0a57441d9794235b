package auth

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// store is the SQL of accounts, API tokens and failed sign-ins.
type store struct{ *database.DB }

// userColumns is the column list of userRow, qualified by a table alias.
func userColumns(alias string) string {
	return strings.NewReplacer("@", alias).Replace(
		`@pemda, @id, @username, @full_name, @role, @institution, @position, @rank, coalesce(@nip, '') AS nip, @signatory,
		@active, @session_epoch, @scope,
		array(SELECT p.code FROM pemda p WHERE p.code = @pemda OR p.code = ANY(@scope)
			OR left(p.code, 2) = ANY(array(SELECT s FROM unnest(@scope) s WHERE length(s) = 2)) ORDER BY p.code) AS scope_resolved`)
}

type userRow struct {
	Pemda        string
	ID           int64
	Username     string
	FullName     string
	Role         string
	Institution  string
	Position     string
	Rank         string
	NIP          string
	Signatory    bool
	Active       bool
	SessionEpoch int64
	ScopeCodes   []string `db:"scope"`
	Scope        []string `db:"scope_resolved"`
}

// targets are the scan targets of userColumns, in order.
func (r *userRow) targets() []any {
	return []any{&r.Pemda, &r.ID, &r.Username, &r.FullName, &r.Role, &r.Institution, &r.Position, &r.Rank, &r.NIP,
		&r.Signatory, &r.Active, &r.SessionEpoch, &r.ScopeCodes, &r.Scope}
}

func (r userRow) user() domain.User {
	return domain.User{
		ID: r.ID, Pemda: r.Pemda, Home: r.Pemda, ScopeCodes: r.ScopeCodes, Scope: r.Scope, Username: r.Username, FullName: r.FullName, Role: domain.Role(r.Role),
		Institution: r.Institution, Position: r.Position, Rank: r.Rank, NIP: r.NIP, Signatory: r.Signatory, Active: r.Active,
		SessionEpoch: r.SessionEpoch,
	}
}

// createUser adds a user with an already hashed password.
func (db *store) createUser(ctx context.Context, actor domain.Actor, u domain.User, passwordHash string) (domain.User, error) {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO app_user (pemda, username, full_name, role, password_hash, institution, position, rank, nip, signatory, active, scope)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, nullif($9, ''), $10, $11, $12)
			RETURNING id`,
			u.Pemda, u.Username, u.FullName, string(u.Role), passwordHash, u.Institution, u.Position, u.Rank, u.NIP, u.Signatory, u.Active,
			nonNil(u.ScopeCodes),
		).Scan(&u.ID)
		if err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, `SELECT `+userColumns("")+` FROM app_user WHERE pemda = $1 AND id = $2`, u.Pemda, u.ID)
		row, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByPos[userRow])
		if err != nil {
			return err
		}
		u = row.user()
		return audit.Write(ctx, tx, actor, "create", "user", u.ID, "Pengguna "+u.Username+" dibuat", nil, u)
	})
	return u, database.MapError("create user", err)
}

// nonNil is s, or an empty list for a NOT NULL array column.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// userByUsername returns an active or inactive user and their password hash.
func (db *store) userByUsername(ctx context.Context, username string) (domain.User, string, error) {
	var hash string
	rows, err := db.Pool().Query(ctx, `SELECT `+userColumns("")+`, password_hash FROM app_user WHERE username = $1`, username)
	if err != nil {
		return domain.User{}, "", database.MapError("find user", err)
	}
	r, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (userRow, error) {
		var u userRow
		err := row.Scan(append(u.targets(), &hash)...)
		return u, err
	})
	return r.user(), hash, database.MapError("find user", err)
}

// user returns one user of a Pemda.
func (db *store) user(ctx context.Context, pemda string, id int64) (domain.User, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT `+userColumns("")+` FROM app_user WHERE pemda = $1 AND id = $2`, pemda, id)
	r, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[userRow])
	return r.user(), database.MapError("find user", err)
}

// users lists the users of a Pemda by username.
func (db *store) users(ctx context.Context, pemda string) ([]domain.User, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT `+userColumns("")+` FROM app_user WHERE pemda = $1 ORDER BY username`, pemda)
	rs, err := pgx.CollectRows(rows, pgx.RowToStructByName[userRow])
	users := make([]domain.User, len(rs))
	for i, r := range rs {
		users[i] = r.user()
	}
	return users, database.MapError("list users", err)
}

// setPassword replaces a user's password hash and moves their session
// epoch on, which ends every session signed in before; it returns the new
// epoch.
func (db *store) setPassword(ctx context.Context, actor domain.Actor, pemda string, id int64, passwordHash string) (int64, error) {
	var epoch int64
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `UPDATE app_user SET password_hash = $3, session_epoch = session_epoch + 1, updated_at = now()
			WHERE pemda = $1 AND id = $2 RETURNING session_epoch`, pemda, id, passwordHash).Scan(&epoch)
		if err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "update", "user", id, "Kata sandi diganti; sesi lain diakhiri", nil, nil)
	})
	return epoch, database.MapError("set password", err)
}

// updateUser changes a user's role, names, signature details and whether
// they may sign in.
func (db *store) updateUser(ctx context.Context, actor domain.Actor, u domain.User) (domain.User, error) {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+userColumns("")+` FROM app_user WHERE pemda = $1 AND id = $2 FOR UPDATE`, u.Pemda, u.ID)
		old, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[userRow])
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `
			UPDATE app_user SET full_name = $3, role = $4, institution = $5, position = $6, rank = $7,
				nip = nullif($8, ''), signatory = $9, active = $10, updated_at = now()
			WHERE pemda = $1 AND id = $2`,
			u.Pemda, u.ID, u.FullName, string(u.Role), u.Institution, u.Position, u.Rank, u.NIP, u.Signatory, u.Active)
		if err != nil {
			return err
		}
		if !u.Active {
			// A deactivated user's tokens stop working at once.
			if _, err := tx.Exec(ctx, `UPDATE api_token SET revoked_at = now() WHERE pemda = $1 AND user_id = $2 AND revoked_at IS NULL`,
				u.Pemda, u.ID); err != nil {
				return err
			}
		}
		u.Username = old.Username
		return audit.Write(ctx, tx, actor, "update", "user", u.ID, "Pengguna "+old.Username+" diubah", old.user(), u)
	})
	return u, database.MapError("update user", err)
}
