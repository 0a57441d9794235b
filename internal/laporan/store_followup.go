package laporan

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// followUpColumns is the column list followUpRow scans, of report_action a.
const followUpColumns = `a.id, a.action, a.owner, a.owner_kind, coalesce(a.owner_user_id, 0),
	coalesce(a.due_on, '0001-01-01'::date), a.status`

func followUpRow(row pgx.CollectableRow) (FollowUp, error) {
	var f FollowUp
	err := row.Scan(&f.ID, &f.Action, &f.Owner, &f.OwnerKind, &f.OwnerUserID, &f.Due, &f.Status)
	f.Due = zeroDate(f.Due)
	return f, err
}

// writeActions makes a report's follow-up items those given, in their
// order: an item with an ID keeps its record (and so its status and notes),
// one without is added, and the report's items not given are removed.
func writeActions(ctx context.Context, tx pgx.Tx, pemda string, reportID int64, items []FollowUp) error {
	keep := []int64{} // not nil: NULL would keep every row
	for _, a := range items {
		if a.ID != 0 {
			keep = append(keep, a.ID)
		}
	}
	if _, err := tx.Exec(ctx, `DELETE FROM report_action WHERE pemda = $1 AND report_id = $2 AND NOT (id = ANY($3))`,
		pemda, reportID, keep); err != nil {
		return err
	}
	for i, a := range items {
		kind := a.OwnerKind
		if kind == "" {
			kind = OwnerDisnaker
		}
		if a.ID != 0 {
			tag, err := tx.Exec(ctx, `UPDATE report_action SET seq = $4, action = $5, owner = $6, owner_kind = $7,
				owner_user_id = nullif($8, 0), due_on = $9, updated_at = now()
				WHERE pemda = $1 AND report_id = $2 AND id = $3`,
				pemda, reportID, a.ID, i+1, a.Action, a.Owner, kind, a.OwnerUserID, database.NullDate(a.Due))
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 1 {
				continue
			}
		}
		if _, err := tx.Exec(ctx, `INSERT INTO report_action (pemda, report_id, seq, action, owner, owner_kind, owner_user_id, due_on)
			VALUES ($1, $2, $3, $4, $5, $6, nullif($7, 0), $8)`,
			pemda, reportID, i+1, a.Action, a.Owner, kind, a.OwnerUserID, database.NullDate(a.Due)); err != nil {
			return err
		}
	}
	return nil
}

// followUpItemSQL reads follow-up items with their reports.
const followUpItemSQL = `SELECT ` + followUpColumns + `, a.updated_at, r.id, r.title, r.status, r.period
	FROM report_action a JOIN report r ON r.pemda = a.pemda AND r.id = a.report_id`

func followUpItemRow(row pgx.CollectableRow) (FollowUpItem, error) {
	var f FollowUpItem
	var period string
	err := row.Scan(&f.ID, &f.Action, &f.Owner, &f.OwnerKind, &f.OwnerUserID, &f.Due, &f.Status,
		&f.UpdatedAt, &f.ReportID, &f.ReportTitle, &f.ReportStatus, &period)
	if err != nil {
		return f, err
	}
	f.Due = zeroDate(f.Due)
	f.ReportPeriod, err = domain.ParsePeriod(period)
	return f, err
}

// followUps lists a Pemda's follow-up items by owner (in the order of
// OwnerKinds, named users last), then due date (open-ended last);
// finalOnly keeps those of signed reports.
func (db *store) followUps(ctx context.Context, pemda string, f FollowUpFilter, asOf time.Time, finalOnly bool) ([]FollowUpItem, error) {
	rows, _ := db.Pool().Query(ctx, followUpItemSQL+`
		WHERE a.pemda = $1 AND (cardinality($2::text[]) = 0 OR a.status = ANY($2))
		  AND ($3 = '' OR a.owner_kind = $3)
		  AND (NOT $4 OR (a.status IN ('belum', 'proses') AND a.due_on < $5))
		  AND (NOT $6 OR r.status = 'final')
		ORDER BY array_position(ARRAY['disnaker', 'bpjs', 'bpkad', 'bappeda', 'kelurahan', 'user'], a.owner_kind),
		         a.due_on NULLS LAST, r.id, a.seq`,
		pemda, f.Scope.statuses(), string(f.Owner), f.Overdue, asOf, finalOnly)
	out, err := pgx.CollectRows(rows, followUpItemRow)
	return out, database.MapError("list follow-ups", err)
}

// followUpsDue lists the open items of every report due on or before day until, earliest first.
func (db *store) followUpsDue(ctx context.Context, pemda string, until time.Time) ([]FollowUpItem, error) {
	rows, _ := db.Pool().Query(ctx, followUpItemSQL+`
		WHERE a.pemda = $1 AND a.status IN ('belum', 'proses') AND a.due_on <= $2
		ORDER BY a.due_on, r.id, a.seq`, pemda, until)
	out, err := pgx.CollectRows(rows, followUpItemRow)
	return out, database.MapError("list follow-ups due", err)
}

// followUp returns one item with its history, oldest entry first.
func (db *store) followUp(ctx context.Context, pemda string, id int64) (FollowUpItem, []FollowUpNote, error) {
	rows, _ := db.Pool().Query(ctx, followUpItemSQL+` WHERE a.pemda = $1 AND a.id = $2`, pemda, id)
	item, err := pgx.CollectExactlyOneRow(rows, followUpItemRow)
	if err != nil {
		return item, nil, database.MapError("find follow-up", err)
	}
	notes, err := db.notes(ctx, pemda, []int64{id})
	return item, notes, err
}

// notes returns the history of the given items, oldest entry first.
func (db *store) notes(ctx context.Context, pemda string, ids []int64) ([]FollowUpNote, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT id, followup_id, noted_on, status_from, status, note, link, file_name, file_type,
			coalesce(octet_length(file_data), 0), created_by_name, created_at
		FROM followup_note WHERE pemda = $1 AND followup_id = ANY($2) ORDER BY noted_on, id`, pemda, ids)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (FollowUpNote, error) {
		var n FollowUpNote
		err := row.Scan(&n.ID, &n.FollowUpID, &n.On, &n.From, &n.To, &n.Note, &n.Link, &n.FileName, &n.FileType,
			&n.FileSize, &n.ByName, &n.At)
		return n, err
	})
	return out, database.MapError("list follow-up notes", err)
}

// updateFollowUp records a status change or note on item id, after allow
// has accepted the item as it stands.
func (db *store) updateFollowUp(ctx context.Context, ch Change, id int64, c StatusChange, allow func(FollowUp) error) error {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+followUpColumns+` FROM report_action a WHERE a.pemda = $1 AND a.id = $2 FOR UPDATE`,
			ch.Actor.Pemda, id)
		old, err := pgx.CollectExactlyOneRow(rows, followUpRow)
		if err != nil {
			return err
		}
		if err := allow(old); err != nil {
			return err
		}
		var name, ftype string
		var data []byte
		if c.File != nil {
			name, ftype, data = c.File.Name, c.File.Type, c.File.Data
		}
		if _, err := tx.Exec(ctx, `INSERT INTO followup_note (pemda, followup_id, noted_on, status_from, status, note, link,
				file_name, file_type, file_data, created_by, created_by_name, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, nullif($11, 0), $12, coalesce($13, now()))`,
			ch.Actor.Pemda, id, c.On, old.Status, c.Status, c.Note, c.Link, name, ftype, data, ch.Actor.UserID,
			ch.Actor.Username, ch.at()); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE report_action SET status = $3, updated_at = coalesce($4, now())
			WHERE pemda = $1 AND id = $2`, ch.Actor.Pemda, id, c.Status, ch.at()); err != nil {
			return err
		}
		summary := fmt.Sprintf("Tindak lanjut %s: %s → %s", domain.Quote(old.Action), old.Status.Label(), c.Status.Label())
		if old.Status == c.Status {
			summary = fmt.Sprintf("Catatan tindak lanjut %s (%s)", domain.Quote(old.Action), c.Status.Label())
		}
		return audit.Write(ctx, tx, ch.Actor, "update", "followup", id, summary,
			map[string]any{"status": old.Status},
			map[string]any{"status": c.Status, "on": c.On.Format(time.DateOnly), "note": c.Note, "link": c.Link, "file": name})
	})
	return database.MapError("update follow-up", err)
}

// evidence returns the file of a note and the item it belongs to.
func (db *store) evidence(ctx context.Context, pemda string, noteID int64) (Evidence, int64, error) {
	var e Evidence
	var item int64
	err := db.Pool().QueryRow(ctx, `SELECT followup_id, file_name, file_type, file_data FROM followup_note
		WHERE pemda = $1 AND id = $2 AND file_data IS NOT NULL`, pemda, noteID).Scan(&item, &e.Name, &e.Type, &e.Data)
	return e, item, database.MapError("find evidence", err)
}
