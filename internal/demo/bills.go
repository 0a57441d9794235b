package demo

import (
	"fmt"
	"time"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/registry"
)

// The months of 2024 whose bills carry what a per-worker reconciliation
// finds in real bills. Each adds a line and drops one, so the month's lines
// still add up to the tagihan on its iuran row.
var (
	billDeadMonth      = domain.NewMonth(2024, time.March) // a worker who died in February is still billed
	billDuplicateMonth = domain.NewMonth(2024, time.April) // a worker is billed twice
	billStrangerMonth  = domain.NewMonth(2024, time.May)   // a line for someone not registered
)

// reportedIncome is the income one worker of the June 2024 intake reports;
// BPJS still bills them at the lowest band.
const reportedIncome domain.Rupiah = 2_000_000

// reportIncome gives the first worker of the June 2024 intake a reported
// income above the lowest band.
func (g *gen) reportIncome() {
	june := domain.Date(2024, time.June, 1)
	for i := range g.workers {
		if g.workers[i].Enrollments[0].Start.Equal(june) {
			g.workers[i].Income = reportedIncome
			return
		}
	}
}

// bills are BPJS's bills for 2024 (TAG/CLG/2024/MM), a line per worker
// covered on any day of the month at the lowest band (JKK Rp 10.000 + JKM
// Rp 6.800), with the discrepancies of billDeadMonth, billDuplicateMonth
// and billStrangerMonth, and the worker of reportIncome billed at the
// lowest band.
func (g *gen) bills() []contributions.BillLine {
	var out []contributions.BillLine
	for m := domain.NewMonth(2024, time.January); m <= domain.MonthOf(dataEnd); m++ {
		var lines []*registry.Worker
		var whole []int // indices into lines of workers covered the whole month
		for i := range g.workers {
			w := &g.workers[i]
			if any, all := coverage(w, m); any {
				if all {
					whole = append(whole, len(lines))
				}
				lines = append(lines, w)
			}
		}
		extra := (*registry.Worker)(nil)
		switch m {
		case billDeadMonth:
			extra = g.diedBefore(m)
		case billDuplicateMonth:
			extra = lines[len(lines)/3]
		case billStrangerMonth:
			extra = &registry.Worker{NIK: g.nik(g.kel[0], domain.Date(1979, time.April, 4), domain.SexMale),
				Name: "Sukardi", KPJ: g.kpj()}
		}
		if extra != nil {
			// The line BPJS should have billed instead: a worker covered the whole month.
			drop := whole[len(whole)/2]
			lines = append(append(lines[:drop:drop], lines[drop+1:]...), extra)
		}
		billNo := fmt.Sprintf("TAG/CLG/%d/%02d", m.Year(), int(m.Month()))
		for n, w := range lines {
			jkk, jkm := domain.Rupiah(10_000), domain.Rupiah(6_800)
			income := domain.DefaultIncome
			out = append(out, contributions.BillLine{Month: m, BillNo: billNo, Line: n + 1, KPJ: w.KPJ, NIK: w.NIK, Name: upper(w.Name),
				Income: &income, Amount: jkk + jkm, JKK: &jkk, JKM: &jkm})
		}
	}
	return out
}

// coverage reports whether w is covered on any day of month m, and on all of them.
func coverage(w *registry.Worker, m domain.Month) (any, all bool) {
	first, last := m.First(), m.Last()
	for _, e := range w.Enrollments {
		if !e.Start.After(last) && (e.End == nil || !e.End.Before(first)) {
			any = true
			all = all || (!e.Start.After(first) && (e.End == nil || !e.End.Before(last)))
		}
	}
	return any, all
}

// diedBefore is a worker who died in the month before m, with no spell after.
func (g *gen) diedBefore(m domain.Month) *registry.Worker {
	for i := range g.workers {
		w := &g.workers[i]
		last := w.Enrollments[len(w.Enrollments)-1]
		if last.Status == domain.StatusDeceased && last.End != nil && domain.MonthOf(*last.End) == m.Add(-1) {
			return w
		}
	}
	panic("demo: nobody died in " + m.Add(-1).Label())
}

// upper is a name as BPJS prints it, in capitals.
func upper(s string) string {
	out := []rune(s)
	for i, r := range out {
		if r >= 'a' && r <= 'z' {
			out[i] = r - 'a' + 'A'
		}
	}
	return string(out)
}
