package analysis

import (
	"context"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/settings"
)

// Service computes the analysis views and keeps their inputs (pagu, targets,
// workforce); pages, the API, laporan and the command line call it.
type Service struct {
	db       *store
	settings *settings.Service
}

// NewService returns the analysis service of db; it reads rates and regions
// through set.
func NewService(db *database.DB, set *settings.Service) *Service {
	return &Service{db: &store{db}, settings: set}
}

// Balance computes the balance of one period on a basis.
func (s *Service) Balance(ctx context.Context, pemda string, p domain.Period, basis domain.Basis) (Balance, error) {
	return s.db.balance(ctx, pemda, p, basis)
}

// BalanceSeries computes the balance of each period, in order, from the
// monthly aggregates.
func (s *Service) BalanceSeries(ctx context.Context, pemda string, periods []domain.Period, basis domain.Basis) ([]Balance, error) {
	return s.db.series(ctx, pemda, periods, basis)
}

// DirectBalanceSeries is BalanceSeries computed from the base tables
// without the aggregates: slower, and the reference for tests and benchmarks.
func (s *Service) DirectBalanceSeries(ctx context.Context, pemda string, periods []domain.Period, basis domain.Basis) ([]Balance, error) {
	return s.db.directSeries(ctx, pemda, periods, basis)
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
	return s.db.balanceView(ctx, pemda, p, basis, by)
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
// the projection made on day today.
func (s *Service) BudgetView(ctx context.Context, pemda string, year int, through domain.Month, today time.Time) (BudgetView, error) {
	rates, err := s.settings.Rates(ctx, pemda)
	if err != nil {
		return BudgetView{}, err
	}
	return s.db.budgetView(ctx, pemda, year, through, today, rates)
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

// Reconciliation compares, for each coverage month of a period, the
// roster's expected billing at the rate in force with what BPJS billed and
// what was paid.
func (s *Service) Reconciliation(ctx context.Context, pemda string, p domain.Period) ([]ReconMonth, error) {
	rates, err := s.settings.Rates(ctx, pemda)
	if err != nil {
		return nil, err
	}
	return s.db.reconciliation(ctx, pemda, p, rates)
}

// EndedSpells lists the spells that ended as meninggal or nonaktif between
// two days, at most limit.
func (s *Service) EndedSpells(ctx context.Context, pemda string, from, to time.Time, limit int) ([]EndedSpell, error) {
	return s.db.endedSpells(ctx, pemda, from, to, limit)
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
