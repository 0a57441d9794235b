package laporan

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// stepReport takes a workflow step other than signing (submit, review,
// return, approve) and records it in the report's history. A role the
// step is not for gives ErrStepNotAllowed, a step that does not
// fit the status domain.ErrConflict; a report submitted without what
// reviewers need gives domain.FieldErrors.
func (db *store) stepReport(ctx context.Context, ch Change, id int64, step Step) (Status, error) {
	if step == StepSign {
		return "", fmt.Errorf("postgres: step report: signing needs SignReport")
	}
	var to Status
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		r, err := loadReport(ctx, tx, ch.Actor.Pemda, id, "FOR UPDATE")
		if err != nil {
			return err
		}
		if to, err = r.Status.Apply(step, ch.Role); err != nil {
			return err
		}
		if step == StepSubmit {
			if err := r.ReadyToSubmit(); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE report SET status = $3, updated_at = now() WHERE pemda = $1 AND id = $2`,
			ch.Actor.Pemda, id, string(to)); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, ch, id, string(step), r.Status, to); err != nil {
			return err
		}
		if err := noticeStep(ctx, tx, ch, r, step); err != nil {
			return err
		}
		return audit.Write(ctx, tx, ch.Actor, string(step), "report", id, step.Past()+": "+r.Title+notePart(ch.Note),
			map[string]any{"status": r.Status}, map[string]any{"status": to, "note": ch.Note})
	})
	return to, database.MapError("report step", err)
}

// notePart appends a step's note to an audit summary.
func notePart(note string) string {
	if note == "" {
		return ""
	}
	return " (" + note + ")"
}

// signReport makes an approved report final: the signer's name, rank and
// NIP, place and date, and the frozen figures (snapshot, canonical JSON)
// with their SHA-256 checksum. Only an approved report can be signed.
func (db *store) signReport(ctx context.Context, ch Change, id int64, sig Signature, snapshot []byte, checksum string) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		r, err := loadReport(ctx, tx, ch.Actor.Pemda, id, "FOR UPDATE")
		if err != nil {
			return err
		}
		to, err := r.Status.Apply(StepSign, ch.Role)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `
			UPDATE report SET status = $3, signer_id = nullif($4, 0), signer_name = $5, signer_position = $6, signer_rank = $7,
				signer_nip = $8, signed_place = $9, signed_on = $10, snapshot = $11::jsonb, checksum = $12, updated_at = now()
			WHERE pemda = $1 AND id = $2`,
			ch.Actor.Pemda, id, string(to), sig.UserID, sig.Name, sig.Position, sig.Rank, sig.NIP, sig.Place, sig.On,
			string(snapshot), checksum)
		if err != nil {
			return err
		}
		ch.Note = strings.TrimSpace("SHA-256 " + checksum + " " + ch.Note)
		if err := addEvent(ctx, tx, ch, id, string(StepSign), r.Status, to); err != nil {
			return err
		}
		return audit.Write(ctx, tx, ch.Actor, string(StepSign), "report", id,
			"Laporan ditandatangani "+sig.Name+": "+r.Title, map[string]any{"status": r.Status},
			map[string]any{"status": to, "signer": sig.Name, "nip": sig.NIP, "signed_on": sig.On, "checksum": checksum})
	})
	return database.MapError("sign report", err)
}

// addEvent appends a line to a report's history.
func addEvent(ctx context.Context, tx pgx.Tx, ch Change, id int64, action string, from, to Status) error {
	_, err := tx.Exec(ctx, `
		INSERT INTO report_event (pemda, report_id, at, user_id, username, action, from_status, to_status, note)
		VALUES ($1, $2, coalesce($3, now()), nullif($4, 0), $5, $6, nullif($7, ''), $8, $9)`,
		ch.Actor.Pemda, id, ch.at(), ch.Actor.UserID, ch.Actor.Username, action, string(from), string(to), ch.Note)
	return err
}

// reportEvents is the history of a report, oldest first.
func (db *store) reportEvents(ctx context.Context, pemda string, id int64) ([]Event, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT at, username, action, coalesce(from_status, ''), to_status, note FROM report_event
		WHERE pemda = $1 AND report_id = $2 ORDER BY at, id`, pemda, id)
	events, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Event])
	return events, database.MapError("report history", err)
}

// addReportComment adds a review comment on a section, or a reply to one
// (ParentID set; a reply to a reply joins the thread of its parent). A new
// thread needs a report in review, a reply one between submission and
// signing; otherwise it fails with domain.ErrConflict.
func (db *store) addReportComment(ctx context.Context, ch Change, c Comment) (int64, error) {
	var id int64
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		r, err := loadReport(ctx, tx, ch.Actor.Pemda, c.ReportID, "FOR SHARE")
		if err != nil {
			return err
		}
		if c.ParentID != 0 {
			err := tx.QueryRow(ctx, `SELECT coalesce(parent_id, id), section FROM report_comment
				WHERE pemda = $1 AND report_id = $2 AND id = $3`, ch.Actor.Pemda, c.ReportID, c.ParentID).Scan(&c.ParentID, &c.Section)
			if err != nil {
				return err
			}
		}
		switch {
		case c.ParentID == 0 && !r.Status.CanStartThread():
			return fmt.Errorf("%w: comments open only while the report is in review", domain.ErrConflict)
		case c.ParentID != 0 && !r.Status.CanReply():
			return fmt.Errorf("%w: a report %s takes no replies", domain.ErrConflict, r.Status)
		case SectionTitle(c.Section) == "":
			return &domain.ValueError{Msg: "bagian laporan tidak dikenal: " + c.Section}
		}
		err = tx.QueryRow(ctx, `
			INSERT INTO report_comment (pemda, report_id, section, parent_id, user_id, author, author_role, body, created_at)
			VALUES ($1, $2, $3, nullif($4, 0), nullif($5, 0), $6, $7, $8, coalesce($9, now())) RETURNING id`,
			ch.Actor.Pemda, c.ReportID, c.Section, c.ParentID, ch.Actor.UserID, c.Author, string(ch.Role), c.Body, ch.at()).Scan(&id)
		if err != nil {
			return err
		}
		if err := noticeComment(ctx, tx, ch, r, c); err != nil {
			return err
		}
		kind := "Komentar reviu"
		if c.ParentID != 0 {
			kind = "Balasan komentar"
		}
		return audit.Write(ctx, tx, ch.Actor, "comment", "report", c.ReportID, kind+" pada "+SectionTitle(c.Section)+": "+r.Title,
			nil, map[string]any{"comment_id": id, "section": c.Section, "parent_id": c.ParentID, "body": c.Body})
	})
	return id, database.MapError("add report comment", err)
}

// resolveReportComment marks a thread as settled. Only an open report
// (from submission until it is signed: Status.CanReply) takes review
// actions; a final report's threads stay as they were signed.
func (db *store) resolveReportComment(ctx context.Context, actor domain.Actor, reportID, commentID int64) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		r, err := loadReport(ctx, tx, actor.Pemda, reportID, "FOR SHARE")
		if err != nil {
			return err
		}
		if !r.Status.CanReply() {
			return fmt.Errorf("%w: a report %s takes no review actions", domain.ErrConflict, r.Status)
		}
		tag, err := tx.Exec(ctx, `UPDATE report_comment SET resolved = true
			WHERE pemda = $1 AND report_id = $2 AND id = $3 AND parent_id IS NULL`, actor.Pemda, reportID, commentID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return pgx.ErrNoRows
		}
		return audit.Write(ctx, tx, actor, "update", "report", reportID, "Komentar reviu ditandai selesai",
			nil, map[string]any{"comment_id": commentID, "resolved": true})
	})
	return database.MapError("resolve report comment", err)
}

// reportComments lists the comments of a report, oldest first.
func (db *store) reportComments(ctx context.Context, pemda string, reportID int64) ([]Comment, error) {
	rows, _ := db.Pool().Query(ctx, `
		SELECT id, report_id, section, coalesce(parent_id, 0), coalesce(user_id, 0), author, author_role, body, resolved, created_at
		FROM report_comment WHERE pemda = $1 AND report_id = $2 ORDER BY created_at, id`, pemda, reportID)
	cs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Comment])
	return cs, database.MapError("report comments", err)
}
