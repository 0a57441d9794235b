package ui

import (
	"net/http"
	"strconv"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/web/components"
)

// linesPerPage is how many bill lines a month's page shows at a time.
const linesPerPage = 50

// monthOf reads the {month} of the path, "2024-03"; a malformed one is a ValueError.
func monthOf(r *http.Request) (domain.Month, error) { return domain.ParseMonth(r.PathValue("month")) }

// billingMonth is one coverage month of the ledger: its figures, payments,
// bills and their lines, and the reconciliation's tally.
func (s *Handlers) billingMonth(w http.ResponseWriter, r *http.Request) {
	m, err := monthOf(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	lq, err := s.ledgerQueryOf(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	ctx, pemda := r.Context(), httpx.User(r).Pemda
	p := BillingMonthProps{Viewer: records.Viewer(s.Site, r, "/contributions"), Query: lq, Persons: httpx.User(r).Role.SeesPersons()}
	months, err := s.svc.BillingMonths(ctx, pemda, m.Add(-contributions.LapseMonths+1), m, lq.AsOf)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	p.Month = months[len(months)-1] // read with the months before it, for its run of arrears
	if p.Payments, _, err = s.svc.Contributions(ctx, pemda, contributions.ContributionFilter{From: m, To: m, Sort: "paid_on"}, 0, 100); err != nil {
		s.Fail(w, r, err)
		return
	}
	if p.Bills, err = s.svc.Bills(ctx, pemda, m, m); err != nil {
		s.Fail(w, r, err)
		return
	}
	page := httpx.PageNumber(r)
	var n int64
	if p.Persons {
		if p.Lines, n, err = s.svc.BillLines(ctx, pemda, m, (page-1)*linesPerPage, linesPerPage); err != nil {
			s.Fail(w, r, err)
			return
		}
	}
	p.Paging = components.Paging{Page: page, Pages: int((n + linesPerPage - 1) / linesPerPage), Href: func(n int) string {
		return pageHref(r, n)
	}}
	if p.Recon, err = s.svc.Reconciliation(ctx, pemda, m, "", 0, 0); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Iuran & Tagihan "+m.Label(), "contributions", BillingMonthPage(p))
}

// pageHref is the address of r on page n, its other parameters kept.
func pageHref(r *http.Request, n int) string {
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(n))
	if n == 1 {
		q.Del("page")
	}
	if len(q) == 0 {
		return r.URL.Path
	}
	return r.URL.Path + "?" + q.Encode()
}
