package ui

import (
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/web/components"
)

// The charts of a monev report, drawn from its figures (the frozen ones of
// a signed report) with the same components as the analysis  Printed
// charts carry no links: paper cannot follow them.

// figurePeriods reads the sub-periods of the figures' series.
func figurePeriods(ms []laporan.MonthFigure) []domain.Period {
	out := make([]domain.Period, 0, len(ms))
	for _, m := range ms {
		p, err := domain.ParsePeriod(m.Period)
		if err != nil {
			p = domain.Period{}
		}
		out = append(out, p)
	}
	return out
}

// reportScope says the period and basis of a report's figures.
func reportScope(f laporan.Figures) string { return f.Label + " · " + f.Basis.Label() }

// reportSeriesChart is contributions against paid claims per month.
func reportSeriesChart(id string, f laporan.Figures) components.BarChart {
	iuran, klaim := make([]int64, len(f.Series)), make([]int64, len(f.Series))
	for i, m := range f.Series {
		iuran[i], klaim[i] = int64(m.Contributions), int64(m.Claims)
	}
	return components.BarChart{
		ID:    id,
		Title: "Iuran dibayar APBD dan klaim dibayar BPJS per bulan · " + reportScope(f),
		Summary: "Iuran " + f.Balance.Contributions.String() + ", klaim " + f.Balance.Claims.String() + ", saldo " +
			f.Balance.Saldo.String() + " (" + reportScope(f) + ").",
		Labels: components.SeriesLabels(figurePeriods(f.Series)),
		Series: []components.Series{{Name: "Iuran dibayar (APBD)", Values: iuran}, {Name: "Klaim dibayar (BPJS)", Values: klaim}},
		Unit:   components.UnitRupiah,
	}
}

// reportSaldoChart is the cumulative saldo since the programme began.
func reportSaldoChart(id string, f laporan.Figures) components.LineChart {
	values := make([]int64, len(f.Series))
	for i, m := range f.Series {
		values[i] = int64(m.Cumulative)
	}
	return components.SaldoLine(id, "Saldo kumulatif iuran − klaim sejak awal program · "+reportScope(f),
		"Saldo kumulatif "+f.Balance.Opening.String()+" sebelum periode, "+f.Balance.Closing.String()+" pada akhir periode.",
		f.Balance.Opening, figurePeriods(f.Series), values)
}

// reportClaimChart is the paid claims by type.
func reportClaimChart(id string, f laporan.Figures) components.HBarChart {
	items := make([]components.HBarItem, len(f.ClaimsByType))
	for i, c := range f.ClaimsByType {
		items[i] = components.HBarItem{Label: domain.ClaimType(c.Type).ShortName(), Value: int64(c.Amount),
			Note: c.Amount.Short() + " · " + domain.FormatInt(c.Count) + " kasus"}
	}
	return components.HBarChart{ID: id, Items: items, Unit: components.UnitRupiah,
		Title:   "Klaim dibayar menurut jenis · " + reportScope(f),
		Summary: "Klaim dibayar " + f.Balance.Claims.String() + " dalam " + domain.FormatInt(f.Balance.ClaimsCount) + " kasus.",
	}
}

// reportCoverageChart is the active workers per category against the targets.
func reportCoverageChart(id string, f laporan.Figures) components.HBarChart {
	var items []components.HBarItem
	for _, c := range f.Coverage {
		if c.Active == 0 && !c.HasTarget {
			continue
		}
		items = append(items, components.HBarItem{Label: c.Name, Value: c.Active, Target: c.Target})
	}
	return components.HBarChart{ID: id, Items: items, Unit: components.UnitCount, ValueName: "Peserta aktif", TargetName: "Sasaran",
		Title: "Peserta aktif per kategori terhadap sasaran " + components.YearText(f.UCJ.Year) + " · akhir " + f.Label,
		Summary: domain.FormatInt(f.CoverageTotal.Active) + " peserta aktif dari sasaran " + domain.FormatInt(f.CoverageTotal.Target) +
			" (" + f.CoverageTotal.Coverage.Percent() + ").",
		Caption: "Persentase di ujung batang: cakupan terhadap sasaran kategori.",
	}
}

// reportBudgetChart is the cumulative realisasi against the pagu in force.
func reportBudgetChart(id string, f laporan.Figures) components.LineChart {
	b := f.Budget
	cum, pagu := make([]int64, len(b.Months)), make([]int64, len(b.Months))
	for i, m := range b.Months {
		cum[i], pagu[i] = int64(m.Cumulative), int64(b.Ceiling)
	}
	series := []components.Series{{Name: "Realisasi kumulatif (SP2D)", Values: cum}}
	if b.HasCeiling {
		series = append(series, components.Series{Name: "Pagu (" + b.CeilingLabel + ")", Values: pagu})
	}
	return components.LineChart{ID: id, Series: series, Unit: components.UnitRupiah,
		Title:   "Realisasi kumulatif terhadap pagu · Tahun Anggaran " + components.YearText(b.Year),
		Summary: "Realisasi " + b.Realized.String() + " dari pagu " + b.Ceiling.String() + " (" + b.Absorption.Percent() + ").",
		Labels:  components.SeriesLabels(figurePeriods(b.Months)),
	}
}
