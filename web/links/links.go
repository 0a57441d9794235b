// Package links builds the addresses of monev's pages, so that a figure on
// one feature's page can link to the rows behind it on another's: the
// registry's filtered lists, a worker, a report. It imports domain only.
package links

import (
	"net/url"
	"strconv"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// The drill-down links lead from a figure to the registry's filtered lists
// of the rows behind it: /workers, /contributions and /claims.

const isoDay = "2006-01-02"

// link joins a path and its filters; empty filters are left out.
func link(path string, kv ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			q.Set(kv[i], kv[i+1])
		}
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// ContributionsHref links what is behind an iuran figure: the payments by
// SP2D date on the cash basis, the billing ledger of the coverage months on
// the accrual basis.
func ContributionsHref(p domain.Period, b domain.Basis) string {
	if b == domain.BasisAccrual {
		return BillingHref(p.From, p.To)
	}
	return link("/contributions", "paid_from", p.Start().Format(isoDay), "paid_to", p.End().Format(isoDay))
}

// BillingHref links the billing ledger (Iuran & Tagihan) of the coverage
// months from through to.
func BillingHref(from, to domain.Month) string {
	return link("/billing", "from", from.String(), "to", to.String())
}

// BillingMonthHref links one coverage month of the billing ledger.
func BillingMonthHref(m domain.Month) string { return "/billing/" + m.String() }

// ReconciliationHref links the per-worker reconciliation of a month, of
// one kind of finding ("" for all).
func ReconciliationHref(m domain.Month, kind string) string {
	if kind == "" {
		return BillingMonthHref(m) + "/reconciliation"
	}
	return link(BillingMonthHref(m)+"/reconciliation", "kind", kind)
}

// CoverageMonthsHref links the payments for the coverage months from through to.
func CoverageMonthsHref(from, to domain.Month) string {
	return link("/contributions", "from", from.String(), "to", to.String())
}

// NotRejected is the status filter of every claim but the rejected ones
// (the claims page reads it; claims.NotRejected is the same code).
const NotRejected domain.ClaimStatus = "tidak_ditolak"

// ClaimFilter says which claims a figure counts.
type ClaimFilter struct {
	Type      domain.ClaimType
	Status    domain.ClaimStatus
	Period    domain.Period
	Basis     domain.Basis
	Category  string
	Kecamatan string
	Kelurahan string
}

// ClaimsHref links the claims behind a figure: dated by payment on the
// cash basis, by incident on the accrual basis.
func ClaimsHref(f ClaimFilter) string {
	from, to := "paid_from", "paid_to"
	if f.Basis == domain.BasisAccrual {
		from, to = "incident_from", "incident_to"
	}
	return link("/claims", "type", string(f.Type), "status", string(f.Status), "category", f.Category,
		"kecamatan", f.Kecamatan, "kelurahan", f.Kelurahan,
		from, f.Period.Start().Format(isoDay), to, f.Period.End().Format(isoDay))
}

// PendingClaimsHref links the claims of a type and status whose incident was on or before day end.
func PendingClaimsHref(typ domain.ClaimType, status domain.ClaimStatus, end time.Time) string {
	return link("/claims", "type", string(typ), "status", string(status), "incident_to", end.Format(isoDay))
}

// RejectedClaimsHref links the rejected claims whose incident fell in the period.
func RejectedClaimsHref(p domain.Period) string {
	return link("/claims", "status", string(domain.ClaimRejected),
		"incident_from", p.Start().Format(isoDay), "incident_to", p.End().Format(isoDay))
}

// WorkerFilter says which workers a figure counts: those covered on day ActiveOn.
type WorkerFilter struct {
	ActiveOn  time.Time
	Category  string
	Kecamatan string
	Kelurahan string
	Status    domain.EnrollmentStatus
}

// WorkersHref links the workers behind a figure.
func WorkersHref(f WorkerFilter) string {
	active := ""
	if !f.ActiveOn.IsZero() {
		active = f.ActiveOn.Format(isoDay)
	}
	return link("/workers", "category", f.Category, "kecamatan", f.Kecamatan, "kelurahan", f.Kelurahan,
		"active_on", active, "status", string(f.Status))
}

// Worker is the address of a worker's page.
func Worker(id int64) string { return "/workers/" + strconv.FormatInt(id, 10) }

// NewClaim is the address of the form that records a claim for a worker.
func NewClaim(workerID int64) string {
	return "/claims/new?worker=" + strconv.FormatInt(workerID, 10)
}

// ID is the address of a record under base with an optional sub-page:
// ID("/claims", 12, "/edit") is "/claims/12/edit".
func ID(base string, id int64, suffix string) string {
	return base + "/" + strconv.FormatInt(id, 10) + suffix
}

// Report is the address of a report's page, or of one of its sub-pages.
func Report(id int64, suffix string) string { return ID("/reports", id, suffix) }
