package notify

import (
	"context"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// Service is the one entry point to the inbox, the preferences and the
// SMTP settings, for the pages and the command line. Sending is the
// Mailer's.
type Service struct {
	db *store
	// Wake, when set, is called after a message was queued from a page so
	// that the Mailer sends it without waiting for its next round.
	Wake func()
}

// NewService returns the notification service of db.
func NewService(db *database.DB) *Service { return &Service{db: &store{db}} }

// Inbox returns a page of the user's notifications, newest first, and the total.
func (s *Service) Inbox(ctx context.Context, u domain.User, offset, limit int) ([]Notification, int64, error) {
	return s.db.inbox(ctx, u, offset, limit)
}

// Unread counts the user's unread notifications, for the header.
func (s *Service) Unread(ctx context.Context, u domain.User) (int, error) { return s.db.unread(ctx, u) }

// MarkRead marks one of the user's notifications read and returns the page
// it links to; another user's notification is domain.ErrNotFound.
func (s *Service) MarkRead(ctx context.Context, u domain.User, id int64) (string, error) {
	if id <= 0 {
		return "", domain.ErrNotFound
	}
	return s.db.markRead(ctx, u, id)
}

// MarkAllRead marks every notification of the user read.
func (s *Service) MarkAllRead(ctx context.Context, u domain.User) error {
	_, err := s.db.markRead(ctx, u, 0)
	return err
}

// Prefs returns the user's preferences.
func (s *Service) Prefs(ctx context.Context, u domain.User) (Prefs, error) { return s.db.prefs(ctx, u) }

// SetPrefs stores the actor's own preferences; every role may.
func (s *Service) SetPrefs(ctx context.Context, actor domain.Actor, p Prefs) error {
	if actor.UserID == 0 {
		return domain.ErrForbidden
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return s.db.setPrefs(ctx, actor, p)
}

// SMTP returns the actor's Pemda's SMTP settings without the password
// (Password is "" whether or not one is stored); only an administrator may.
func (s *Service) SMTP(ctx context.Context, actor domain.Actor) (SMTP, bool, error) {
	if actor.Role != domain.RoleAdmin {
		return SMTP{}, false, domain.ErrForbidden
	}
	c, err := s.db.smtp(ctx, actor.Pemda)
	has := c.Password != ""
	c.Password = ""
	return c, has, err
}

// SetSMTP stores the SMTP settings of the actor's Pemda; an empty password
// keeps the stored one. Only an administrator may.
func (s *Service) SetSMTP(ctx context.Context, actor domain.Actor, c SMTP) error {
	if actor.Role != domain.RoleAdmin {
		return domain.ErrForbidden
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.db.setSMTP(ctx, actor, c)
}

// SendTest queues a test e-mail to address; the Mailer sends it. Only an
// administrator may.
func (s *Service) SendTest(ctx context.Context, actor domain.Actor, address string) error {
	if actor.Role != domain.RoleAdmin {
		return domain.ErrForbidden
	}
	p := Prefs{Email: address}
	if err := p.Validate(); err != nil || p.Email == "" {
		return domain.FieldErrors{"to": "alamat surel tujuan tidak valid, contoh: nama@cilegon.go.id"}
	}
	if err := s.db.enqueueTest(ctx, actor, p.Email); err != nil {
		return err
	}
	if s.Wake != nil {
		s.Wake()
	}
	return nil
}

// RecentMails lists the actor's Pemda's latest queued e-mails with their
// state and last error; only an administrator may.
func (s *Service) RecentMails(ctx context.Context, actor domain.Actor, limit int) ([]Mail, error) {
	if actor.Role != domain.RoleAdmin {
		return nil, domain.ErrForbidden
	}
	return s.db.recentMails(ctx, actor.Pemda, limit)
}
