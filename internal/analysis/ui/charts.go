package ui

import (
	"strings"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/web/components"
	"github.com/cilegon/monev/web/links"
)

// The charts of the analysis pages and the dashboard, built from the same
// domain reports as the tables beside them. Every title says the period and
// the basis; every summary says the figures in one sentence.

// scopeOf says the period and basis of a balance, "Tahun 2024 · basis kas".
func scopeOf(b analysis.Balance) string { return b.Period.Label() + " · " + b.Basis.Label() }

// IuranKlaimChart is the bar chart of contributions against paid claims per sub-period.
func IuranKlaimChart(id string, r analysis.BalanceView) components.BarChart {
	periods := make([]domain.Period, len(r.Series))
	iuran, klaim := make([]int64, len(r.Series)), make([]int64, len(r.Series))
	hrefs := [][]string{make([]string, len(r.Series)), make([]string, len(r.Series))}
	for i, b := range r.Series {
		periods[i], iuran[i], klaim[i] = b.Period, int64(b.Contributions), int64(b.Claims)
		hrefs[0][i] = links.ContributionsHref(b.Period, b.Basis)
		hrefs[1][i] = links.ClaimsHref(links.ClaimFilter{Status: domain.ClaimPaid, Period: b.Period, Basis: b.Basis})
	}
	return components.BarChart{
		ID:    id,
		Title: "Iuran dan klaim " + r.By.Label() + " · " + scopeOf(r.Balance),
		Summary: r.Balance.Basis.ContributionsLabel() + " " + r.Balance.Contributions.String() + ", " + strings.ToLower(r.Balance.Basis.ClaimsLabel()) + " " + r.Balance.Claims.String() +
			", saldo " + r.Balance.Saldo().String() + " (" + scopeOf(r.Balance) + ").",
		Caption: r.Balance.Basis.Explain(),
		Labels:  components.SeriesLabels(periods),
		Series:  []components.Series{{Name: r.Balance.Basis.ContributionsLabel() + " (APBD)", Values: iuran}, {Name: r.Balance.Basis.ClaimsLabel() + " (BPJS)", Values: klaim}},
		Unit:    components.UnitRupiah,
		Hrefs:   hrefs,
	}
}

// SaldoChart is the line of the cumulative saldo since the programme began, at each sub-period's end.
func SaldoChart(id string, r analysis.BalanceView) components.LineChart {
	periods := make([]domain.Period, len(r.Series))
	values := make([]int64, len(r.Series))
	for i, c := range r.Cumulative() {
		periods[i], values[i] = r.Series[i].Period, int64(c)
	}
	return components.SaldoLine(id, "Saldo kumulatif sejak awal program · "+scopeOf(r.Balance),
		"Saldo kumulatif iuran dikurangi klaim sejak awal program: "+r.Opening.String()+" sebelum periode, "+
			r.Closing().String()+" pada "+components.DateOf(r.Balance.Period.End())+".",
		r.Opening, periods, values)
}

// ClaimTypeChart is the horizontal bar chart of paid claims by type.
func ClaimTypeChart(id string, s analysis.ClaimSummary) components.HBarChart {
	items := make([]components.HBarItem, len(s.Paid))
	var parts []string
	for i, t := range s.Paid {
		items[i] = components.HBarItem{Label: t.Type.ShortName(), Value: int64(t.Amount),
			Note: t.Amount.Short() + " · " + domain.FormatInt(t.Count) + " kasus",
			Href: links.ClaimsHref(links.ClaimFilter{Type: t.Type, Status: domain.ClaimPaid, Period: s.Period, Basis: s.Basis})}
		parts = append(parts, t.Type.ShortName()+" "+domain.FormatInt(t.Count)+" kasus "+t.Amount.String())
	}
	return components.HBarChart{
		ID:      id,
		Title:   "Klaim dibayar menurut jenis · " + s.Period.Label() + " · " + s.Basis.Label(),
		Summary: "Klaim dibayar: " + strings.Join(parts, "; ") + ".",
		Items:   items,
		Unit:    components.UnitRupiah,
	}
}

// ReconChart is the bar chart of expected billing, billed and paid per coverage month.
func ReconChart(id string, p domain.Period, months []analysis.ReconMonth) components.BarChart {
	periods := make([]domain.Period, len(months))
	exp, billed, paid := make([]int64, len(months)), make([]int64, len(months)), make([]int64, len(months))
	for i, m := range months {
		periods[i] = domain.MonthPeriod(m.Month)
		exp[i], billed[i], paid[i] = int64(m.Expected()), int64(m.Billed), int64(m.Paid)
	}
	return components.BarChart{
		ID:      id,
		Title:   "Tagihan seharusnya, tagihan BPJS dan pembayaran per bulan kepesertaan · " + p.Label(),
		Summary: "Per bulan kepesertaan " + p.Label() + ": tagihan menurut daftar peserta, tagihan BPJS dan iuran yang dibayar.",
		Caption: "Tagihan seharusnya = peserta yang aktif pada hari mana pun dalam bulan × tarif yang berlaku.",
		Labels:  components.SeriesLabels(periods),
		Series: []components.Series{{Name: "Tagihan seharusnya", Values: exp}, {Name: "Ditagih BPJS", Values: billed},
			{Name: "Dibayar", Values: paid}},
		Unit: components.UnitRupiah,
	}
}

// BudgetChart is the line of cumulative realisasi against the pagu in force over the fiscal year.
func BudgetChart(id string, r analysis.BudgetView) components.LineChart {
	periods := make([]domain.Period, len(r.Months))
	cum, pagu := make([]int64, len(r.Months)), make([]int64, len(r.Months))
	ceiling, _ := r.Ceiling()
	for i, c := range r.Cumulative() {
		periods[i], cum[i], pagu[i] = domain.MonthPeriod(r.Months[i].Month), int64(c), int64(ceiling.Ceiling)
	}
	series := []components.Series{{Name: "Realisasi kumulatif (SP2D)", Values: cum}}
	if ceiling.Ceiling > 0 {
		series = append(series, components.Series{Name: "Pagu berlaku (" + ceiling.Label + ")", Values: pagu})
	}
	return components.LineChart{
		ID:    id,
		Title: "Realisasi kumulatif terhadap pagu · Tahun Anggaran " + components.YearText(r.Year),
		Summary: "Realisasi sampai " + r.Through.Label() + " " + r.RealizedThrough().String() + " dari pagu " +
			ceiling.Ceiling.String() + " (" + r.AbsorptionThrough().Percent(1) + ").",
		Caption: "Realisasi menurut tanggal SP2D.",
		Labels:  components.SeriesLabels(periods),
		Series:  series,
		Unit:    components.UnitRupiah,
	}
}

// CoverageCategoryChart is the horizontal bar chart of active workers per category against the targets.
func CoverageCategoryChart(id string, r analysis.CoverageView) components.HBarChart {
	items := make([]components.HBarItem, 0, len(r.ByCategory))
	for _, c := range r.ByCategory {
		if c.Active == 0 && !c.HasTarget {
			continue
		}
		items = append(items, components.HBarItem{Label: c.Name, Value: c.Active, Target: c.Target,
			Href: links.WorkersHref(links.WorkerFilter{ActiveOn: r.Period.End(), Category: c.Code})})
	}
	total, _ := analysis.TotalCoverage("", r.ByCategory)
	return components.HBarChart{
		ID:    id,
		Title: "Peserta aktif per kategori terhadap sasaran " + components.YearText(r.Year) + " · " + components.DateOf(r.Period.End()),
		Summary: "Pada " + components.DateOf(r.Period.End()) + " " + domain.FormatInt(total.Active) + " peserta aktif dari sasaran " +
			domain.FormatInt(total.Target) + " (" + total.Coverage().Percent(1) + ").",
		Caption:    "Persentase di ujung batang: cakupan terhadap sasaran kategori.",
		Items:      items,
		Unit:       components.UnitCount,
		ValueName:  "Peserta aktif",
		TargetName: "Sasaran",
	}
}

// CoverageRegionChart is the horizontal bar chart per kecamatan: coverage
// against the targets per kelurahan when there are any, active workers otherwise.
func CoverageRegionChart(id string, r analysis.CoverageView) components.HBarChart {
	targeted := len(r.RegionalTargets) > 0
	items := make([]components.HBarItem, len(r.ByKecamatan))
	for i, k := range r.ByKecamatan {
		items[i] = components.HBarItem{Label: k.Name, Value: k.Active,
			Href: links.WorkersHref(links.WorkerFilter{ActiveOn: r.Period.End(), Kecamatan: k.Code, Category: r.Category})}
		if targeted {
			items[i].Value, items[i].Target = k.Targeted, k.Target
		}
	}
	c := components.HBarChart{ID: id, Items: items, Unit: components.UnitCount, ValueName: "Peserta aktif",
		Title:   "Peserta aktif per kecamatan · " + components.DateOf(r.Period.End()),
		Summary: "Peserta aktif per kecamatan pada " + components.DateOf(r.Period.End()) + ".",
	}
	if targeted {
		names := strings.Join(r.RegionalTargets, ", ")
		c.Title = "Cakupan per kecamatan: " + names + " terhadap sasaran per kelurahan " + components.YearText(r.Year) + " · " + components.DateOf(r.Period.End())
		c.Summary = "Peserta aktif kategori " + names + " per kecamatan terhadap sasaran per kelurahan, pada " + components.DateOf(r.Period.End()) + "."
		c.Caption = "Hanya kategori yang memiliki sasaran per kelurahan: " + names + "."
		c.TargetName = "Sasaran"
	}
	return c
}
