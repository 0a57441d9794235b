package laporan

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// store is the SQL of monev reports: their content, workflow events,
// review comments and frozen figures.
type store struct{ *database.DB }

// at is the change's time as a query argument: NULL means now().
func (c Change) at() *time.Time { return database.NullDate(c.At) }

// reportColumns is the column list reportRow scans.
const reportColumns = `id, pemda, status, title, period, basis, coalesce(meeting_on, '0001-01-01'::date), meeting_place, opened_by,
	legal_basis, background, aims, method, findings, obstacles, potential, commitments, recommendations, budget_scenario,
	coalesce(signer_id, 0), signer_name, signer_position, signer_rank, signer_nip, signed_place,
	coalesce(signed_on, '0001-01-01'::date), coalesce(snapshot::text, ''), coalesce(checksum, ''), coalesce(created_by, 0),
	created_at, updated_at`

func reportRow(row pgx.CollectableRow) (Report, error) {
	var r Report
	var period, snapshot string
	var budget []byte
	err := row.Scan(&r.ID, &r.Pemda, &r.Status, &r.Title, &period, &r.Basis, &r.Meeting.On, &r.Meeting.Place, &r.Meeting.OpenedBy,
		&r.LegalBasis, &r.Background, &r.Aims, &r.Method, &r.Findings, &r.Obstacles, &r.Potential, &r.Commitments,
		&r.Recommendations, &budget, &r.Signature.UserID, &r.Signature.Name, &r.Signature.Position, &r.Signature.Rank,
		&r.Signature.NIP, &r.Signature.Place, &r.Signature.On, &snapshot, &r.Checksum, &r.CreatedBy, &r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return r, err
	}
	r.Meeting.On, r.Signature.On = zeroDate(r.Meeting.On), zeroDate(r.Signature.On)
	if snapshot != "" {
		r.Snapshot = []byte(snapshot)
	}
	if r.Period, err = domain.ParsePeriod(period); err != nil {
		return r, fmt.Errorf("report %d: %w", r.ID, err)
	}
	if len(budget) > 0 {
		r.Budget = new(BudgetScenario)
		if err := json.Unmarshal(budget, r.Budget); err != nil {
			return r, fmt.Errorf("report %d: budget scenario: %w", r.ID, err)
		}
	}
	return r, nil
}

// zeroDate turns the placeholder of a NULL date back into the zero time.
func zeroDate(t time.Time) time.Time {
	if t.Year() == 1 {
		return time.Time{}
	}
	return t
}

// report returns one report with its attendees and follow-up actions.
func (db *store) report(ctx context.Context, pemda string, id int64) (Report, error) {
	var r Report
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var err error
		r, err = loadReport(ctx, tx, pemda, id, "")
		return err
	})
	return r, database.MapError("find report", err)
}

// loadReport reads a report inside tx; lock is "" or "FOR UPDATE".
func loadReport(ctx context.Context, tx pgx.Tx, pemda string, id int64, lock string) (Report, error) {
	rows, _ := tx.Query(ctx, `SELECT `+reportColumns+` FROM report WHERE pemda = $1 AND id = $2 `+lock, pemda, id)
	r, err := pgx.CollectExactlyOneRow(rows, reportRow)
	if err != nil {
		return r, err
	}
	rows, _ = tx.Query(ctx, `SELECT name, position, institution FROM report_attendee
		WHERE pemda = $1 AND report_id = $2 ORDER BY seq`, pemda, id)
	if r.Attendees, err = pgx.CollectRows(rows, pgx.RowToStructByPos[Attendee]); err != nil {
		return r, err
	}
	rows, _ = tx.Query(ctx, `SELECT `+followUpColumns+` FROM report_action a
		WHERE a.pemda = $1 AND a.report_id = $2 ORDER BY a.seq`, pemda, id)
	r.Actions, err = pgx.CollectRows(rows, followUpRow)
	return r, err
}

// reports lists the reports of a Pemda, newest period first; with
// statuses given, only those in one of them.
func (db *store) reports(ctx context.Context, pemda string, statuses ...Status) ([]Summary, error) {
	only := make([]string, len(statuses))
	for i, s := range statuses {
		only[i] = string(s)
	}
	rows, _ := db.Pool().Query(ctx, `
		SELECT id, title, period, basis, status, coalesce(meeting_on, '0001-01-01'::date), coalesce(signed_on, '0001-01-01'::date),
		       coalesce(checksum, ''), updated_at
		FROM report WHERE pemda = $1 AND (cardinality($2::text[]) = 0 OR status = ANY($2))
		ORDER BY split_part(period, '..', -1) DESC, id DESC`, pemda, only)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Summary, error) {
		var s Summary
		var period string
		err := row.Scan(&s.ID, &s.Title, &period, &s.Basis, &s.Status, &s.MeetingOn, &s.SignedOn, &s.Checksum, &s.UpdatedAt)
		if err != nil {
			return s, err
		}
		s.MeetingOn, s.SignedOn = zeroDate(s.MeetingOn), zeroDate(s.SignedOn)
		s.Period, err = domain.ParsePeriod(period)
		return s, err
	})
	return out, database.MapError("list reports", err)
}

// createReport adds a draft report and returns its ID.
func (db *store) createReport(ctx context.Context, ch Change, c Content) (int64, error) {
	var id int64
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO report (pemda, title, period, basis, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, nullif($5, 0), coalesce($6, now()), coalesce($6, now())) RETURNING id`,
			ch.Actor.Pemda, c.Title, c.Period.String(), string(c.Basis), ch.Actor.UserID, ch.at()).Scan(&id)
		if err != nil {
			return err
		}
		if err := writeContent(ctx, tx, ch.Actor.Pemda, id, c); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, ch, id, "create", "", Draft); err != nil {
			return err
		}
		return audit.Write(ctx, tx, ch.Actor, "create", "report", id, "Laporan monev dibuat: "+c.Title, nil, reportValues(c))
	})
	return id, database.MapError("create report", err)
}

// updateReport replaces what the authors wrote, while the report is a
// draft or returned for changes; otherwise it fails with ErrConflict.
func (db *store) updateReport(ctx context.Context, ch Change, id int64, c Content) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		old, err := editableReport(ctx, tx, ch.Actor.Pemda, id)
		if err != nil {
			return err
		}
		c.Budget = old.Budget // chosen on its own form
		if err := writeContent(ctx, tx, ch.Actor.Pemda, id, c); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, ch, id, "update", old.Status, old.Status); err != nil {
			return err
		}
		return audit.Write(ctx, tx, ch.Actor, "update", "report", id, "Laporan monev diubah: "+c.Title,
			reportValues(old.Content), reportValues(c))
	})
	return database.MapError("update report", err)
}

// setReportBudget stores the budget recommendation chosen in the
// calculator (nil removes it), while the report may be edited.
func (db *store) setReportBudget(ctx context.Context, ch Change, id int64, s *BudgetScenario) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		old, err := editableReport(ctx, tx, ch.Actor.Pemda, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE report SET budget_scenario = $3, updated_at = now() WHERE pemda = $1 AND id = $2`,
			ch.Actor.Pemda, id, s); err != nil {
			return err
		}
		summary := "Rekomendasi anggaran dihapus dari laporan"
		if s != nil {
			summary = "Rekomendasi anggaran: " + s.Arithmetic()
		}
		ch.Note = summary
		if err := addEvent(ctx, tx, ch, id, "budget", old.Status, old.Status); err != nil {
			return err
		}
		return audit.Write(ctx, tx, ch.Actor, "update", "report", id, summary, old.Budget, s)
	})
	return database.MapError("set report budget", err)
}

// deleteReport removes a draft that was never submitted.
func (db *store) deleteReport(ctx context.Context, actor domain.Actor, id int64) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		old, err := loadReport(ctx, tx, actor.Pemda, id, "FOR UPDATE")
		if err != nil {
			return err
		}
		if old.Status != Draft {
			return fmt.Errorf("%w: only a draft can be deleted", domain.ErrConflict)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM report WHERE pemda = $1 AND id = $2`, actor.Pemda, id); err != nil {
			return err
		}
		return audit.Write(ctx, tx, actor, "delete", "report", id, "Draf laporan dihapus: "+old.Title, reportValues(old.Content), nil)
	})
	return database.MapError("delete report", err)
}

// editableReport locks a report and fails with ErrConflict unless its text may change.
func editableReport(ctx context.Context, tx pgx.Tx, pemda string, id int64) (Report, error) {
	r, err := loadReport(ctx, tx, pemda, id, "FOR UPDATE")
	if err == nil && !r.Status.Editable() {
		err = fmt.Errorf("%w: a report %s cannot be edited", domain.ErrConflict, r.Status)
	}
	return r, err
}

// writeContent stores the text, attendees and follow-up items of a report.
func writeContent(ctx context.Context, tx pgx.Tx, pemda string, id int64, c Content) error {
	_, err := tx.Exec(ctx, `
		UPDATE report SET title = $3, period = $4, basis = $5, meeting_on = $6, meeting_place = $7, opened_by = $8,
			legal_basis = $9, background = $10, aims = $11, method = $12, findings = $13, obstacles = $14, potential = $15,
			commitments = $16, recommendations = $17, budget_scenario = $18, updated_at = now()
		WHERE pemda = $1 AND id = $2`,
		pemda, id, c.Title, c.Period.String(), string(c.Basis), database.NullDate(c.Meeting.On), c.Meeting.Place, c.Meeting.OpenedBy,
		c.LegalBasis, c.Background, c.Aims, c.Method, c.Findings, c.Obstacles, c.Potential, c.Commitments, c.Recommendations, c.Budget)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM report_attendee WHERE pemda = $1 AND report_id = $2`, pemda, id); err != nil {
		return err
	}
	for i, a := range c.Attendees {
		if _, err := tx.Exec(ctx, `INSERT INTO report_attendee (pemda, report_id, seq, name, position, institution)
			VALUES ($1, $2, $3, $4, $5, $6)`, pemda, id, i+1, a.Name, a.Position, a.Institution); err != nil {
			return err
		}
	}
	return writeActions(ctx, tx, pemda, id, c.Actions)
}

// reportValues is what the audit log keeps of a report's content.
func reportValues(c Content) map[string]any {
	return map[string]any{
		"title": c.Title, "period": c.Period.String(), "basis": c.Basis, "meeting_on": database.NullDate(c.Meeting.On),
		"meeting_place": c.Meeting.Place, "opened_by": c.Meeting.OpenedBy, "attendees": c.Attendees,
		"legal_basis": c.LegalBasis, "background": c.Background, "aims": c.Aims, "method": c.Method,
		"findings": c.Findings, "obstacles": c.Obstacles, "potential": c.Potential, "commitments": c.Commitments,
		"recommendations": c.Recommendations, "actions": c.Actions, "budget_scenario": c.Budget,
	}
}
