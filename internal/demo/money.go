package demo

import (
	"fmt"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
)

// contributions are the monthly iuran payments: each month's bill (every
// worker covered during the month × Rp 16.800) paid by SP2D around the
// tenth of the next month, December 2024 before the fiscal year closes.
// March 2023 was paid late, the June 2024 SP2D fell Rp 5.540 short, made
// good in August, and October 2024 was paid only in part.
func (g *gen) contributions() []contributions.Contribution {
	if !meetingWindowSafe(partlyPaid) {
		panic("demo: the partly paid month would change the meeting's figures")
	}
	var out []contributions.Contribution
	seq := map[int]int{}
	for m := domain.MonthOf(programStart); m <= domain.MonthOf(dataEnd); m++ {
		n := g.billable(m)
		billed := domain.Rupiah(n) * rate
		c := contributions.Contribution{CoverageMonth: m, Participants: &n, Billed: &billed, Paid: billed}
		next := m.Add(1)
		c.PaidOn = domain.Date(next.Year(), next.Month(), 8+g.rng.IntN(6))
		switch {
		case m == domain.NewMonth(2023, time.March):
			c.PaidOn = domain.Date(2023, time.May, 22)
			c.Note = "Terlambat: menunggu pengesahan DPA pergeseran anggaran"
		case m == domain.NewMonth(2024, time.May):
			c.Paid -= shortfall
			c.Note = "Kurang bayar Rp 5.540 karena pembulatan pada SP2D; dikompensasi pada pembayaran iuran Juli 2024"
		case m == domain.NewMonth(2024, time.July):
			c.Paid += shortfall
			c.Note = "Termasuk kompensasi kurang bayar iuran Mei 2024 sebesar Rp 5.540"
		case m == partlyPaid:
			c.Paid = partlyPaidAmount
			c.Note = "Dibayar sebagian; sisanya menunggu pergeseran anggaran"
		case m == domain.MonthOf(dataEnd):
			c.PaidOn = domain.Date(2024, time.December, 19)
			c.Note = "Dibayar sebelum penutupan tahun anggaran"
		}
		for c.PaidOn.Weekday() == time.Saturday || c.PaidOn.Weekday() == time.Sunday {
			c.PaidOn = c.PaidOn.AddDate(0, 0, 1)
		}
		seq[c.PaidOn.Year()]++
		c.SP2D = fmt.Sprintf("%04d/SP2D-LS/DISNAKER/%d", 100+seq[c.PaidOn.Year()]*7, c.PaidOn.Year())
		out = append(out, c)
	}
	return out
}

func budgets() []analysis.Budget {
	return []analysis.Budget{
		{FiscalYear: 2023, Revision: 0, Label: "APBD Murni 2023", Ceiling: 800_000_000, Document: "DPA-SKPD 2.07.0.00.0.00.01.0000/2023",
			DecidedOn: domain.Date(2022, time.December, 29)},
		{FiscalYear: 2024, Revision: 0, Label: "APBD Murni 2024", Ceiling: 850_000_000, Document: "DPA-SKPD 2.07.0.00.0.00.01.0000/2024",
			DecidedOn: domain.Date(2023, time.December, 28)},
		{FiscalYear: 2024, Revision: 1, Label: "APBD Perubahan 2024", Ceiling: 950_000_000, Document: "DPPA-SKPD 2.07.0.00.0.00.01.0000/2024",
			DecidedOn: domain.Date(2024, time.September, 30), Note: "Tambahan untuk perluasan kepesertaan pekerja rentan sejak Juni 2024"},
		{FiscalYear: 2025, Revision: 0, Label: "APBD Murni 2025", Ceiling: 1_100_000_000, Document: "DPA-SKPD 2.07.0.00.0.00.01.0000/2025",
			DecidedOn: domain.Date(2024, time.December, 30)},
	}
}

// categoryTargets are the sasaran per category: the 2024 figures reported
// for RT/RW, kader and Linmas, smaller ones for the pekerja rentan pilots.
var categoryTargets = map[int]map[string]int64{
	2023: {"rt_rw": 1528, "kader": 2650, "linmas": 1593, "nelayan": 400, "petani": 250, "lainnya": 61,
		"umkm": 50, "marbot": 50, "parkir": 30, "ojek": 30, "buruh": 30},
	2024: {"rt_rw": 1528, "kader": 2650, "linmas": 1593, "nelayan": 400, "petani": 250, "lainnya": 61,
		"umkm": 300, "marbot": 250, "parkir": 150, "ojek": 200, "buruh": 200},
}

// targets are the year's targets per category, and for RT/RW also per
// kelurahan (spread by the kelurahan's weight, adding up to the total).
func (g *gen) targets() []analysis.Target {
	var out []analysis.Target
	for _, y := range []int{2023, 2024} {
		for _, q := range quotas {
			out = append(out, analysis.Target{Year: y, CategoryCode: q.category, Workers: categoryTargets[y][q.category]})
		}
	}
	total, weights := int64(categoryTargets[2024]["rt_rw"]), int64(0)
	for _, w := range g.weights {
		weights += int64(w)
	}
	given := int64(0)
	for i, k := range g.kel {
		n := total * int64(g.weights[i]) / weights
		if i == len(g.kel)-1 {
			n = total - given
		}
		given += n
		out = append(out, analysis.Target{Year: 2024, CategoryCode: "rt_rw", KelurahanCode: k.Code, Workers: n})
	}
	return out
}

func workforce() []analysis.Workforce {
	return []analysis.Workforce{
		{Year: 2023, Workforce: 171_204, WorkforceSource: "BPS Kota Cilegon, Sakernas Agustus 2023",
			Protected: 68_915, ProtectedSource: "BPJS Ketenagakerjaan Cabang Cilegon, Desember 2023", TargetPermille: 450},
		{Year: 2024, Workforce: 172_980, WorkforceSource: "BPS Kota Cilegon, Sakernas Agustus 2024",
			Protected: 72_104, ProtectedSource: "BPJS Ketenagakerjaan Cabang Cilegon, Desember 2024", TargetPermille: 500},
		{Year: 2025, Workforce: 174_897, WorkforceSource: "BPS Kota Cilegon, Sakernas Februari 2025",
			Protected: 76_062, ProtectedSource: "BPJS Ketenagakerjaan Cabang Cilegon, Juli 2025", TargetPermille: 550},
	}
}

// partlyPaid is the coverage month paid only in part, partlyPaidAmount of it.
var partlyPaid = domain.NewMonth(2024, time.October)

const partlyPaidAmount domain.Rupiah = 50_000_000

// meetingWindowSafe reports whether month m lies outside the months whose
// iuran makes the meeting's figures.
func meetingWindowSafe(m domain.Month) bool { return m < meetingFrom || m > meetingTo }
