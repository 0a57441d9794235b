package notify

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/notice"
)

// store is the SQL of the inbox, the preferences and the SMTP settings.
type store struct{ *database.DB }

// inbox returns a page of a user's notifications, newest first, and how
// many there are in all.
func (db *store) inbox(ctx context.Context, u domain.User, offset, limit int) ([]Notification, int64, error) {
	var total int64
	if err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM notification WHERE pemda = $1 AND user_id = $2`,
		u.Pemda, u.ID).Scan(&total); err != nil {
		return nil, 0, database.MapError("count notifications", err)
	}
	rows, _ := db.Pool().Query(ctx, `
		SELECT id, kind, title, body, link, created_at, read_at FROM notification
		WHERE pemda = $1 AND user_id = $2 ORDER BY created_at DESC, id DESC`+database.Page(offset, limit), u.Pemda, u.ID)
	ns, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Notification, error) {
		var n Notification
		var kind string
		err := row.Scan(&n.ID, &kind, &n.Title, &n.Body, &n.Link, &n.CreatedAt, &n.ReadAt)
		n.Kind = notice.Kind(kind)
		return n, err
	})
	return ns, total, database.MapError("list notifications", err)
}

// unread counts a user's unread notifications.
func (db *store) unread(ctx context.Context, u domain.User) (int, error) {
	var n int
	err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM notification WHERE pemda = $1 AND user_id = $2 AND read_at IS NULL`,
		u.Pemda, u.ID).Scan(&n)
	return n, database.MapError("count unread", err)
}

// markRead marks one of the user's notifications read (id > 0) or all of
// them, and returns the link of the one marked.
func (db *store) markRead(ctx context.Context, u domain.User, id int64) (string, error) {
	if id == 0 {
		_, err := db.Pool().Exec(ctx, `UPDATE notification SET read_at = now()
			WHERE pemda = $1 AND user_id = $2 AND read_at IS NULL`, u.Pemda, u.ID)
		return "", database.MapError("mark all read", err)
	}
	var link string
	err := db.Pool().QueryRow(ctx, `UPDATE notification SET read_at = coalesce(read_at, now())
		WHERE pemda = $1 AND user_id = $2 AND id = $3 RETURNING link`, u.Pemda, u.ID, id).Scan(&link)
	return link, database.MapError("mark read", err)
}

// prefs returns a user's preferences; none stored means no e-mail.
func (db *store) prefs(ctx context.Context, u domain.User) (Prefs, error) {
	var p Prefs
	var off []string
	err := db.Pool().QueryRow(ctx, `SELECT email, email_off FROM notify_pref WHERE pemda = $1 AND user_id = $2`,
		u.Pemda, u.ID).Scan(&p.Email, &off)
	if err == pgx.ErrNoRows {
		return Prefs{}, nil
	}
	for _, k := range off {
		p.EmailOff = append(p.EmailOff, notice.Kind(k))
	}
	return p, database.MapError("find notify prefs", err)
}

// setPrefs stores a user's preferences and writes the change to the audit log.
func (db *store) setPrefs(ctx context.Context, actor domain.Actor, p Prefs) error {
	off := make([]string, len(p.EmailOff))
	for i, k := range p.EmailOff {
		off[i] = string(k)
	}
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `
			INSERT INTO notify_pref (pemda, user_id, email, email_off) VALUES ($1, $2, $3, $4)
			ON CONFLICT (pemda, user_id) DO UPDATE SET email = $3, email_off = $4, updated_at = now()`,
			actor.Pemda, actor.UserID, p.Email, off); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "update", "notify_pref", actor.UserID, "Preferensi notifikasi diubah",
			nil, map[string]any{"email": p.Email, "email_off": off})
	})
	return database.MapError("set notify prefs", err)
}

// smtp returns a Pemda's SMTP settings, the zero value when none are stored.
func (db *store) smtp(ctx context.Context, pemda string) (SMTP, error) {
	c := SMTP{Port: 587, StartTLS: true}
	err := db.Pool().QueryRow(ctx, `SELECT host, port, username, password, sender, starttls FROM smtp_setting WHERE pemda = $1`,
		pemda).Scan(&c.Host, &c.Port, &c.Username, &c.Password, &c.Sender, &c.StartTLS)
	if err == pgx.ErrNoRows {
		return c, nil
	}
	return c, database.MapError("find smtp settings", err)
}

// setSMTP stores a Pemda's SMTP settings; an empty password keeps the
// stored one. The audit entry never holds the password.
func (db *store) setSMTP(ctx context.Context, actor domain.Actor, c SMTP) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `
			INSERT INTO smtp_setting (pemda, host, port, username, password, sender, starttls) VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (pemda) DO UPDATE SET host = $2, port = $3, username = $4,
				password = CASE WHEN $5 = '' THEN smtp_setting.password ELSE $5 END,
				sender = $6, starttls = $7, updated_at = now()`,
			actor.Pemda, c.Host, c.Port, c.Username, c.Password, c.Sender, c.StartTLS); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "update", "smtp_setting", actor.Pemda, "Pengaturan SMTP diubah", nil,
			map[string]any{"host": c.Host, "port": c.Port, "username": c.Username, "sender": c.Sender,
				"starttls": c.StartTLS, "password_changed": c.Password != ""})
	})
	return database.MapError("set smtp settings", err)
}

// enqueueTest queues a test e-mail to address and writes it to the audit log.
func (db *store) enqueueTest(ctx context.Context, actor domain.Actor, address string) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO mail_queue (pemda, recipient, subject, body) VALUES ($1, $2, $3, $4)`,
			actor.Pemda, address, "Surel uji monev",
			"Surel ini dikirim dari halaman pengaturan SMTP monev untuk menguji pengiriman. Tidak perlu dibalas."); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "test_mail", "smtp_setting", actor.Pemda, "Surel uji diantrekan ke "+address, nil, nil)
	})
	return database.MapError("queue test mail", err)
}

// recentMails lists a Pemda's latest queued e-mails, newest first.
func (db *store) recentMails(ctx context.Context, pemda string, limit int) ([]Mail, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT id, pemda, recipient, subject, body, link, status, attempts, next_attempt_at, last_error, created_at, sent_at
		FROM mail_queue WHERE pemda = $1 ORDER BY id DESC LIMIT $2`, pemda, limit)
	ms, err := pgx.CollectRows(rows, scanMail)
	return ms, database.MapError("list mails", err)
}

func scanMail(row pgx.CollectableRow) (Mail, error) {
	var m Mail
	var st string
	err := row.Scan(&m.ID, &m.Pemda, &m.Recipient, &m.Subject, &m.Body, &m.Link, &st, &m.Attempts, &m.NextAttemptAt,
		&m.LastError, &m.CreatedAt, &m.SentAt)
	m.Status = MailStatus(st)
	return m, err
}
