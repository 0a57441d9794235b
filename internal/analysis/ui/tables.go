package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
)

// The exported tables of the analysis views. Each row holds the figures
// the page shows, taken from the same domain report; money is a number of
// whole rupiah, percentages are rounded as on screen.

// balanceSeriesExport is the balance view's series with the whole period as its last row.
func balanceSeriesExport(r analysis.BalanceView) table {
	b := r.Balance
	t := table{
		File:  fileStem("iuran-klaim", b.Period, b.Basis),
		Title: "Iuran dan klaim " + b.Period.Label() + " " + b.Basis.Label(),
		Header: []string{"periode", "dari", "sampai", "basis", "iuran", "klaim", "iuran_dibayar", "kasus_klaim", "klaim_dibayar", "saldo",
			"rasio_klaim_persen", "saldo_kumulatif", "peserta_aktif_akhir_periode"},
	}
	row := func(x analysis.Balance, cum domain.Rupiah) []any {
		return []any{x.Period.Label(), x.Period.Start(), x.Period.End(), x.Basis.Label(), x.Contributions, x.Claims, x.ContributionsPaid, x.ClaimsCount,
			x.ClaimsPaid, x.Saldo(), pct(x.ClaimRatio()), cum, x.ActiveWorkers}
	}
	for i, c := range r.Cumulative() {
		t.Rows = append(t.Rows, row(r.Series[i], c))
	}
	t.Rows = append(t.Rows, row(b, r.Closing()))
	return t
}

// claimTypeExport is the claims by type: paid in the period, and in process at its end.
func claimTypeExport(s analysis.ClaimSummary) table {
	t := table{
		File:   fileStem("klaim-per-jenis", s.Period, s.Basis),
		Title:  "Klaim per jenis " + s.Period.Label() + " " + s.Basis.Label(),
		Header: []string{"kode_jenis", "jenis_klaim", "kasus_dibayar", "nilai_dibayar", "porsi_persen", "kasus_dalam_proses", "nilai_dalam_proses"},
	}
	pending := analysis.CompleteByType(s.Pending)
	for i, p := range s.Paid {
		t.Rows = append(t.Rows, []any{string(p.Type), p.Type.Name(), p.Count, p.Amount, pct(s.Share(p)), pending[i].Count, pending[i].Amount})
	}
	paid, open := s.PaidTotal(), s.PendingTotal()
	t.Rows = append(t.Rows, []any{"", "Jumlah", paid.Count, paid.Amount, pct(s.Share(paid)), open.Count, open.Amount})
	return t
}

// reconExport is the reconciliation, one row per coverage month and the totals.
func reconExport(p domain.Period, months []analysis.ReconMonth, today time.Time) table {
	t := table{
		File:  fileStem("rekonsiliasi-tagihan", p, ""),
		Title: "Rekonsiliasi tagihan " + p.Label(),
		Header: []string{"bulan_kepesertaan", "peserta_ditagih", "peserta_akhir_bulan", "tarif", "tagihan_seharusnya", "tagihan_bpjs",
			"peserta_pada_tagihan", "dibayar", "dibayar_sampai_jatuh_tempo", "selisih", "jatuh_tempo", "tanggal_bayar_terakhir", "pembayaran", "catatan"},
	}
	for _, m := range months {
		var billed, participants, lastPaid any
		if m.BillKnown() {
			billed = m.Billed
		}
		if m.BilledParticipants > 0 {
			participants = m.BilledParticipants
		}
		if !m.LastPaidOn.IsZero() {
			lastPaid = m.LastPaidOn
		}
		var notes []string
		for _, is := range m.Issues(today) {
			notes = append(notes, is.Label)
		}
		t.Rows = append(t.Rows, []any{m.Month.String(), m.RosterAny, m.RosterEnd, m.Rate.Total(), m.Expected(), billed, participants,
			m.Paid, m.PaidByDue, m.Difference(), m.DueDate(), lastPaid, m.Payment(today).Label(), strings.Join(notes, "; ")})
	}
	tot := analysis.TotalRecon(months, today)
	t.Rows = append(t.Rows, []any{"Jumlah", nil, nil, nil, tot.Expected, tot.Billed, nil, tot.Paid, nil, tot.Difference(), nil, nil, nil,
		strconv.Itoa(tot.Flagged) + " bulan ditandai"})
	return t
}

// budgetMonthsExport is the realisasi and absorption per month of a fiscal year.
func budgetMonthsExport(r analysis.BudgetView) table {
	t := table{
		File:  "anggaran-realisasi-" + strconv.Itoa(r.Year),
		Title: "Realisasi anggaran " + strconv.Itoa(r.Year),
		Header: []string{"bulan", "realisasi_sp2d", "realisasi_kumulatif", "serapan_bulan_persen", "serapan_kumulatif_persen",
			"iuran_bulan_kepesertaan_dibayar"},
	}
	cum, cumAbs := r.Cumulative(), r.CumulativeAbsorption()
	for i, m := range r.Months {
		t.Rows = append(t.Rows, []any{m.Month.String(), m.Realized, cum[i], pct(r.Absorption(m)), pct(cumAbs[i]), m.CoveragePaid})
	}
	pagu, _ := r.Ceiling()
	t.Rows = append(t.Rows,
		[]any{"Pagu berlaku", pagu.Ceiling, nil, nil, nil, nil},
		[]any{"Realisasi sampai " + r.Today.Format("2006-01-02"), r.SoFar, nil, nil, nil, nil},
		[]any{"Masih terutang (" + strconv.Itoa(r.OwingMonths()) + " bulan)", r.StillOwed(), nil, nil, nil, nil},
		[]any{"Proyeksi akhir tahun", r.Projection(), nil, nil, pct(r.ProjectedAbsorption()), nil},
		[]any{"Perkiraan sisa pagu", r.Remaining(), nil, nil, nil, nil})
	return t
}

// budgetVersionsExport is the pagu versions of a fiscal year.
func budgetVersionsExport(r analysis.BudgetView) table {
	t := table{
		File:   "anggaran-pagu-" + strconv.Itoa(r.Year),
		Title:  "Pagu " + strconv.Itoa(r.Year),
		Header: []string{"tahun_anggaran", "revisi", "versi", "pagu", "dokumen", "tanggal_penetapan", "catatan"},
	}
	for _, b := range r.Versions {
		var decided any
		if !b.DecidedOn.IsZero() {
			decided = b.DecidedOn
		}
		t.Rows = append(t.Rows, []any{strconv.Itoa(b.FiscalYear), b.Revision, b.Label, b.Ceiling, b.Document, decided, b.Note})
	}
	return t
}

// coverageExport is the coverage by "category" (default), "kecamatan" or "kelurahan".
func coverageExport(r analysis.CoverageView, by string) table {
	rows, first := r.ByCategory, "kategori"
	switch by {
	case "kecamatan":
		rows, first = r.ByKecamatan, "kecamatan"
	case "kelurahan":
		rows, first = r.ByKelurahan, "kelurahan"
	}
	t := table{
		File:  "cakupan-" + first + "-" + strings.ReplaceAll(r.Period.String(), "..", "-"),
		Title: "Cakupan per " + first + " " + domain.FormatDate(r.Period.End()),
		Header: []string{"kode", first, "kode_kecamatan", "peserta_aktif", "aktif_kategori_bersasaran", "sasaran", "cakupan_persen",
			"kekurangan", "biaya_kekurangan_setahun"},
	}
	row := func(c analysis.CoverageRow, gap int64) []any {
		var target any
		if c.HasTarget {
			target = c.Target
		}
		return []any{c.Code, c.Name, c.Parent, c.Active, c.Targeted, target, pct(c.Coverage()), gap, r.Rate.Annual(gap)}
	}
	for _, c := range rows {
		t.Rows = append(t.Rows, row(c, c.Gap()))
	}
	total, gap := analysis.TotalCoverage("Jumlah", rows)
	t.Rows = append(t.Rows, row(total, gap))
	return t
}
