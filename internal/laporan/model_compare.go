package laporan

import (
	"strconv"

	"github.com/cilegon/monev/internal/domain"
)

// FigureLine is one number of a report's figures, labelled for people and
// keyed so that the same number can be found in another set of figures.
type FigureLine struct {
	Key   string
	Label string
	Value string
}

// lines collects figure lines.
type lines []FigureLine

func (ls *lines) add(key, label, value string) {
	*ls = append(*ls, FigureLine{Key: key, Label: label, Value: value})
}

func (ls *lines) money(key, label string, r domain.Rupiah) { ls.add(key, label, r.String()) }
func (ls *lines) count(key, label string, n int64)         { ls.add(key, label, domain.FormatInt(n)) }
func (ls *lines) share(key, label string, f Fraction) {
	ls.add(key, label, f.Percent())
}

// Lines lists every number of the figures, formatted as the report prints
// it, in the order of the document.
func (f Figures) Lines() []FigureLine {
	var ls lines
	b := f.Balance
	ls.money("balance/contributions", f.Basis.ContributionsLabel(), b.Contributions)
	ls.money("balance/claims", f.Basis.ClaimsLabel(), b.Claims)
	ls.count("balance/claims_count", "Klaim dibayar (kasus)", b.ClaimsCount)
	ls.money("balance/saldo", "Saldo iuran − klaim", b.Saldo)
	ls.share("balance/ratio", "Rasio klaim", b.ClaimRatio)
	ls.count("balance/active", "Peserta aktif akhir periode", b.ActiveWorkers)
	ls.money("balance/opening", "Saldo kumulatif awal periode", b.Opening)
	ls.money("balance/closing", "Saldo kumulatif akhir periode", b.Closing)
	ls.money("balance/earlier_contributions", f.Basis.ContributionsLabel()+" "+b.EarlierLabel, b.EarlierContributions)
	ls.money("balance/earlier_claims", f.Basis.ClaimsLabel()+" "+b.EarlierLabel, b.EarlierClaims)
	for _, m := range f.Series {
		k := "series/" + m.Period + "/"
		ls.money(k+"contributions", "Iuran "+m.Label, m.Contributions)
		ls.money(k+"claims", "Klaim "+m.Label, m.Claims)
		ls.money(k+"cumulative", "Saldo kumulatif "+m.Label, m.Cumulative)
	}
	for _, c := range f.ClaimsByType {
		k := "claims/" + c.Type + "/"
		ls.count(k+"count", "Klaim "+c.Name+" (kasus)", c.Count)
		ls.money(k+"amount", "Klaim "+c.Name, c.Amount)
	}
	for _, c := range f.ClaimsPending {
		k := "pending/" + c.Type + "/" + c.Status + "/"
		ls.count(k+"count", "Klaim dalam proses "+c.Name+" (kasus)", c.Count)
		ls.money(k+"amount", "Klaim dalam proses "+c.Name, c.Amount)
	}
	ls.count("rejected/count", "Klaim ditolak (kasus)", f.ClaimsReject.Count)
	ls.money("rejected/amount", "Klaim ditolak", f.ClaimsReject.Amount)
	for _, r := range f.Reconciliation {
		k := "recon/" + r.Month + "/"
		ls.count(k+"roster", "Peserta ditagih "+r.Label, r.Roster)
		ls.money(k+"expected", "Tagihan seharusnya "+r.Label, r.Expected)
		ls.money(k+"billed", "Ditagih BPJS untuk "+r.Label, r.Billed)
		ls.money(k+"paid", "Dibayar untuk kepesertaan "+r.Label, r.Paid)
		ls.add(k+"status", "Status pembayaran "+r.Label, r.Status)
	}
	ls.count("recon/flagged", "Bulan yang perlu perhatian", int64(f.ReconTotal.Flagged))
	bu := f.Budget
	ls.add("budget/ceiling_label", "Pagu berlaku", bu.CeilingLabel)
	ls.money("budget/ceiling", "Pagu "+strconv.Itoa(bu.Year), bu.Ceiling)
	ls.money("budget/realized", "Realisasi anggaran", bu.Realized)
	ls.share("budget/absorption", "Penyerapan", bu.Absorption)
	for _, m := range bu.Months {
		ls.money("budget/"+m.Period, "Realisasi anggaran "+m.Label, m.Contributions)
	}
	ls.money("rate/total", "Iuran per peserta per bulan", f.Rate.Total)
	for _, c := range f.Coverage {
		k := "coverage/" + c.Code + "/"
		ls.count(k+"active", "Peserta aktif "+c.Name, c.Active)
		ls.count(k+"target", "Sasaran "+c.Name, c.Target)
		ls.share(k+"coverage", "Cakupan "+c.Name, c.Coverage)
	}
	for _, c := range f.Kecamatan {
		k := "kecamatan/" + c.Code + "/"
		ls.count(k+"active", "Peserta aktif Kec. "+c.Name, c.Active)
		ls.count(k+"target", "Sasaran Kec. "+c.Name, c.Target)
	}
	u := f.UCJ
	ls.count("ucj/workforce", "Angkatan kerja "+strconv.Itoa(u.Year), u.Workforce)
	ls.count("ucj/protected", "Pekerja terlindungi "+strconv.Itoa(u.Year), u.Protected)
	ls.share("ucj/target", "Target UCJ "+strconv.Itoa(u.Year), u.Target)
	return ls
}

// FigureChange is a number that differs between two sets of figures.
type FigureChange struct {
	Label    string
	Old, New string // "–" where the number is missing on one side
}

// CompareFigures lists the numbers that differ between the figures a
// report was signed with and the figures the data gives now, in the order
// of the signed ones, then the numbers that exist only now.
func CompareFigures(signed, now Figures) []FigureChange {
	nowLines := now.Lines()
	byKey := make(map[string]FigureLine, len(nowLines))
	for _, l := range nowLines {
		byKey[l.Key] = l
	}
	var out []FigureChange
	seen := map[string]bool{}
	for _, l := range signed.Lines() {
		seen[l.Key] = true
		n, ok := byKey[l.Key]
		switch {
		case !ok:
			out = append(out, FigureChange{Label: l.Label, Old: l.Value, New: domain.NoValue})
		case n.Value != l.Value:
			out = append(out, FigureChange{Label: l.Label, Old: l.Value, New: n.Value})
		}
	}
	for _, l := range nowLines {
		if !seen[l.Key] && l.Value != domain.NoValue {
			out = append(out, FigureChange{Label: l.Label, Old: domain.NoValue, New: l.Value})
		}
	}
	return out
}
