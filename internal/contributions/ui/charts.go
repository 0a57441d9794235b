package ui

import (
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/web/components"
)

// billingChart is the bar chart of the expected bill, the bill and the payments per coverage month.
func billingChart(id string, p domain.Period, months []contributions.BillingMonth) components.BarChart {
	periods := make([]domain.Period, len(months))
	exp, billed, paid := make([]int64, len(months)), make([]int64, len(months)), make([]int64, len(months))
	for i, m := range months {
		periods[i] = domain.MonthPeriod(m.Month)
		exp[i], billed[i], paid[i] = int64(m.Expected), int64(m.Billed()), int64(m.Paid)
	}
	return components.BarChart{
		ID:      id,
		Title:   "Tagihan seharusnya, tagihan BPJS dan pembayaran per bulan kepesertaan · " + p.Label(),
		Summary: "Per bulan kepesertaan " + p.Label() + ": tagihan menurut daftar peserta, tagihan BPJS dan iuran yang dibayar.",
		Caption: "Tagihan seharusnya = setiap peserta yang aktif pada hari mana pun dalam bulan × tarif menurut penghasilannya.",
		Labels:  components.SeriesLabels(periods),
		Series: []components.Series{{Name: "Tagihan seharusnya", Values: exp}, {Name: "Ditagih BPJS", Values: billed},
			{Name: "Dibayar", Values: paid}},
		Unit: components.UnitRupiah,
	}
}
