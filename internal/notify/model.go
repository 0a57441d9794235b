package notify

import (
	"net/mail"
	"slices"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/notice"
)

// Notification is one message in a user's inbox.
type Notification struct {
	ID        int64
	Kind      notice.Kind
	Title     string
	Body      string
	Link      string
	CreatedAt time.Time
	ReadAt    *time.Time
}

// Unread reports whether the user has not marked it read.
func (n Notification) Unread() bool { return n.ReadAt == nil }

// Prefs is how a user wants to be told: the address e-mails go to ("" for
// none) and the kinds they do not want by e-mail. The inbox gets every kind.
type Prefs struct {
	Email    string
	EmailOff []notice.Kind
}

// Mails reports whether a notice of kind k is also sent by e-mail.
func (p Prefs) Mails(k notice.Kind) bool { return p.Email != "" && !slices.Contains(p.EmailOff, k) }

// Validate checks the address; the message is for the form.
func (p *Prefs) Validate() error {
	p.Email = strings.TrimSpace(p.Email)
	if p.Email == "" {
		return nil
	}
	if a, err := mail.ParseAddress(p.Email); err != nil || a.Address != p.Email || strings.ContainsAny(p.Email, " <>") {
		return domain.FieldErrors{"email": "alamat surel tidak valid, contoh: nama@cilegon.go.id"}
	}
	return nil
}

// SMTP is a Pemda's outgoing mail server. Password is never shown back:
// a form that leaves it empty keeps the stored one.
type SMTP struct {
	Host     string
	Port     int
	Username string
	Password string
	Sender   string
	StartTLS bool
}

// Configured reports whether mail can be sent at all.
func (c SMTP) Configured() bool { return c.Host != "" && c.Sender != "" }

// Validate checks the settings by field, in Bahasa Indonesia.
func (c *SMTP) Validate() error {
	c.Host, c.Username, c.Sender = strings.TrimSpace(c.Host), strings.TrimSpace(c.Username), strings.TrimSpace(c.Sender)
	errs := domain.FieldErrors{}
	if c.Host != "" && strings.ContainsAny(c.Host, " /:@") {
		errs.Add("host", "nama server tidak valid, contoh: smtp.cilegon.go.id")
	}
	if c.Port < 1 || c.Port > 65535 {
		errs.Add("port", "port harus 1–65535, biasanya 587")
	}
	if c.Sender != "" {
		if _, err := mail.ParseAddress(c.Sender); err != nil {
			errs.Add("sender", "alamat pengirim tidak valid, contoh: monev@cilegon.go.id")
		}
	}
	if c.Host != "" && c.Sender == "" {
		errs.Add("sender", "alamat pengirim wajib diisi bila server diisi")
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// MailStatus is where a queued e-mail stands.
type MailStatus string

// The states of a queued e-mail.
const (
	MailPending MailStatus = "pending" // waiting for its (next) attempt
	MailSent    MailStatus = "sent"
	MailFailed  MailStatus = "failed" // gave up after MaxAttempts
)

// Label is the status in Bahasa Indonesia.
func (s MailStatus) Label() string {
	switch s {
	case MailPending:
		return "Menunggu"
	case MailSent:
		return "Terkirim"
	case MailFailed:
		return "Gagal"
	}
	return string(s)
}

// Mail is a message in the queue.
type Mail struct {
	ID            int64
	Pemda         string
	Recipient     string
	Subject       string
	Body          string
	Link          string
	Status        MailStatus
	Attempts      int
	NextAttemptAt time.Time
	LastError     string
	CreatedAt     time.Time
	SentAt        *time.Time
}

// MaxAttempts is how often a message is tried before it is marked failed.
const MaxAttempts = 8

// Backoff is the wait after the n-th failed attempt (n ≥ 1): a minute,
// doubling each time, at most six hours.
func Backoff(n int) time.Duration {
	d := time.Minute << min(max(n-1, 0), 16)
	return min(d, 6*time.Hour)
}

// parseAddress is the bare address of "Name <addr>" or "addr".
func parseAddress(s string) (string, error) {
	a, err := mail.ParseAddress(s)
	if err != nil {
		return "", err
	}
	return a.Address, nil
}
