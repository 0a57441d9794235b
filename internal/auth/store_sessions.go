package auth

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/platform/database"
)

// SessionStore keeps browser sessions in the sessions table, by the SHA-256
// of their token: the table alone signs nobody in. It implements scs's Store
// and CtxStore interfaces.
type SessionStore struct {
	db *database.DB
}

// sessionKey is how a session token is stored: its SHA-256 in hex.
func sessionKey(token string) string { return hex.EncodeToString(hashToken(token)) }

// FindCtx returns the data of an unexpired session.
func (s *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var b []byte
	err := s.db.Pool().QueryRow(ctx,
		`SELECT data FROM sessions WHERE token = $1 AND now() < expiry`, sessionKey(token)).Scan(&b)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("postgres: find session: %w", err)
	}
	return b, true, nil
}

// CommitCtx stores a session's data and expiry. With an idle timeout every
// request extends its session, so this runs on every page view: it commits
// without waiting for the disk (synchronous_commit off). A crash loses at
// most the last fraction of a second of session extensions, never data.
func (s *SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	err := pgx.BeginFunc(ctx, s.db.Pool(), func(tx pgx.Tx) error {
		batch := &pgx.Batch{}
		batch.Queue(`SELECT set_config('synchronous_commit', 'off', true)`)
		batch.Queue(`
			INSERT INTO sessions (token, data, expiry) VALUES ($1, $2, $3)
			ON CONFLICT (token) DO UPDATE SET data = EXCLUDED.data, expiry = EXCLUDED.expiry`,
			sessionKey(token), b, expiry)
		return tx.SendBatch(ctx, batch).Close()
	})
	if err != nil {
		return fmt.Errorf("postgres: commit session: %w", err)
	}
	return nil
}

// DeleteCtx ends a session on the server.
func (s *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	if _, err := s.db.Pool().Exec(ctx, `DELETE FROM sessions WHERE token = $1`, sessionKey(token)); err != nil {
		return fmt.Errorf("postgres: delete session: %w", err)
	}
	return nil
}

// Find is FindCtx without a context, for scs's Store interface.
func (s *SessionStore) Find(token string) ([]byte, bool, error) {
	return s.FindCtx(context.Background(), token)
}

// Commit is CommitCtx without a context, for scs's Store interface.
func (s *SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return s.CommitCtx(context.Background(), token, b, expiry)
}

// Delete is DeleteCtx without a context, for scs's Store interface.
func (s *SessionStore) Delete(token string) error {
	return s.DeleteCtx(context.Background(), token)
}

// DeleteExpired removes sessions past their expiry and old failed sign-ins.
func (s *SessionStore) DeleteExpired(ctx context.Context) error {
	_, err := s.db.Pool().Exec(ctx, `
		DELETE FROM sessions WHERE expiry < now();
		DELETE FROM login_failure WHERE at < now() - interval '1 day'`)
	if err != nil {
		return fmt.Errorf("postgres: delete expired sessions: %w", err)
	}
	return nil
}
