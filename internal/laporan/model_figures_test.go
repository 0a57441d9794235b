package laporan_test

import (
	"testing"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
)

// meetingInputs are analysis reports shaped like the July 2024 meeting's.
func meetingInputs() laporan.FigureInputs {
	p, _ := domain.PeriodFromTo("2024-01", "2024-07")
	rate, _ := domain.DefaultBPURates().At(domain.NewMonth(2024, time.July))
	bal := analysis.Balance{Period: p, Basis: domain.BasisCash, ContributionsPaid: 480_457_660, ClaimsPaid: 790_000_000,
		Contributions: 480_457_660, Claims: 790_000_000, ClaimsCount: 20, ActiveWorkers: 4187}
	var series []analysis.Balance
	for _, sp := range p.Split(domain.ByMonth) {
		series = append(series, analysis.Balance{Period: sp, Basis: domain.BasisCash})
	}
	series[0].ContributionsPaid, series[6].ClaimsPaid = 480_457_660, 790_000_000
	series[0].Contributions, series[6].Claims = 480_457_660, 790_000_000
	claims := analysis.ClaimSummary{Period: p, Basis: domain.BasisCash, Paid: analysis.CompleteByType([]analysis.ClaimTally{
		{Type: domain.ClaimJKM, Count: 15, Amount: 630_000_000}, {Type: domain.ClaimJKKDeath, Count: 2, Amount: 140_000_000},
		{Type: domain.ClaimJKKCare, Count: 3, Amount: 20_000_000}}),
		Pending: []analysis.ClaimTally{{Type: domain.ClaimJKM, Status: domain.ClaimStatus("diproses"), Count: 1, Amount: 42_000_000}}}
	return laporan.FigureInputs{
		Period: p, Basis: domain.BasisCash, AsOf: domain.Date(2024, time.July, 31),
		Balance: analysis.BalanceView{Balance: bal, By: domain.ByMonth, Series: series, Opening: 100_000_000, Claims: claims},
		Recon: []analysis.ReconMonth{{Month: domain.NewMonth(2024, time.July), Rate: rate, HasRate: true, RosterAny: 10,
			Payments: 1, Paid: 168_000, PaidByDue: 168_000}},
		Budget: analysis.BudgetView{Year: 2024, Through: p.To, Versions: []analysis.Budget{
			{FiscalYear: 2024, Revision: 0, Label: "APBD Murni 2024", Ceiling: 850_000_000, DecidedOn: domain.Date(2023, time.December, 28)},
			{FiscalYear: 2024, Revision: 1, Label: "APBD Perubahan 2024", Ceiling: 950_000_000, DecidedOn: domain.Date(2024, time.September, 30)},
		}, Months: budgetYear([]domain.Rupiah{100_000_000, 0, 0, 0, 0, 0, 0, 50_000_000}, nil)},
		Coverage: analysis.CoverageView{Period: p, Year: 2024, Rate: rate, ByCategory: []analysis.CoverageRow{
			{Code: "umkm", Name: "Pelaku UMKM", Active: 45, Targeted: 45, Target: 300, HasTarget: true},
			{Code: "lainnya", Name: "Lainnya", Active: 61, Targeted: 61}},
			Workforce: analysis.Workforce{Year: 2024, Workforce: 172_980, Protected: 72_104, TargetPermille: 500}, HasWorkforce: true},
	}
}

func TestNewFigures(t *testing.T) {
	f := laporan.NewFigures(meetingInputs())
	b := f.Balance
	if b.Saldo != -309_542_340 || b.ClaimRatio.Percent() != "164,4 %" || !b.Deficit() || b.Closing != 100_000_000-309_542_340 {
		t.Errorf("balance %+v", b)
	}
	if f.Period != "2024-01..2024-07" || f.Label != "Januari–Juli 2024" || len(f.Series) != 7 || f.Series[6].Cumulative != 100_000_000-309_542_340 {
		t.Errorf("period %s %s, series %+v", f.Period, f.Label, f.Series)
	}
	if len(f.ClaimsByType) != 5 || f.ClaimsByType[0].Amount != 630_000_000 || f.ClaimsByType[0].Share.Percent() != "79,7 %" {
		t.Errorf("claims by type %+v", f.ClaimsByType)
	}
	if len(f.ClaimsPending) != 1 || f.ClaimsPending[0].Status != "diproses" {
		t.Errorf("pending %+v", f.ClaimsPending)
	}
	// The perubahan was decided in September: on 31 July the murni was in force.
	bu := f.Budget
	if bu.CeilingLabel != "APBD Murni 2024" || bu.Realized != 100_000_000 || bu.Absorption.Percent() != "11,8 %" ||
		bu.Remaining != 750_000_000 || len(bu.Months) != 7 {
		t.Errorf("budget %+v", bu)
	}
	if r := f.Reconciliation[0]; r.Expected != 168_000 || r.Status != "Tepat waktu" || len(r.Issues) != 0 {
		t.Errorf("reconciliation %+v", r)
	}
	c := f.Coverage[0]
	if c.Gap != 255 || c.GapCost != 255*16_800*12 || c.Coverage.Percent() != "15,0 %" || f.Coverage[1].HasTarget {
		t.Errorf("coverage %+v", f.Coverage)
	}
	if f.CoverageTotal.Active != 106 || f.CoverageTotal.Gap != 255 {
		t.Errorf("coverage total %+v", f.CoverageTotal)
	}
	if f.UCJ.Coverage.Percent() != "41,7 %" || f.UCJ.Gap != 86_490-72_104 {
		t.Errorf("UCJ %+v", f.UCJ)
	}
	if f.Rate.Total != 16_800 {
		t.Errorf("rate %+v", f.Rate)
	}
}

func TestCompareFigures(t *testing.T) {
	signed := laporan.NewFigures(meetingInputs())
	if d := laporan.CompareFigures(signed, signed); len(d) != 0 {
		t.Errorf("same figures differ: %+v", d)
	}
	in := meetingInputs()
	in.Balance.Balance.ClaimsPaid += 42_000_000 // a late claim entered after signing
	in.Balance.Balance.Claims += 42_000_000
	in.Coverage.ByCategory = append(in.Coverage.ByCategory, analysis.CoverageRow{Code: "ojek", Name: "Ojek", Active: 5, Targeted: 5})
	now := laporan.NewFigures(in)
	d := laporan.CompareFigures(signed, now)
	want := map[string][2]string{
		"Klaim dibayar":                 {"Rp 790.000.000", "Rp 832.000.000"},
		"Saldo iuran − klaim":           {"−Rp 309.542.340", "−Rp 351.542.340"},
		"Rasio klaim":                   {"164,4 %", "173,2 %"},
		"Peserta aktif Ojek":            {"–", "5"},
		"Saldo kumulatif akhir periode": {"−Rp 209.542.340", "−Rp 251.542.340"},
	}
	got := map[string][2]string{}
	for _, c := range d {
		got[c.Label] = [2]string{c.Old, c.New}
	}
	for label, w := range want {
		if got[label] != w {
			t.Errorf("%s: %v, want %v", label, got[label], w)
		}
	}
	for _, label := range []string{"Iuran dibayar", "Cakupan Ojek"} {
		if _, ok := got[label]; ok {
			t.Errorf("%s is listed, but it did not change from one number to another", label)
		}
	}
}
