package claims

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// store is the SQL of the feature's records.
type store struct{ *database.DB }

// ClaimFilter narrows the list of claims; empty fields do not filter.
type ClaimFilter struct {
	Text                     string // part of the claim number, the worker's name, NIK or KPJ
	NIKInFullOnly            bool   // a NIK matches only when typed in full (roles that may not see NIKs)
	WorkerID                 int64
	Type                     domain.ClaimType
	Status                   domain.ClaimStatus // or NotRejected
	Category                 string
	Kelurahan                string
	Kecamatan                string
	IncidentFrom, IncidentTo time.Time // inclusive days
	PaidFrom, PaidTo         time.Time
	Sort                     string // incident (default), paid_on, amount, name, type, status, no
	Desc                     bool
}

// NotRejected is the Status of a filter that takes every claim but the
// rejected ones: the claims incurred, as the accrual basis counts them
// (web/links writes the same code in the links of other features).
const NotRejected domain.ClaimStatus = "tidak_ditolak"

// statusIs is the status a filter asks for, "" for any or NotRejected.
func statusIs(status domain.ClaimStatus) string {
	if status == NotRejected {
		return ""
	}
	return string(status)
}

// notRejected is "ditolak" when status asks for every claim but those.
func notRejected(status domain.ClaimStatus) string {
	if status == NotRejected {
		return string(domain.ClaimRejected)
	}
	return ""
}

// ClaimTotals are the count and sums of the claims that match.
type ClaimTotals struct {
	Count      int64
	Amount     domain.Rupiah
	PaidCount  int64
	PaidAmount domain.Rupiah
}

// ClaimListItem is one claim in the list, with the names of its worker's
// category and region.
type ClaimListItem struct {
	Claim
	CategoryCode  string
	CategoryName  string
	KelurahanName string
	KecamatanName string
}

var claimSorts = database.Sorts{
	"incident": {"k.incident_on"}, "paid_on": {"k.paid_on"}, "amount": {"k.amount"}, "name": {"w.name"},
	"type": {"k.type"}, "status": {"k.status"}, "no": {"k.claim_no"},
}

func (f ClaimFilter) where(pemda string) *database.Conditions {
	c := database.NewConditions("k.pemda", pemda)
	if digits, ok := database.SearchDigits(f.Text); ok {
		nik := `w.nik LIKE '%' || ? || '%'`
		if f.NIKInFullOnly {
			nik = `w.nik = ?`
		}
		// Claim numbers may have dashes or slashes between their digits.
		c.Add(`(regexp_replace(k.claim_no, '[^0-9]', '', 'g') LIKE '%' || ? || '%' OR `+nik+` OR w.kpj LIKE '%' || ? || '%')`, digits)
	} else if f.Text != "" {
		c.Add(`(k.claim_no ILIKE '%' || ? || '%' OR w.name ILIKE '%' || ? || '%')`, database.LikeEscape(f.Text))
	}
	for _, eq := range []struct {
		cond string
		v    string
	}{
		{`k.type = ?`, string(f.Type)}, {`k.status = ?`, statusIs(f.Status)}, {`k.status <> ?`, notRejected(f.Status)},
		{`k.category_code = ?`, f.Category},
		{`k.kelurahan_code = ?`, f.Kelurahan},
		{`k.kelurahan_code IN (SELECT code FROM kelurahan WHERE pemda = $1 AND kecamatan_code = ?)`, f.Kecamatan},
	} {
		if eq.v != "" {
			c.Add(eq.cond, eq.v)
		}
	}
	if f.WorkerID != 0 {
		c.Add(`k.worker_id = ?`, f.WorkerID)
	}
	for _, d := range []struct {
		cond string
		day  time.Time
	}{
		{`k.incident_on >= ?::date`, f.IncidentFrom}, {`k.incident_on <= ?::date`, f.IncidentTo},
		{`k.paid_on >= ?::date`, f.PaidFrom}, {`k.paid_on <= ?::date`, f.PaidTo},
	} {
		if !d.day.IsZero() {
			c.Add(d.cond, d.day)
		}
	}
	return c
}

// claimFrom joins a claim k to its worker w and the names of its category and region.
const claimFrom = `
	FROM claim k
	JOIN worker w ON w.pemda = k.pemda AND w.id = k.worker_id
	JOIN category c ON c.pemda = k.pemda AND c.code = k.category_code
	JOIN kelurahan kl ON kl.pemda = k.pemda AND kl.code = k.kelurahan_code
	JOIN kecamatan kc ON kc.pemda = kl.pemda AND kc.code = kl.kecamatan_code`

const claimColumns = `k.id, coalesce(k.claim_no, '') AS claim_no, k.worker_id, w.nik, w.name AS worker_name, k.type, k.incident_on,
	k.submitted_on, k.paid_on, k.amount, k.status, k.beneficiary, k.note`

type claimRow struct {
	ID          int64
	ClaimNo     string
	WorkerID    int64
	NIK         domain.NIK
	WorkerName  string
	Type        domain.ClaimType
	IncidentOn  time.Time
	SubmittedOn *time.Time
	PaidOn      *time.Time
	Amount      domain.Rupiah
	Status      domain.ClaimStatus
	Beneficiary string
	Note        string
}

func (r claimRow) claim() Claim {
	c := Claim{ID: r.ID, No: r.ClaimNo, WorkerID: r.WorkerID, NIK: r.NIK, WorkerName: r.WorkerName, Type: r.Type,
		IncidentOn: r.IncidentOn, Amount: r.Amount, Status: r.Status, Beneficiary: r.Beneficiary, Note: r.Note}
	if r.SubmittedOn != nil {
		c.SubmittedOn = *r.SubmittedOn
	}
	if r.PaidOn != nil {
		c.PaidOn = *r.PaidOn
	}
	return c
}

// claims returns a page of the claims that match, and their totals.
func (db *store) claims(ctx context.Context, pemda string, f ClaimFilter, offset, limit int) ([]ClaimListItem, ClaimTotals, error) {
	c := f.where(pemda)
	var t ClaimTotals
	err := db.Reader(ctx).QueryRow(ctx, `
		SELECT count(*), coalesce(sum(k.amount), 0),
		       count(*) FILTER (WHERE k.status = 'dibayar'), coalesce(sum(k.amount) FILTER (WHERE k.status = 'dibayar'), 0)
		FROM claim k JOIN worker w ON w.pemda = k.pemda AND w.id = k.worker_id WHERE `+c.Where(), c.Args()...).
		Scan(&t.Count, &t.Amount, &t.PaidCount, &t.PaidAmount)
	if err != nil {
		return nil, t, database.MapError("count claims", err)
	}
	rows, _ := db.Reader(ctx).Query(ctx, `SELECT `+claimItemColumns+claimFrom+
		` WHERE `+c.Where()+` ORDER BY `+claimSorts.OrderBy(f.Sort, "incident", f.Desc, "k.id")+database.Page(offset, limit), c.Args()...)
	items, err := pgx.CollectRows(rows, scanClaimItem)
	return items, t, database.MapError("list claims", err)
}

// claimItemColumns are the columns of a ClaimListItem.
const claimItemColumns = claimColumns + `, k.category_code, c.name, kl.name, kc.name`

func scanClaimItem(row pgx.CollectableRow) (ClaimListItem, error) {
	var r claimRow
	var it ClaimListItem
	err := row.Scan(&r.ID, &r.ClaimNo, &r.WorkerID, &r.NIK, &r.WorkerName, &r.Type, &r.IncidentOn, &r.SubmittedOn,
		&r.PaidOn, &r.Amount, &r.Status, &r.Beneficiary, &r.Note, &it.CategoryCode, &it.CategoryName, &it.KelurahanName, &it.KecamatanName)
	it.Claim = r.claim()
	return it, err
}

// eachClaim calls fn for every matching claim in the list's order, without
// holding them in memory (for exports).
func (db *store) eachClaim(ctx context.Context, pemda string, f ClaimFilter, fn func(Claim) error) error {
	c := f.where(pemda)
	err := db.Stream(ctx, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+claimColumns+claimFrom+` WHERE `+c.Where()+
			` ORDER BY `+claimSorts.OrderBy(f.Sort, "incident", f.Desc, "k.id"), c.Args()...)
		var r claimRow
		_, err := pgx.ForEachRow(rows, []any{&r.ID, &r.ClaimNo, &r.WorkerID, &r.NIK, &r.WorkerName, &r.Type, &r.IncidentOn,
			&r.SubmittedOn, &r.PaidOn, &r.Amount, &r.Status, &r.Beneficiary, &r.Note}, func() error { return fn(r.claim()) })
		return err
	})
	return database.MapError("export claims", err)
}

// claim returns one claim with its worker's NIK and name and the names of
// its category and region.
func (db *store) claim(ctx context.Context, pemda string, id int64) (ClaimListItem, error) {
	rows, _ := db.Pool().Query(ctx, `SELECT `+claimItemColumns+claimFrom+` WHERE k.pemda = $1 AND k.id = $2`, pemda, id)
	it, err := pgx.CollectExactlyOneRow(rows, scanClaimItem)
	return it, database.MapError("find claim", err)
}

// claimConflicts explain what stops a claim, in the words of the import's checks.
func claimConflicts(c Claim) map[string][2]string {
	return map[string][2]string{
		"claim_no_key": {"no_klaim", "nomor klaim " + c.No + " sudah tercatat"},
		"claim_natural_key": {"tanggal_kejadian", "klaim " + string(c.Type) + " untuk NIK " + string(c.NIK) +
			" dengan tanggal kejadian " + domain.FormatShortDay(c.IncidentOn) + " sudah tercatat; beri nomor klaim bila keduanya benar"},
	}
}

// unregistered is the refusal of a claim whose NIK is no registered worker.
func unregistered(nik domain.NIK) error {
	return domain.Refuse("nik", "NIK "+string(nik)+" belum terdaftar sebagai peserta; daftarkan pesertanya terlebih dahulu")
}

// claimArgs are the stored values of a claim, $1 to $11: the Pemda, the
// worker's NIK ($3) and the claim's own columns.
func claimArgs(pemda string, c Claim) []any {
	return []any{pemda, database.NullString(c.No), string(c.NIK), string(c.Type), c.IncidentOn, database.NullDate(c.SubmittedOn),
		database.NullDate(c.PaidOn), int64(c.Amount), string(c.Status), c.Beneficiary, c.Note}
}

// createClaim records a claim of the worker with c.NIK, who must be registered.
func (db *store) createClaim(ctx context.Context, actor domain.Actor, c Claim) (Claim, error) {
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		var row map[string]any
		err := tx.QueryRow(ctx, `
			INSERT INTO claim AS k (pemda, claim_no, worker_id, category_code, kelurahan_code, type, incident_on, submitted_on,
				paid_on, amount, status, beneficiary, note)
			SELECT w.pemda, $2, w.id, w.category_code, w.kelurahan_code, $4, $5, $6, $7, $8, $9, $10, $11
			FROM worker w WHERE w.pemda = $1 AND w.nik = $3
			RETURNING k.id, k.worker_id, `+audit.JSONOf("k"), claimArgs(actor.Pemda, c)...).Scan(&c.ID, &c.WorkerID, &row)
		if errors.Is(err, pgx.ErrNoRows) {
			return unregistered(c.NIK)
		}
		if err != nil {
			return database.ConflictOf(err, claimConflicts(c))
		}
		return audit.Write(ctx, tx, actor, "create", "claim", c.ID, "Klaim "+c.Type.ShortName()+" ditambahkan", nil, row)
	})
	return c, database.MapError("create claim", err)
}

// updateClaim corrects a claim, possibly moving it to another worker (the
// worker of c.NIK; c.WorkerID is not used).
func (db *store) updateClaim(ctx context.Context, actor domain.Actor, c Claim) (Claim, error) {
	change := audit.RowChange{Table: "claim", ID: c.ID, Summary: "Klaim " + c.Type.ShortName() + " diubah",
		Conflicts: claimConflicts(c), NoRow: unregistered(c.NIK)}
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		return change.Run(ctx, tx, actor, `
			UPDATE claim AS k SET claim_no = $2, worker_id = w.id, category_code = w.category_code, kelurahan_code = w.kelurahan_code,
				type = $4, incident_on = $5, submitted_on = $6, paid_on = $7, amount = $8, status = $9, beneficiary = $10,
				note = $11, updated_at = now()
			FROM worker w
			WHERE k.pemda = $1 AND k.id = $12 AND w.pemda = $1 AND w.nik = $3
			RETURNING `+audit.JSONOf("k"), append(claimArgs(actor.Pemda, c), c.ID)...)
	})
	return c, database.MapError("update claim", err)
}

// deleteClaim removes a claim entered by mistake.
func (db *store) deleteClaim(ctx context.Context, actor domain.Actor, id int64) error {
	return audit.DeleteRow(ctx, db.DB, actor, "claim", id, func(old map[string]any) string {
		return "Klaim dengan tanggal kejadian " + audit.Day(old["incident_on"]) + " dihapus"
	})
}

// workerNIK is the NIK of a registered worker.
func (db *store) workerNIK(ctx context.Context, pemda string, id int64) (domain.NIK, error) {
	var nik string
	err := db.Pool().QueryRow(ctx, `SELECT nik FROM worker WHERE pemda = $1 AND id = $2`, pemda, id).Scan(&nik)
	return domain.NIK(nik), database.MapError("find worker", err)
}
