// Package report assembles monev reports and prints them: the figures of a
// report's period and basis from the same store functions the analysis
// views use, the frozen snapshot of a signed report with its checksum, and
// A4 printing to PDF in a shared headless Chromium. It imports domain,
// postgres and chrome; server and cmd import it, web does not.
package report

import (
	"context"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
)

// Figures assembles every figure of a report for period p on a basis, as
// the data stands now and with payment states and the pagu in force judged
// on day asOf: the balance with its monthly series and claims by type, the
// billing reconciliation, the budget and the coverage with UCJ.
func Figures(ctx context.Context, an *analysis.Service, pemda string, p domain.Period, basis domain.Basis, asOf time.Time) (laporan.Figures, error) {
	in := laporan.FigureInputs{Period: p, Basis: basis, AsOf: asOf}
	var err error
	if in.Balance, err = an.BalanceView(ctx, pemda, p, basis, laporan.SeriesGranularity(p)); err != nil {
		return laporan.Figures{}, err
	}
	if in.Recon, err = an.Reconciliation(ctx, pemda, p); err != nil {
		return laporan.Figures{}, err
	}
	if in.Budget, err = an.BudgetView(ctx, pemda, p.To.Year(), p.To, asOf); err != nil {
		return laporan.Figures{}, err
	}
	if in.Coverage, err = an.CoverageView(ctx, pemda, p, ""); err != nil {
		return laporan.Figures{}, err
	}
	return laporan.NewFigures(in), nil
}
