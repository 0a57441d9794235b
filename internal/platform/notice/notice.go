// Package notice lets features tell users that something needs them: a
// feature posts a Notice inside the transaction of the change that causes
// it, and the notice becomes a row in each recipient's inbox and, for the
// recipients who want that kind by e-mail, a message in the mail queue.
// internal/notify owns the inbox pages, the preferences and the sending;
// this package is the small part every feature may import (it imports no
// feature, only domain and pgx).
package notice

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
)

// Kind is what a notice is about; users choose by kind which notices they
// also get by e-mail.
type Kind string

// The kinds of notice.
const (
	ReportWaiting  Kind = "report_waiting"  // a monev report waits for this user's step
	ReviewComment  Kind = "review_comment"  // a review comment on a report this user wrote
	BillOverdue    Kind = "bill_overdue"    // a coverage month's iuran fell overdue
	ImportFinished Kind = "import_finished" // this user's import was imported
	ImportRejected Kind = "import_rejected" // this user's import was refused or failed
	FollowupDue    Kind = "followup_due"    // a follow-up item is due within 7 days or overdue
)

// Kinds lists every kind in the order the preferences page shows them.
var Kinds = []Kind{ReportWaiting, ReviewComment, BillOverdue, ImportFinished, ImportRejected, FollowupDue}

// Label is the kind in Bahasa Indonesia, for the inbox and preferences.
func (k Kind) Label() string {
	switch k {
	case ReportWaiting:
		return "Laporan menunggu tindakan Anda"
	case ReviewComment:
		return "Komentar reviu pada laporan Anda"
	case BillOverdue:
		return "Iuran lewat jatuh tempo"
	case ImportFinished:
		return "Impor selesai"
	case ImportRejected:
		return "Impor ditolak atau gagal"
	case FollowupDue:
		return "Tindak lanjut mendekati atau lewat tenggat"
	}
	return string(k)
}

// Notice is one event to tell users about.
type Notice struct {
	Pemda string
	Kind  Kind
	Title string // one line, Bahasa Indonesia
	Body  string // a few sentences, plain text
	Link  string // the page to act on, a path starting with "/"
	// Once, when set, makes the notice reach each recipient at most once
	// with this key: a periodic job may post the same event again.
	Once string
	// At is when the event happened; zero means now. The demo and the
	// command line replay events of the past.
	At time.Time
}

// To names the recipients of a notice within its Pemda: users by id,
// every active user of some roles, or the signatories. Except leaves out
// one user, typically the one who caused the event.
type To struct {
	Users       []int64
	Roles       []domain.Role
	Signatories bool
	Except      int64
}

// postSQL writes a notice to every recipient's inbox and queues an e-mail
// for those with an address who have not turned the kind off. Inactive
// accounts get nothing.
const postSQL = `
WITH n AS (
	INSERT INTO notification (pemda, user_id, kind, title, body, link, once_key, created_at)
	SELECT u.pemda, u.id, $2, $3, $4, $5, nullif($6, ''), coalesce($11, now())
	FROM app_user u
	WHERE u.pemda = $1 AND u.active AND u.id <> $10
	  AND (u.id = ANY($7) OR u.role = ANY($8) OR ($9 AND u.signatory))
	ON CONFLICT (pemda, user_id, once_key) DO NOTHING
	RETURNING id, pemda, user_id, kind, title, body, link
), q AS (
	INSERT INTO mail_queue (pemda, notification_id, recipient, subject, body, link)
	SELECT n.pemda, n.id, p.email, n.title, n.body, n.link
	FROM n JOIN notify_pref p ON p.pemda = n.pemda AND p.user_id = n.user_id
	WHERE p.email <> '' AND NOT (n.kind = ANY(p.email_off))
	RETURNING 1
)
SELECT (SELECT count(*) FROM n), (SELECT count(*) FROM q)`

// Post delivers n to its recipients in tx, the transaction of the change
// that caused it, and returns how many inboxes it reached.
func Post(ctx context.Context, tx pgx.Tx, n Notice, to To) (int, error) {
	roles := make([]string, len(to.Roles))
	for i, r := range to.Roles {
		roles[i] = string(r)
	}
	users := to.Users
	if users == nil {
		users = []int64{}
	}
	var at *time.Time
	if !n.At.IsZero() {
		at = &n.At
	}
	var inboxes, mails int
	err := tx.QueryRow(ctx, postSQL, n.Pemda, string(n.Kind), n.Title, n.Body, n.Link, n.Once,
		users, roles, to.Signatories, to.Except, at).Scan(&inboxes, &mails)
	if err != nil {
		return 0, fmt.Errorf("notice: post %s: %w", n.Kind, err)
	}
	return inboxes, nil
}
