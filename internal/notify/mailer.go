package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/cilegon/monev/internal/platform/database"
)

// Mailer sends the mail queue: a goroutine started by the server runs it,
// so no request ever waits for a mail server. Several Mailers (one per
// server process) may run against one database.
type Mailer struct {
	db *store
	// Env is the SMTP server of the environment (MONEV_SMTP_*), used for a
	// Pemda that stored no settings of its own.
	Env SMTP
	// BaseURL is the external address links in e-mails start with.
	BaseURL string
	// Backoff is the wait after the n-th failed attempt; tests shorten it.
	Backoff func(n int) time.Duration
	// Timeout bounds one delivery: connecting, talking and sending.
	Timeout time.Duration
	Now     func() time.Time
	Log     *slog.Logger
	wake    chan struct{}
}

// NewMailer returns the mail sender of db.
func NewMailer(db *database.DB, log *slog.Logger) *Mailer {
	return &Mailer{db: &store{db}, Backoff: Backoff, Timeout: 30 * time.Second, Now: time.Now, Log: log,
		wake: make(chan struct{}, 1)}
}

// Wake asks a running Mailer to look at the queue now, e.g. after a test
// e-mail was queued.
func (m *Mailer) Wake() {
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// Run sends what is due every interval (and when woken) until ctx ends.
func (m *Mailer) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := m.SendDue(ctx); err != nil && ctx.Err() == nil {
			m.Log.Warn("send mail queue", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-m.wake:
		}
	}
}

// SendDue tries every message due now once and returns how many were sent.
// A failure is recorded on its message (the error, the attempt, the next
// attempt after Backoff); only a database failure is returned.
func (m *Mailer) SendDue(ctx context.Context) (int, error) {
	tried := []int64{}
	sent := 0
	for ctx.Err() == nil {
		id, err := m.db.sendNext(ctx, m.Now(), tried, m.Backoff, func(q Mail) (bool, error) {
			cfg, err := m.config(ctx, q.Pemda)
			if err != nil {
				return false, err
			}
			if !cfg.Configured() {
				return false, errors.New("SMTP belum diatur")
			}
			err = m.deliver(ctx, cfg, q)
			if err == nil {
				sent++
			} else {
				m.Log.Warn("mail not sent", "mail_id", q.ID, "attempt", q.Attempts+1, "err", err)
			}
			return true, err
		})
		if errors.Is(err, errNoMail) {
			return sent, nil
		}
		if err != nil {
			return sent, err
		}
		tried = append(tried, id)
	}
	return sent, ctx.Err()
}

// config is the SMTP server for a Pemda: its own settings, else Env.
func (m *Mailer) config(ctx context.Context, pemda string) (SMTP, error) {
	c, err := m.db.smtp(ctx, pemda)
	if err != nil || c.Configured() {
		return c, err
	}
	return m.Env, nil
}

// deliver sends one message through the SMTP server cfg.
func (m *Mailer) deliver(ctx context.Context, cfg SMTP, q Mail) error {
	ctx, cancel := context.WithTimeout(ctx, m.Timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port)))
	if err != nil {
		return fmt.Errorf("smtp connect: %w", err)
	}
	deadline, _ := ctx.Deadline()
	_ = conn.SetDeadline(deadline)
	var c *smtp.Client
	if cfg.StartTLS {
		if c, err = smtp.NewClientStartTLS(conn, &tls.Config{ServerName: cfg.Host}); err != nil {
			return fmt.Errorf("smtp starttls: %w", err)
		}
	} else {
		c = smtp.NewClient(conn)
	}
	defer c.Close()
	if cfg.Username != "" {
		if err := c.Auth(sasl.NewPlainClient("", cfg.Username, cfg.Password)); err != nil {
			return fmt.Errorf("smtp auth: %w", err)
		}
	}
	from := cfg.Sender
	if a, err := parseAddress(cfg.Sender); err == nil {
		from = a
	}
	if err := c.SendMail(from, []string{q.Recipient}, bytes.NewReader(m.message(cfg, q))); err != nil {
		return fmt.Errorf("smtp send: %w", err)
	}
	return c.Quit()
}

// message is q as an RFC 5322 message in UTF-8 plain text.
func (m *Mailer) message(cfg SMTP, q Mail) []byte {
	var b bytes.Buffer
	h := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	h("From", cfg.Sender)
	h("To", q.Recipient)
	h("Subject", mime.QEncoding.Encode("utf-8", q.Subject))
	h("Date", m.Now().Format(time.RFC1123Z))
	h("Message-ID", fmt.Sprintf("<monev-%d-%d@%s>", q.ID, q.CreatedAt.Unix(), cfg.Host))
	h("MIME-Version", "1.0")
	h("Content-Type", "text/plain; charset=utf-8")
	h("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	text := q.Body
	if q.Link != "" {
		text += "\n\nBuka: " + strings.TrimRight(m.BaseURL, "/") + q.Link
	}
	text += "\n\n--\nmonev · pesan otomatis; atur surel yang Anda terima di halaman Notifikasi → Preferensi."
	w := quotedprintable.NewWriter(&b)
	_, _ = w.Write([]byte(strings.ReplaceAll(text, "\n", "\r\n")))
	_ = w.Close()
	return b.Bytes()
}
