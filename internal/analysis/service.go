package analysis

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/settings"
)

// Service computes the analysis views and keeps their inputs (pagu, targets,
// workforce); pages, the API, laporan and the command line call it.
type Service struct {
	db            *store
	settings      *settings.Service
	contributions *contributions.Service
	// Now is the clock: a period that has not ended counts the workers
	// covered today. The app sets it to the site's clock.
	Now func() time.Time
}

// NewService returns the analysis service of db; it reads rates and regions
// through set, and the billing ledger (the accrual basis's contributions,
// the budget's outstanding bills) through contrib.
func NewService(db *database.DB, set *settings.Service, contrib *contributions.Service) *Service {
	return &Service{db: &store{db}, settings: set, contributions: contrib, Now: time.Now}
}

// today is the current day in WIB.
func (s *Service) today() time.Time {
	y, m, d := s.Now().In(domain.WIB).Date()
	return domain.Date(y, m, d)
}

// Balance computes the balance of one period on a basis.
func (s *Service) Balance(ctx context.Context, pemda string, p domain.Period, basis domain.Basis) (Balance, error) {
	bs, err := s.BalanceSeries(ctx, pemda, []domain.Period{p}, basis)
	if err != nil {
		return Balance{}, err
	}
	return bs[0], nil
}

// BalanceSeries computes the balance of each period, in order, from the
// monthly aggregates.
func (s *Service) BalanceSeries(ctx context.Context, pemda string, periods []domain.Period, basis domain.Basis) ([]Balance, error) {
	bs, err := s.db.series(ctx, pemda, periods, basis)
	if err != nil {
		return nil, err
	}
	return bs, s.complete(ctx, pemda, bs, s.db.activeOn)
}

// DirectBalanceSeries is BalanceSeries computed from the base tables
// without the aggregates: slower, and the reference for tests and benchmarks.
func (s *Service) DirectBalanceSeries(ctx context.Context, pemda string, periods []domain.Period, basis domain.Basis) ([]Balance, error) {
	bs, err := s.db.directSeries(ctx, pemda, periods, basis)
	if err != nil {
		return nil, err
	}
	return bs, s.complete(ctx, pemda, bs, s.db.directActiveOn)
}

// complete gives the balances what the SQL leaves out: the workers covered
// today for a period that has not ended, and on the accrual basis the
// contributions due, each coverage month's as the billing ledger has it.
func (s *Service) complete(ctx context.Context, pemda string, bs []Balance,
	activeOn func(context.Context, string, time.Time) (int64, error)) error {
	if len(bs) == 0 {
		return nil
	}
	today := s.today()
	var active *int64
	lo, hi := bs[0].Period.From, bs[0].Period.To
	for i := range bs {
		lo, hi = min(lo, bs[i].Period.From), max(hi, bs[i].Period.To)
		if !bs[i].Period.End().Before(today) {
			if active == nil {
				n, err := activeOn(ctx, pemda, today)
				if err != nil {
					return err
				}
				active = &n
			}
			bs[i].ActiveWorkers = *active
		}
	}
	if bs[0].Basis != domain.BasisAccrual {
		return nil
	}
	months, err := s.contributions.BillingMonths(ctx, pemda, lo, hi, today)
	if err != nil {
		return err
	}
	for i := range bs {
		bs[i].Contributions += dueIn(months, bs[i].Period)
	}
	return nil
}

// dueIn sums the contributions due (the accrual basis's iuran) of the
// ledger's coverage months within period p.
func dueIn(months []contributions.BillingMonth, p domain.Period) domain.Rupiah {
	var due domain.Rupiah
	for _, m := range months {
		if p.From <= m.Month && m.Month <= p.To {
			due += m.ContributionsDue()
		}
	}
	return due
}

// DataYears lists the years, newest first, in which any contribution was
// paid or any claim happened.
func (s *Service) DataYears(ctx context.Context, pemda string) ([]int, error) {
	return s.db.dataYears(ctx, pemda)
}

// BalanceView gathers the balance view of a period: the balance, the same
// period a year earlier, the series by granularity, claims by type and the
// saldo carried in.
func (s *Service) BalanceView(ctx context.Context, pemda string, p domain.Period, basis domain.Basis, by domain.Granularity) (BalanceView, error) {
	parts := p.Split(by)
	series, err := s.BalanceSeries(ctx, pemda, append([]domain.Period{p, p.YearEarlier()}, parts...), basis)
	if err != nil {
		return BalanceView{}, err
	}
	r := BalanceView{Balance: series[0], YearEarlier: series[1], By: by, Series: series[2:]}
	if r.Opening, err = s.opening(ctx, pemda, p.From, basis); err != nil {
		return r, err
	}
	r.Claims, err = s.db.claimSummary(ctx, pemda, p, basis)
	return r, err
}

// opening is the saldo carried into month m: the basis's contributions
// minus its claims over every month before m.
func (s *Service) opening(ctx context.Context, pemda string, m domain.Month, basis domain.Basis) (domain.Rupiah, error) {
	saldo, err := s.db.saldoBefore(ctx, pemda, m, basis)
	if err != nil || basis != domain.BasisAccrual {
		return saldo, err
	}
	// On the accrual basis the contributions are the months' dues, not the payments.
	first, ok, err := s.contributions.FirstLedgerMonth(ctx, pemda)
	if err != nil || !ok || first >= m {
		return saldo, err
	}
	months, err := s.contributions.BillingMonths(ctx, pemda, first, m.Add(-1), s.today())
	for _, x := range months {
		saldo += x.ContributionsDue()
	}
	return saldo, err
}

// ClaimSummary tallies the claims of a period by type and status.
func (s *Service) ClaimSummary(ctx context.Context, pemda string, p domain.Period, basis domain.Basis) (ClaimSummary, error) {
	return s.db.claimSummary(ctx, pemda, p, basis)
}

// Budgets lists the pagu versions of a fiscal year, oldest first.
func (s *Service) Budgets(ctx context.Context, pemda string, year int) ([]Budget, error) {
	return s.db.budgets(ctx, pemda, year)
}

// AddBudget records a new pagu version of the actor's Pemda.
func (s *Service) AddBudget(ctx context.Context, actor domain.Actor, b Budget) (Budget, error) {
	if !actor.Role.CanEditData() {
		return Budget{}, domain.ErrForbidden
	}
	return s.db.addBudget(ctx, actor, b)
}

// UpdateBudget corrects a pagu version of the actor's Pemda.
func (s *Service) UpdateBudget(ctx context.Context, actor domain.Actor, b Budget) error {
	if !actor.Role.CanEditData() {
		return domain.ErrForbidden
	}
	return s.db.updateBudget(ctx, actor, b)
}

// BudgetView gathers the budget view of a fiscal year up to a month, with
// the projection made on day today: the coverage months whose due date
// falls in the year, from the billing ledger.
func (s *Service) BudgetView(ctx context.Context, pemda string, year int, through domain.Month, today time.Time) (BudgetView, error) {
	r, err := s.db.budgetView(ctx, pemda, year, through, today)
	if err != nil {
		return r, err
	}
	months, err := s.contributions.BillingMonths(ctx, pemda, domain.NewMonth(year-1, time.December), domain.NewMonth(year, time.December), today)
	for _, m := range months {
		if m.Due.Year() == year {
			r.Due = append(r.Due, m)
		}
	}
	return r, err
}

// CoverageView gathers the coverage view of a period, of one category when
// category is set.
func (s *Service) CoverageView(ctx context.Context, pemda string, p domain.Period, category string) (CoverageView, error) {
	kecs, err := s.settings.Kecamatans(ctx, pemda)
	if err != nil {
		return CoverageView{}, err
	}
	rates, err := s.settings.Rates(ctx, pemda)
	if err != nil {
		return CoverageView{}, err
	}
	return s.db.coverageView(ctx, pemda, p, category, kecs, rates)
}

// Workforce returns a year's workforce figures, and whether there are any.
func (s *Service) Workforce(ctx context.Context, pemda string, year int) (Workforce, bool, error) {
	return s.db.workforce(ctx, pemda, year)
}

// SaveWorkforce records a year's workforce figures of the actor's Pemda.
func (s *Service) SaveWorkforce(ctx context.Context, actor domain.Actor, w Workforce) error {
	if !actor.Role.CanEditData() {
		return domain.ErrForbidden
	}
	return s.db.saveWorkforce(ctx, actor, w)
}

// Targets lists a year's targets.
func (s *Service) Targets(ctx context.Context, pemda string, year int) ([]Target, error) {
	return s.db.targets(ctx, pemda, year)
}

// ReplaceTargets sets a year's targets of the actor's Pemda: of the whole
// Pemda by category (category ""), or of one category by kelurahan.
func (s *Service) ReplaceTargets(ctx context.Context, actor domain.Actor, year int, category string, targets []Target) error {
	if !actor.Role.CanEditData() {
		return domain.ErrForbidden
	}
	return s.db.replaceTargets(ctx, actor, year, category, targets)
}

// Billing is the billing ledger of the coverage months of a period,
// judged on day asOf, as the contributions feature keeps it: the
// reconciliation of bills, the roster's expected bills and payments.
func (s *Service) Billing(ctx context.Context, pemda string, p domain.Period, asOf time.Time) ([]contributions.BillingMonth, error) {
	return s.contributions.BillingMonths(ctx, pemda, p.From, p.To, asOf)
}

// Overdue lists the coverage months in arrears on day asOf, oldest first,
// for the dashboard's warning.
func (s *Service) Overdue(ctx context.Context, pemda string, asOf time.Time) ([]contributions.BillingMonth, error) {
	return s.contributions.Overdue(ctx, pemda, asOf)
}

// CheckAggregates compares every per-month aggregate with a direct
// computation and describes each difference; none means they are exact.
func (s *Service) CheckAggregates(ctx context.Context) ([]string, error) {
	return s.db.checkAggregates(ctx)
}

// RebuildAggregates recomputes every aggregate from the base tables.
func (s *Service) RebuildAggregates(ctx context.Context) error {
	return s.db.rebuildAggregates(ctx)
}

// Rollup computes a period's figures for each of the Pemda (stored codes,
// those of the user's scope) and their total; rows come by code. Each row
// is what the Pemda's own dashboard shows (Balance, its targets, its
// ledger's arrears), read for all the Pemda at once: a handful of queries
// whatever their number.
func (s *Service) Rollup(ctx context.Context, pemdas []string, p domain.Period, basis domain.Basis) (Rollup, error) {
	out := Rollup{Period: p, Basis: basis, Total: RollupRow{Name: "Jumlah", Balance: Balance{Period: p, Basis: basis}}}
	list, err := s.settings.PemdasIn(ctx, pemdas)
	if err != nil || len(list) == 0 {
		return out, err
	}
	codes := make([]string, len(list))
	for i, pd := range list {
		codes[i] = pd.Code
	}
	// The four reads are independent: each on its own connection.
	var balances []PemdaBalance
	var targets, activeToday map[string]int64 // activeToday as complete counts it, for a period not ended
	var ledgers map[string][]contributions.BillingMonth
	today := s.today()
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) { balances, err = s.db.pemdaBalances(gctx, codes, p, basis); return err })
	g.Go(func() (err error) { targets, err = s.db.targetTotals(gctx, codes, p.To.Year()); return err })
	g.Go(func() (err error) {
		ledgers, err = s.contributions.Ledgers(gctx, codes, p.From, p.To, today)
		return err
	})
	if !p.End().Before(today) {
		g.Go(func() (err error) { activeToday, err = s.db.activeOnEach(gctx, codes, today); return err })
	}
	if err := g.Wait(); err != nil {
		return out, err
	}
	byCode := make(map[string]Balance, len(balances))
	for _, b := range balances {
		byCode[b.Pemda] = b.Balance
	}
	for _, pd := range list {
		row := RollupRow{Pemda: pd.Code, Name: pd.Name, Balance: byCode[pd.Code]}
		if activeToday != nil {
			row.Balance.ActiveWorkers = activeToday[pd.Code]
		}
		months := ledgers[pd.Code]
		if basis == domain.BasisAccrual {
			row.Balance.Contributions += dueIn(months, p)
		}
		row.Arrears = contributions.TotalBilling(months).Arrears
		row.Target, row.HasTarget = targets[pd.Code]
		if row.HasTarget {
			row.Targeted = row.Balance.ActiveWorkers
		}
		out.Rows = append(out.Rows, row)
		out.Total.add(row)
	}
	return out, nil
}

// OpenData is a Pemda's anonymised open data for the months of a period:
// per kecamatan and category, workers covered at each month's end and
// claims paid in it, small cells (SmallCell) left blank. It names no person.
func (s *Service) OpenData(ctx context.Context, pemda string, p domain.Period) ([]OpenDataRow, error) {
	return s.db.openData(ctx, pemda, p)
}
