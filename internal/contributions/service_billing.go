package contributions

import (
	"context"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// BillingMonths is the ledger of the coverage months from through to,
// judged on day asOf: bills, expected bills, payments made by then, due
// dates and arrears.
func (s *Service) BillingMonths(ctx context.Context, pemda string, from, to domain.Month, asOf time.Time) ([]BillingMonth, error) {
	ledgers, err := s.Ledgers(ctx, []string{pemda}, from, to, asOf)
	return ledgers[pemda], err
}

// Ledgers is BillingMonths for each of many Pemda (stored codes), read in
// a few queries whatever their number: the base of a roll-up.
func (s *Service) Ledgers(ctx context.Context, pemdas []string, from, to domain.Month, asOf time.Time) (map[string][]BillingMonth, error) {
	rules, err := s.settings.DueRules(ctx, pemdas)
	if err != nil {
		return nil, err
	}
	for _, p := range pemdas {
		if _, ok := rules[p]; !ok {
			return nil, domain.ErrNotFound
		}
	}
	rates, err := s.settings.RatesOf(ctx, pemdas)
	if err != nil {
		return nil, err
	}
	return s.db.ledgers(ctx, pemdas, from, to, asOf, rules, rates)
}

// Overdue lists the coverage months overdue on day asOf, oldest first,
// from the first month with a bill or a payment through asOf's month.
func (s *Service) Overdue(ctx context.Context, pemda string, asOf time.Time) ([]BillingMonth, error) {
	first, ok, err := s.db.firstLedgerMonth(ctx, pemda)
	if err != nil || !ok {
		return nil, err
	}
	months, err := s.BillingMonths(ctx, pemda, first, domain.MonthOf(asOf), asOf)
	var out []BillingMonth
	for _, m := range months {
		if m.Overdue() {
			out = append(out, m)
		}
	}
	return out, err
}

// Reconciliation is the per-worker reconciliation of coverage month m: the
// tally of every kind and a page of the findings of one kind ("" for all;
// limit 0 for the tallies only).
func (s *Service) Reconciliation(ctx context.Context, pemda string, m domain.Month, kind ReconKind, offset, limit int) (Reconciliation, error) {
	rate, ok, err := s.rate(ctx, pemda, m)
	if err != nil || !ok {
		return Reconciliation{Month: m}, err
	}
	return s.db.reconciliation(ctx, pemda, m, rate, kind, offset, limit)
}

// EachFinding calls fn for every finding of month m of one kind ("" for
// all), in the page's order (for exports and the berita acara).
func (s *Service) EachFinding(ctx context.Context, pemda string, m domain.Month, kind ReconKind, fn func(Finding) error) error {
	rate, ok, err := s.rate(ctx, pemda, m)
	if err != nil || !ok {
		return err
	}
	return s.db.eachFinding(ctx, pemda, m, rate, kind, fn)
}

// rate is the rate in force in month m, and false before the first rate.
func (s *Service) rate(ctx context.Context, pemda string, m domain.Month) (domain.Rate, bool, error) {
	rates, err := s.settings.Rates(ctx, pemda)
	if err != nil {
		return domain.Rate{}, false, err
	}
	r, ok := rates.At(m)
	return r, ok, nil
}

// Bills lists the bills of the coverage months from through to: each
// month's bill numbers with their lines and amount.
func (s *Service) Bills(ctx context.Context, pemda string, from, to domain.Month) ([]Bill, error) {
	return s.db.bills(ctx, pemda, from, to)
}

// BillLines returns a page of the bill lines of month m with the worker
// each names, and how many there are.
func (s *Service) BillLines(ctx context.Context, pemda string, m domain.Month, offset, limit int) ([]BillLine, int64, error) {
	return s.db.billLines(ctx, pemda, m, offset, limit)
}

// FirstLedgerMonth is the first coverage month with a bill line or an iuran
// row, and false when there is none.
func (s *Service) FirstLedgerMonth(ctx context.Context, pemda string) (domain.Month, bool, error) {
	return s.db.firstLedgerMonth(ctx, pemda)
}

// LedgerYears lists the years, newest first, of the coverage months with a
// bill or a payment, for the pages' quick links.
func (s *Service) LedgerYears(ctx context.Context, pemda string) ([]int, error) {
	return s.db.ledgerYears(ctx, pemda)
}
