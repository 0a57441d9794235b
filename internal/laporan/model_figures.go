package laporan

import (
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
)

// Figures are every number a monev report shows, taken from the same
// reports as the analysis views (balance, claims by type, reconciliation,
// budget, coverage and UCJ) for the report's period and basis. A final
// report keeps them as its snapshot: numbers only, already computed, so
// the signed document never changes when the data or the code does.
type Figures struct {
	Period string       `json:"period"` // canonical, "2024-01..2024-07"
	Label  string       `json:"label"`  // "Januari–Juli 2024"
	Basis  domain.Basis `json:"basis"`
	AsOf   time.Time    `json:"as_of"` // the day payment states and the pagu in force are judged on

	Balance       BalanceFigures `json:"balance"`
	Series        []MonthFigure  `json:"series"` // the period by month (by quarter beyond 18 months)
	ClaimsByType  []ClaimFigure  `json:"claims_by_type"`
	ClaimsPending []ClaimFigure  `json:"claims_pending"`
	ClaimsReject  ClaimFigure    `json:"claims_rejected"`

	Reconciliation []ReconFigure `json:"reconciliation"`
	ReconTotal     ReconFigure   `json:"reconciliation_total"`

	Budget BudgetFigures `json:"budget"`

	Rate          RateFigure       `json:"rate"` // in force at the period's end
	Coverage      []CoverageFigure `json:"coverage_by_category"`
	CoverageTotal CoverageFigure   `json:"coverage_total"`
	Kecamatan     []CoverageFigure `json:"coverage_by_kecamatan"`
	// RegionalTargets names the categories whose targets are set per
	// kelurahan, the ones the kecamatan coverage is measured for.
	RegionalTargets []string   `json:"regional_target_categories"`
	UCJ             UCJFigures `json:"ucj"`
}

// Fraction is an exact ratio kept as its two integers.
type Fraction struct {
	Num int64 `json:"num"`
	Den int64 `json:"den"`
}

func fractionOf(r domain.Ratio) Fraction { return Fraction(r) }

// Ratio is the fraction as a domain ratio, for formatting.
func (f Fraction) Ratio() domain.Ratio { return domain.Ratio(f) }

// Percent formats the fraction as "164,4 %", or "–" without a denominator.
func (f Fraction) Percent() string { return domain.Ratio(f).Percent(1) }

// BalanceFigures are the balance of the period and its context.
type BalanceFigures struct {
	Contributions domain.Rupiah `json:"contributions_paid"`
	Claims        domain.Rupiah `json:"claims_paid"`
	ClaimsCount   int64         `json:"claims_count"`
	Saldo         domain.Rupiah `json:"balance"`
	ClaimRatio    Fraction      `json:"claim_ratio"`
	ActiveWorkers int64         `json:"active_workers"`
	// Opening and Closing are the cumulative saldo since the programme
	// began, before the period and at its end.
	Opening domain.Rupiah `json:"cumulative_opening"`
	Closing domain.Rupiah `json:"cumulative_closing"`
	// The same period a year earlier.
	EarlierLabel         string        `json:"year_earlier_label"`
	EarlierContributions domain.Rupiah `json:"year_earlier_contributions_paid"`
	EarlierClaims        domain.Rupiah `json:"year_earlier_claims_paid"`
}

// Deficit reports whether claims exceeded contributions in the period.
func (b BalanceFigures) Deficit() bool { return b.Saldo < 0 }

// MonthFigure is one sub-period of the balance series.
type MonthFigure struct {
	Period        string        `json:"period"`
	Label         string        `json:"label"`
	Contributions domain.Rupiah `json:"contributions_paid"`
	Claims        domain.Rupiah `json:"claims_paid"`
	Saldo         domain.Rupiah `json:"balance"`
	Cumulative    domain.Rupiah `json:"cumulative_balance"`
}

// ClaimFigure is a number of claims and their amount, of one type (and status).
type ClaimFigure struct {
	Type   string        `json:"type"`
	Name   string        `json:"name"`
	Status string        `json:"status,omitempty"`
	Count  int64         `json:"count"`
	Amount domain.Rupiah `json:"amount"`
	Share  Fraction      `json:"share"` // of the paid claims' amount
}

// ReconFigure is one coverage month of the billing reconciliation, or its total.
type ReconFigure struct {
	Month      string        `json:"month"`
	Label      string        `json:"label"`
	Roster     int64         `json:"active_workers"`
	Rate       domain.Rupiah `json:"rate"`
	Expected   domain.Rupiah `json:"expected_billing"`
	Billed     domain.Rupiah `json:"billed"`
	BillKnown  bool          `json:"bill_known"`
	Paid       domain.Rupiah `json:"paid"`
	Difference domain.Rupiah `json:"difference"`
	Status     string        `json:"payment_status"`
	Issues     []string      `json:"issues"`
	Flagged    int           `json:"flagged_months,omitempty"` // in the total: months with an issue
}

// BudgetFigures are the pagu in force and the realisasi of the report's fiscal year.
type BudgetFigures struct {
	Year         int           `json:"year"`
	HasCeiling   bool          `json:"has_ceiling"`
	CeilingLabel string        `json:"ceiling_label"`
	Document     string        `json:"ceiling_document"`
	Ceiling      domain.Rupiah `json:"ceiling"`
	Through      string        `json:"through"` // last month counted, "2024-07"
	Realized     domain.Rupiah `json:"realized"`
	Absorption   Fraction      `json:"absorption"`
	Remaining    domain.Rupiah `json:"remaining"`
	Months       []MonthFigure `json:"months"` // Contributions = realisasi, Cumulative = cumulative realisasi
}

// RateFigure is the contribution rate per worker a month.
type RateFigure struct {
	JKK        domain.Rupiah `json:"jkk"`
	JKM        domain.Rupiah `json:"jkm"`
	Total      domain.Rupiah `json:"total"`
	Regulation string        `json:"regulation"`
}

// CoverageFigure is one category or kecamatan: active workers at the period's end against the target.
type CoverageFigure struct {
	Code      string        `json:"code"`
	Name      string        `json:"name"`
	Active    int64         `json:"active"`
	Targeted  int64         `json:"targeted"` // active in the categories the target is for
	Target    int64         `json:"target"`
	HasTarget bool          `json:"has_target"`
	Coverage  Fraction      `json:"coverage"`
	Gap       int64         `json:"gap"`
	GapCost   domain.Rupiah `json:"gap_cost"` // covering the gap for a year at the rate
}

// UCJFigures are Universal Coverage Jamsostek for the year of the period's end.
type UCJFigures struct {
	Year            int      `json:"year"`
	HasWorkforce    bool     `json:"has_workforce"`
	Workforce       int64    `json:"workforce"`
	WorkforceSource string   `json:"workforce_source"`
	Protected       int64    `json:"protected"`
	ProtectedSource string   `json:"protected_source"`
	Coverage        Fraction `json:"ucj"`
	Target          Fraction `json:"target"`
	Gap             int64    `json:"gap"`
	ProgramShare    Fraction `json:"program_share"`
}

// FigureInputs are the reports a report's figures are taken from.
type FigureInputs struct {
	Period   domain.Period
	Basis    domain.Basis
	AsOf     time.Time
	Balance  analysis.BalanceView
	Recon    []analysis.ReconMonth
	Budget   analysis.BudgetView
	Coverage analysis.CoverageView
}

// SeriesGranularity is how a report splits its period for the balance
// series: by month up to a year and a half, by quarter beyond.
func SeriesGranularity(p domain.Period) domain.Granularity {
	if p.Len() <= 18 {
		return domain.ByMonth
	}
	return domain.ByQuarter
}

// NewFigures computes every figure of a report from the analysis reports.
func NewFigures(in FigureInputs) Figures {
	f := Figures{Period: in.Period.String(), Label: in.Period.Label(), Basis: in.Basis, AsOf: in.AsOf}
	b := in.Balance
	f.Balance = BalanceFigures{
		Contributions: b.Balance.Contributions, Claims: b.Balance.Claims, ClaimsCount: b.Balance.ClaimsCount,
		Saldo: b.Balance.Saldo(), ClaimRatio: fractionOf(b.Balance.ClaimRatio()), ActiveWorkers: b.Balance.ActiveWorkers,
		Opening: b.Opening, Closing: b.Closing(),
		EarlierLabel: b.YearEarlier.Period.Label(), EarlierContributions: b.YearEarlier.Contributions,
		EarlierClaims: b.YearEarlier.Claims,
	}
	cum := b.Cumulative()
	for i, s := range b.Series {
		f.Series = append(f.Series, MonthFigure{Period: s.Period.String(), Label: s.Period.Label(),
			Contributions: s.Contributions, Claims: s.Claims, Saldo: s.Saldo(), Cumulative: cum[i]})
	}
	for _, t := range b.Claims.Paid {
		f.ClaimsByType = append(f.ClaimsByType, claimFigure(t, b.Claims))
	}
	for _, t := range b.Claims.Pending {
		c := claimFigure(t, b.Claims)
		c.Status, c.Share = string(t.Status), Fraction{}
		f.ClaimsPending = append(f.ClaimsPending, c)
	}
	f.ClaimsReject = ClaimFigure{Name: "Ditolak", Count: b.Claims.Rejected.Count, Amount: b.Claims.Rejected.Amount}
	f.Reconciliation, f.ReconTotal = reconFigures(in.Recon, in.AsOf)
	f.Budget = budgetFigures(in.Budget, in.AsOf)
	f.Rate = RateFigure{JKK: in.Coverage.Rate.JKK, JKM: in.Coverage.Rate.JKM, Total: in.Coverage.Rate.Total(),
		Regulation: in.Coverage.Rate.Regulation}
	f.Coverage, f.CoverageTotal = coverageFigures(in.Coverage.ByCategory, in.Coverage.Rate)
	f.Kecamatan, _ = coverageFigures(in.Coverage.ByKecamatan, in.Coverage.Rate)
	f.RegionalTargets = in.Coverage.RegionalTargets
	w := in.Coverage.Workforce
	f.UCJ = UCJFigures{Year: in.Coverage.Year, HasWorkforce: in.Coverage.HasWorkforce}
	if in.Coverage.HasWorkforce {
		f.UCJ.Workforce, f.UCJ.WorkforceSource = w.Workforce, w.WorkforceSource
		f.UCJ.Protected, f.UCJ.ProtectedSource = w.Protected, w.ProtectedSource
		f.UCJ.Coverage, f.UCJ.Target, f.UCJ.Gap = fractionOf(w.UCJ()), fractionOf(w.UCJTarget()), w.UCJGap()
		f.UCJ.ProgramShare = fractionOf(in.Coverage.ProgramShare())
	}
	return f
}

func claimFigure(t analysis.ClaimTally, s analysis.ClaimSummary) ClaimFigure {
	return ClaimFigure{Type: string(t.Type), Name: t.Type.Name(), Count: t.Count, Amount: t.Amount, Share: fractionOf(s.Share(t))}
}

// reconFigures judges each coverage month on day asOf.
func reconFigures(months []analysis.ReconMonth, asOf time.Time) ([]ReconFigure, ReconFigure) {
	var out []ReconFigure
	for _, m := range months {
		r := ReconFigure{Month: m.Month.String(), Label: m.Month.Label(), Roster: m.RosterAny, Rate: m.Rate.Total(),
			Expected: m.Expected(), Billed: m.Billed, BillKnown: m.BillKnown(), Paid: m.Paid, Difference: m.Difference(),
			Status: m.Payment(asOf).Label(), Issues: []string{}}
		for _, is := range m.Issues(asOf) {
			r.Issues = append(r.Issues, is.Label)
		}
		out = append(out, r)
	}
	t := analysis.TotalRecon(months, asOf)
	return out, ReconFigure{Label: "Jumlah", Expected: t.Expected, Billed: t.Billed, Paid: t.Paid,
		Difference: t.Difference(), Issues: []string{}, Flagged: t.Flagged}
}

// budgetFigures takes the pagu that was in force on day asOf (a revision
// decided later did not exist yet) and the realisasi through the period's end.
func budgetFigures(r analysis.BudgetView, asOf time.Time) BudgetFigures {
	f := BudgetFigures{Year: r.Year, Through: r.Through.String()}
	var in []analysis.Budget
	for _, v := range r.Versions {
		if v.DecidedOn.IsZero() || !v.DecidedOn.After(asOf) {
			in = append(in, v)
		}
	}
	r.Versions = in
	ceiling, ok := r.Ceiling()
	f.HasCeiling, f.CeilingLabel, f.Document, f.Ceiling = ok, ceiling.Label, ceiling.Document, ceiling.Ceiling
	f.Realized, f.Absorption = r.RealizedThrough(), fractionOf(r.AbsorptionThrough())
	f.Remaining = ceiling.Ceiling - f.Realized
	cum := r.Cumulative()
	for i, m := range r.Months {
		if m.Month > r.Through {
			break
		}
		f.Months = append(f.Months, MonthFigure{Period: m.Month.String(), Label: m.Month.Label(),
			Contributions: m.Realized, Cumulative: cum[i]})
	}
	return f
}

// coverageFigures converts coverage rows and adds their total; the total
// gap is the sum of the rows' gaps.
func coverageFigures(rows []analysis.CoverageRow, rate domain.Rate) ([]CoverageFigure, CoverageFigure) {
	var out []CoverageFigure
	for _, r := range rows {
		out = append(out, coverageFigure(r, r.Gap(), rate))
	}
	total, gap := analysis.TotalCoverage("Jumlah", rows)
	return out, coverageFigure(total, gap, rate)
}

func coverageFigure(r analysis.CoverageRow, gap int64, rate domain.Rate) CoverageFigure {
	return CoverageFigure{Code: r.Code, Name: r.Name, Active: r.Active, Targeted: r.Targeted, Target: r.Target, HasTarget: r.HasTarget,
		Coverage: fractionOf(r.Coverage()), Gap: gap, GapCost: rate.Annual(gap)}
}
