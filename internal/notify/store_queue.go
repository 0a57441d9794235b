package notify

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/platform/database"
)

// errNoMail says the queue holds no message due now.
var errNoMail = errors.New("no mail due")

// sendNext takes the oldest message due at now that is not in skip, locking
// it with FOR UPDATE SKIP LOCKED so that several workers never send the
// same message, hands it to send and records the outcome in the same
// transaction: sent, or the error with the attempt counted and the next
// attempt after backoff, or failed after MaxAttempts. It returns the
// message's id, and errNoMail when none is due.
func (db *store) sendNext(ctx context.Context, now time.Time, skip []int64, backoff func(int) time.Duration,
	send func(Mail) (attempted bool, err error)) (int64, error) {
	var id int64
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `
			SELECT id, pemda, recipient, subject, body, link, status, attempts, next_attempt_at, last_error, created_at, sent_at
			FROM mail_queue WHERE status = 'pending' AND next_attempt_at <= $1 AND id <> ALL($2)
			ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`, now, skip)
		m, err := pgx.CollectExactlyOneRow(rows, scanMail)
		if errors.Is(err, pgx.ErrNoRows) {
			return errNoMail
		}
		if err != nil {
			return err
		}
		id = m.ID
		attempted, serr := send(m)
		switch {
		case serr == nil:
			_, err = tx.Exec(ctx, `UPDATE mail_queue SET status = 'sent', attempts = attempts + 1, sent_at = $2, last_error = ''
				WHERE id = $1`, m.ID, now)
		case !attempted:
			// Nothing was tried (no SMTP settings): look again later without counting an attempt.
			_, err = tx.Exec(ctx, `UPDATE mail_queue SET next_attempt_at = $2, last_error = $3 WHERE id = $1`,
				m.ID, now.Add(10*time.Minute), truncate(serr.Error()))
		default:
			n := m.Attempts + 1
			status := MailPending
			if n >= MaxAttempts {
				status = MailFailed
			}
			_, err = tx.Exec(ctx, `UPDATE mail_queue SET status = $2, attempts = $3, next_attempt_at = $4, last_error = $5
				WHERE id = $1`, m.ID, string(status), n, now.Add(backoff(n)), truncate(serr.Error()))
		}
		return err
	})
	if errors.Is(err, errNoMail) {
		return 0, err
	}
	return id, database.MapError("send queued mail", err)
}

// truncate keeps an error message short enough to show in a table.
func truncate(s string) string {
	if r := []rune(s); len(r) > 300 {
		return string(r[:300]) + "…"
	}
	return s
}
