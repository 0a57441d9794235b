package laporan

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/notice"
)

// authorOf is who wrote a report: its creator, else (a report made on the
// command line) every Disnaker user.
func authorOf(r Report) notice.To {
	if r.CreatedBy != 0 {
		return notice.To{Users: []int64{r.CreatedBy}}
	}
	return notice.To{Roles: []domain.Role{domain.RoleDisnaker}}
}

// noticeStep tells whoever must act next after a workflow step: BPJS's
// reviewers after a submission, the author after a return, the signatories
// after an approval. Other steps tell nobody. The actor is never told of
// their own step.
func noticeStep(ctx context.Context, tx pgx.Tx, ch Change, r Report, step Step) error {
	n := notice.Notice{Pemda: r.Pemda, Kind: notice.ReportWaiting, At: ch.At, Link: "/reports/" + strconv.FormatInt(r.ID, 10)}
	var to notice.To
	switch step {
	case StepSubmit:
		n.Title, n.Body = "Laporan menunggu reviu: "+r.Title, "Laporan monev diajukan oleh "+ch.Actor.Username+" dan menunggu reviu BPJS."
		to = notice.To{Roles: []domain.Role{domain.RoleBPJS}}
	case StepReturn:
		n.Title, n.Body = "Laporan dikembalikan untuk perbaikan: "+r.Title, "BPJS mengembalikan laporan untuk diperbaiki."
		if ch.Note != "" {
			n.Body = "BPJS mengembalikan laporan: " + ch.Note
		}
		to = authorOf(r)
	case StepApprove:
		n.Title, n.Body = "Laporan menunggu tanda tangan: "+r.Title, "BPJS menyetujui laporan; laporan menunggu ditandatangani."
		to = notice.To{Signatories: true}
	default:
		return nil
	}
	to.Except = ch.Actor.UserID
	_, err := notice.Post(ctx, tx, n, to)
	return err
}

// noticeComment tells a report's author of a review comment on it.
func noticeComment(ctx context.Context, tx pgx.Tx, ch Change, r Report, c Comment) error {
	to := authorOf(r)
	to.Except = ch.Actor.UserID
	_, err := notice.Post(ctx, tx, notice.Notice{Pemda: r.Pemda, Kind: notice.ReviewComment, At: ch.At,
		Title: "Komentar reviu pada " + SectionTitle(c.Section) + ": " + r.Title, Body: c.Author + ": " + c.Body,
		Link: "/reports/" + strconv.FormatInt(r.ID, 10)}, to)
	return err
}

// postFollowUpNotices posts each item's reminder to its recipients in one
// transaction, returning how many notifications it wrote.
func (db *store) postFollowUpNotices(ctx context.Context, pemda string, items []FollowUpItem, asOf time.Time) (int, error) {
	total := 0
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		for _, f := range items {
			n, err := notice.Post(ctx, tx, followUpNotice(pemda, f, asOf), followUpRecipients(f.FollowUp))
			if err != nil {
				return err
			}
			total += n
		}
		return nil
	})
	return total, database.MapError("notify follow-ups", err)
}
