package quality

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/registry"
)

// store is the SQL of the data-quality checks: one query per check, each
// finding the rows that break its rule.
type store struct{ *database.DB }

// The data-quality checks. Each is one query over one Pemda's rows whose
// result rows are findings with the columns of qualityFindings: why, which
// worker, and which claim or spell when it is about one, with the facts the
// page explains the finding by. qualityPageSQL counts them and reads one page.
// The definitions are Check's Definition and Details; the
// comments here say how the SQL implements them.

// qualityFindings are the columns every check's query returns, in order.
const qualityFindings = `reason, worker_id, claim_id, spell_id, died_on, expected, school_year, total_paid, other_ids`

// invalidNIKSQL flags NIKs that domain.ParseNIK rejects, and valid NIKs whose
// birth date or sex disagree with the worker's record. The schema already
// holds every NIK to 16 ASCII digits, so what remains of ParseNIK's rules is
// expressible exactly in SQL: province (digits 1–2) at least 11, city
// (digits 3–4) not 00, serial (13–16) not 0000, and digits 7–12 a real date
// DDMMYY with 40 added to the day for women, leap years taken as 20YY does.
// Doing it in SQL lets the database count and page the findings; the
// postgres tests compare its verdict with ParseNIK over many generated NIKs.
// The CASE guards make_date: SQL does not promise to evaluate AND in order.
const invalidNIKSQL = `
	SELECT CASE WHEN v.valid THEN 'nik_mismatch' ELSE 'nik_invalid' END, w.id,
	       NULL::bigint, NULL::bigint, NULL::date, NULL::bigint, NULL::int, NULL::bigint, NULL::bigint[]
	FROM worker w
	CROSS JOIN LATERAL (SELECT substr(w.nik, 7, 2)::int AS dd, substr(w.nik, 9, 2)::int AS mm,
	                           substr(w.nik, 11, 2)::int AS yy) d
	CROSS JOIN LATERAL (SELECT CASE WHEN d.dd > 40 THEN d.dd - 40 ELSE d.dd END AS day,
	                           CASE WHEN d.dd > 40 THEN 'P' ELSE 'L' END AS sex) b
	CROSS JOIN LATERAL (SELECT substr(w.nik, 1, 2)::int >= 11 AND substr(w.nik, 3, 2) <> '00'
	                           AND substr(w.nik, 13, 4) <> '0000'
	                           AND CASE WHEN d.mm BETWEEN 1 AND 12
	                                    THEN b.day BETWEEN 1 AND extract(day FROM make_date(2000 + d.yy, d.mm, 1)
	                                                                              + interval '1 month - 1 day')
	                                    ELSE false END AS valid) v
	WHERE w.pemda = $1
	  AND (NOT v.valid OR w.sex <> b.sex
	       OR to_char(w.birth_date, 'DDMMYY') <> lpad(b.day::text, 2, '0') || substr(w.nik, 9, 4))`

// duplicatePersonSQL finds groups of workers with the same name, compared
// as domain.NormalizeName does (lower case, letters and digits only), and
// the same birth date; and groups sharing a KPJ. NIK is unique per Pemda, so
// the workers of a group always have different NIKs. One finding per group:
// its first worker, with the others.
const duplicatePersonSQL = `
	SELECT 'same_name_birth', g.ids[1], NULL::bigint, NULL::bigint, NULL::date, NULL::bigint, NULL::int,
	       NULL::bigint, g.ids[2:]
	FROM (SELECT array_agg(id ORDER BY id) AS ids FROM worker
	      WHERE pemda = $1 AND birth_date IS NOT NULL
	      GROUP BY lower(regexp_replace(name, '[^[:alnum:]]+', '', 'g')), birth_date
	      HAVING count(*) > 1) g
	UNION ALL
	SELECT 'same_kpj', g.ids[1], NULL, NULL, NULL, NULL, NULL, NULL, g.ids[2:]
	FROM (SELECT array_agg(id ORDER BY id) AS ids FROM worker
	      WHERE pemda = $1 AND kpj IS NOT NULL
	      GROUP BY kpj HAVING count(*) > 1) g`

// coveredAfterDeathSQL takes the end of a worker's first spell with status
// meninggal as the death, and flags the worker's spells still running after
// that day (spells cannot overlap, so these started after it), and claims
// with a later incident date other than the types in $4 (death and
// scholarship claims, whose incident date is the death itself).
const coveredAfterDeathSQL = `
	WITH death AS (
		SELECT worker_id, min(end_date) AS died_on FROM enrollment
		WHERE pemda = $1 AND status = 'meninggal'
		GROUP BY worker_id
	)
	SELECT 'spell_after_death', d.worker_id, NULL::bigint, e.id, d.died_on, NULL::bigint, NULL::int,
	       NULL::bigint, NULL::bigint[]
	FROM death d JOIN enrollment e ON e.pemda = $1 AND e.worker_id = d.worker_id
	WHERE e.end_date IS NULL OR e.end_date > d.died_on
	UNION ALL
	SELECT 'claim_after_death', d.worker_id, k.id, NULL, d.died_on, NULL, NULL, NULL, NULL
	FROM death d JOIN claim k ON k.pemda = $1 AND k.worker_id = d.worker_id
	WHERE k.incident_on > d.died_on AND k.type <> ALL ($4::text[])`

// claimOutsideCoverageSQL flags claims of any type and status whose
// incident date no spell of the worker covers (start and end inclusive, an
// open spell runs on). A scholarship's incident date is its parent's death
// or disability, which a spell must cover like any other. The finding
// names the worker's spell nearest the incident date, if any.
const claimOutsideCoverageSQL = `
	SELECT CASE WHEN s.id IS NULL THEN 'no_spell' ELSE 'outside_spell' END, k.worker_id, k.id, s.id,
	       NULL::date, NULL::bigint, NULL::int, NULL::bigint, NULL::bigint[]
	FROM claim k
	LEFT JOIN LATERAL (
		SELECT e.id FROM enrollment e
		WHERE e.pemda = $1 AND e.worker_id = k.worker_id
		ORDER BY CASE WHEN e.end_date < k.incident_on THEN k.incident_on - e.end_date
		              ELSE e.start_date - k.incident_on END, e.start_date
		LIMIT 1
	) s ON true
	WHERE k.pemda = $1 AND NOT EXISTS (
		SELECT 1 FROM enrollment e
		WHERE e.pemda = $1 AND e.worker_id = k.worker_id
		  AND e.start_date <= k.incident_on AND (e.end_date IS NULL OR e.end_date >= k.incident_on))`

// benefitAmountSQL compares claims of any status with the standard benefit
// of their type on the incident date, for the worker's reported income
// ($9 when not positive), as domain.BenefitTable.Standard computes it. The
// Pemda's benefit rules (settings.Service.Benefits) come from Go as arrays
// ($4–$8), so they are read in one place; only types whose rule in force on
// the incident date is fixed are checked.
const benefitAmountSQL = `
	SELECT 'amount', k.worker_id, k.id, NULL::bigint, NULL::date, b.expected, NULL::int, NULL::bigint,
	       NULL::bigint[]
	FROM claim k
	JOIN worker w ON w.pemda = $1 AND w.id = k.worker_id
	CROSS JOIN LATERAL (
		SELECT t.fixed, t.flat + (CASE WHEN w.income > 0 THEN w.income ELSE $9 END) * t.income_percent / 100 AS expected
		FROM unnest($4::text[], $5::date[], $6::bigint[], $7::bigint[], $8::boolean[])
		     AS t (type, valid_from, flat, income_percent, fixed)
		WHERE t.type = k.type AND t.valid_from <= k.incident_on
		ORDER BY t.valid_from DESC
		LIMIT 1
	) b
	WHERE k.pemda = $1 AND b.fixed AND k.amount <> b.expected`

// scholarshipExcessSQL flags paid scholarship claims ($4 is the type)
// beyond the $5th of a worker in one school year (July–June, by payment
// date, in order of payment), those that bring the worker's paid total above
// $6, and claims of any status whose note matches $7 (a third or later child).
const scholarshipExcessSQL = `
	WITH paid AS (
		SELECT id, worker_id, school_year,
		       row_number() OVER (PARTITION BY worker_id, school_year ORDER BY paid_on, id) AS nth,
		       sum(amount) OVER (PARTITION BY worker_id ORDER BY paid_on, id) AS total_paid
		FROM (SELECT id, worker_id, paid_on, amount,
		             extract(year FROM paid_on)::int - CASE WHEN extract(month FROM paid_on) < 7 THEN 1 ELSE 0 END
		               AS school_year
		      FROM claim WHERE pemda = $1 AND type = $4 AND status = 'dibayar') k
	)
	SELECT 'children_per_year', worker_id, id, NULL::bigint, NULL::date, NULL::bigint, school_year, NULL::bigint,
	       NULL::bigint[]
	FROM paid WHERE nth > $5
	UNION ALL
	SELECT 'total_over_maximum', worker_id, id, NULL, NULL, NULL, NULL, total_paid, NULL
	FROM paid WHERE total_paid > $6
	UNION ALL
	SELECT 'third_child_note', worker_id, id, NULL, NULL, NULL, NULL, NULL, NULL
	FROM claim WHERE pemda = $1 AND type = $4 AND note ~* $7`

// thirdChildNote matches a note naming a third or later child: "anak ke-3",
// "Anak ke 4", "anak ketiga" (a PostgreSQL regular expression; \m and \M are
// word boundaries).
const thirdChildNote = `\manak\s+(ke\s*-?\s*([3-9]|[1-9][0-9])|ketiga|keempat|kelima|keenam)\M`

// findingOrder sorts findings: claims by incident date after the findings
// about workers alone, then by worker, claim, spell and reason, which makes
// the order total.
const findingOrder = `incident_on NULLS FIRST, worker_id, claim_id NULLS FIRST, spell_id NULLS FIRST, reason`

// qualityPageSQL counts the findings of the check query (%[1]s) and reads
// page $3/$2 of them with what the page shows of their worker, claim and
// spell, in one statement. The count comes even for a page past the end:
// then the page's columns are NULL.
var qualityPageSQL = `
	WITH f (` + qualityFindings + `) AS (%[1]s),
	page AS (
		SELECT f.reason, f.worker_id, w.nik, w.name, w.birth_date, w.sex, w.kpj,
		       f.claim_id, k.claim_no, k.type, k.incident_on, k.submitted_on, k.paid_on, k.amount, k.status,
		       k.beneficiary, k.note,
		       f.spell_id, e.start_date, e.end_date, e.status AS spell_status,
		       f.died_on, f.expected, f.school_year, f.total_paid, o.ids AS other_ids, o.niks AS other_niks,
		       o.names AS other_names
		FROM f
		JOIN worker w ON w.pemda = $1 AND w.id = f.worker_id
		LEFT JOIN claim k ON k.pemda = $1 AND k.id = f.claim_id
		LEFT JOIN enrollment e ON e.pemda = $1 AND e.id = f.spell_id
		LEFT JOIN LATERAL (
			SELECT array_agg(x.id ORDER BY x.id), array_agg(x.nik ORDER BY x.id), array_agg(x.name ORDER BY x.id)
			FROM worker x WHERE x.pemda = $1 AND x.id = ANY (f.other_ids)
		) o (ids, niks, names) ON true
		ORDER BY ` + findingOrder + `
		LIMIT $2 OFFSET $3
	)
	SELECT n.total, p.reason, p.worker_id, p.nik, p.name, p.birth_date, p.sex, p.kpj,
	       p.claim_id, p.claim_no, p.type, p.incident_on, p.submitted_on, p.paid_on, p.amount, p.status,
	       p.beneficiary, p.note, p.spell_id, p.start_date, p.end_date, p.spell_status,
	       p.died_on, p.expected, p.school_year, p.total_paid, p.other_ids, p.other_niks, p.other_names
	FROM (SELECT count(*) FROM f) n (total)
	LEFT JOIN page p ON true
	ORDER BY ` + qualifyOrder("p", findingOrder)

// qualifyOrder prefixes each column of an ORDER BY list with a table alias.
func qualifyOrder(alias, order string) string {
	parts := strings.Split(order, ", ")
	for i, p := range parts {
		parts[i] = alias + "." + p
	}
	return strings.Join(parts, ", ")
}

// qualityQuery returns the statement and arguments that count a check's
// findings and read page offset/limit of them.
func qualityQuery(pemda string, benefits domain.BenefitTable, check Check, offset, limit int) (string, []any, error) {
	args := []any{pemda, limit, offset}
	var sql string
	switch check {
	case CheckInvalidNIK:
		sql = invalidNIKSQL
	case CheckDuplicatePerson:
		sql = duplicatePersonSQL
	case CheckCoveredAfterDeath:
		sql = coveredAfterDeathSQL
		args = append(args, []string{string(domain.ClaimJKM), string(domain.ClaimJKKDeath), string(domain.ClaimScholarship)})
	case CheckClaimOutsideCoverage:
		sql = claimOutsideCoverageSQL
	case CheckBenefitAmount:
		sql = benefitAmountSQL
		args = append(args, benefitArrays(benefits)...)
		args = append(args, int64(domain.DefaultIncome))
	case CheckScholarshipExcess:
		sql = scholarshipExcessSQL
		args = append(args, string(domain.ClaimScholarship), claims.ScholarshipMaxChildren,
			int64(claims.ScholarshipMaxTotal), thirdChildNote)
	default:
		return "", nil, fmt.Errorf("unknown check %q: %w", check, domain.ErrNotFound)
	}
	return fmt.Sprintf(qualityPageSQL, sql), args, nil
}

// benefitArrays is a benefit table as five parallel arrays: type,
// valid from, flat amount, income percent and whether the amount is fixed.
func benefitArrays(bs domain.BenefitTable) []any {
	types, from := make([]string, len(bs)), make([]time.Time, len(bs))
	flat, percent, fixed := make([]int64, len(bs)), make([]int64, len(bs)), make([]bool, len(bs))
	for i, b := range bs {
		types[i], from[i], flat[i], percent[i], fixed[i] = string(b.Type), b.ValidFrom, int64(b.Flat), b.IncomePercent, b.Fixed
	}
	return []any{types, from, flat, percent, fixed}
}

// check runs one data-quality check: the number of findings and
// those from offset, at most limit.
func (db *store) check(ctx context.Context, pemda string, benefits domain.BenefitTable, check Check, offset, limit int) (Result, error) {
	sql, args, err := qualityQuery(pemda, benefits, check, offset, limit)
	if err != nil {
		return Result{}, database.MapError("quality check", err)
	}
	rows, _ := db.Reader(ctx).Query(ctx, sql, args...)
	res, err := collectQuality(check, rows)
	return res, database.MapError("quality check "+string(check), err)
}

// summary runs every data-quality check in one round trip and
// returns, in Checks order, each one's count and first
// findings, at most limit (0 for counts only).
func (db *store) summary(ctx context.Context, pemda string, benefits domain.BenefitTable, limit int) ([]Result, error) {
	batch := &pgx.Batch{}
	for _, c := range Checks {
		sql, args, err := qualityQuery(pemda, benefits, c, 0, limit)
		if err != nil {
			return nil, database.MapError("quality summary", err)
		}
		batch.Queue(sql, args...)
	}
	br := db.Reader(ctx).SendBatch(ctx, batch)
	defer br.Close()
	out := make([]Result, 0, len(Checks))
	for _, c := range Checks {
		rows, _ := br.Query()
		res, err := collectQuality(c, rows)
		if err != nil {
			return nil, database.MapError("quality summary "+string(c), err)
		}
		out = append(out, res)
	}
	return out, database.MapError("quality summary", br.Close())
}

// findingRow is one row of qualityPageSQL; every column but total is NULL
// when the page holds no findings.
type findingRow struct {
	Total       int64
	Reason      *string
	WorkerID    *int64
	NIK         *string
	Name        *string
	BirthDate   *time.Time
	Sex         *string
	KPJ         *string
	ClaimID     *int64
	ClaimNo     *string
	Type        *string
	IncidentOn  *time.Time
	SubmittedOn *time.Time
	PaidOn      *time.Time
	Amount      *int64
	Status      *string
	Beneficiary *string
	Note        *string
	SpellID     *int64
	StartDate   *time.Time
	EndDate     *time.Time
	SpellStatus *string
	DiedOn      *time.Time
	Expected    *int64
	SchoolYear  *int32
	TotalPaid   *int64
	OtherIDs    []int64
	OtherNIKs   []string
	OtherNames  []string
}

func collectQuality(check Check, rows pgx.Rows) (Result, error) {
	rs, err := pgx.CollectRows(rows, pgx.RowToStructByName[findingRow])
	res := Result{Check: check}
	if err != nil {
		return res, err
	}
	for _, r := range rs {
		res.Count = r.Total
		if r.WorkerID != nil {
			res.Findings = append(res.Findings, r.finding(check))
		}
	}
	return res, nil
}

func (r findingRow) finding(check Check) Finding {
	f := Finding{
		Check:  check,
		Reason: Reason(deref(r.Reason)),
		Worker: registry.Worker{ID: *r.WorkerID, NIK: domain.NIK(deref(r.NIK)), Name: deref(r.Name),
			BirthDate: deref(r.BirthDate), Sex: domain.Sex(deref(r.Sex)), KPJ: deref(r.KPJ)},
		DiedOn:     deref(r.DiedOn),
		Expected:   domain.Rupiah(deref(r.Expected)),
		SchoolYear: int(deref(r.SchoolYear)),
		Total:      domain.Rupiah(deref(r.TotalPaid)),
	}
	for i, id := range r.OtherIDs {
		f.Others = append(f.Others, registry.Worker{ID: id, NIK: domain.NIK(r.OtherNIKs[i]), Name: r.OtherNames[i]})
	}
	if r.ClaimID != nil {
		f.Claim = &claims.Claim{
			ID: *r.ClaimID, No: deref(r.ClaimNo), WorkerID: f.Worker.ID, NIK: f.Worker.NIK, WorkerName: f.Worker.Name,
			Type: domain.ClaimType(deref(r.Type)), IncidentOn: deref(r.IncidentOn), SubmittedOn: deref(r.SubmittedOn),
			PaidOn: deref(r.PaidOn), Amount: domain.Rupiah(deref(r.Amount)), Status: domain.ClaimStatus(deref(r.Status)),
			Beneficiary: deref(r.Beneficiary), Note: deref(r.Note),
		}
	}
	if r.SpellID != nil {
		f.Spell = &registry.Enrollment{ID: *r.SpellID, Start: deref(r.StartDate), End: r.EndDate,
			Status: domain.EnrollmentStatus(deref(r.SpellStatus))}
	}
	return f
}

// deref is the value p points to, or the zero value for nil.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
