package ui

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/web/components"
)

// ledgerQuery is what a ledger page asks for: the coverage months
// (?period= or ?from=&to=, by default the current year, or the latest year
// with a bill or a payment) and the day they are judged on (?as_of=, by
// default today).
type ledgerQuery struct {
	Period  domain.Period
	AsOf    time.Time
	AsOfSet bool // the address names the day
	Years   []int
	Notice  string
}

// ledgerQueryOf reads a ledger page's query; a malformed one is a ValueError.
func (s *Handlers) ledgerQueryOf(r *http.Request) (ledgerQuery, error) {
	q := r.URL.Query()
	var lq ledgerQuery
	var err error
	if lq.AsOf, err = contributions.AsOf(q.Get("as_of"), s.Now()); err != nil {
		return lq, err
	}
	lq.AsOfSet = q.Get("as_of") != ""
	if lq.Years, err = s.svc.LedgerYears(r.Context(), httpx.User(r).Pemda); err != nil {
		return lq, err
	}
	switch {
	case q.Get("period") != "":
		lq.Period, err = domain.ParsePeriod(q.Get("period"))
	case q.Get("from") != "" || q.Get("to") != "":
		lq.Period, err = domain.PeriodFromTo(q.Get("from"), q.Get("to"))
	default:
		year := lq.AsOf.Year()
		if len(lq.Years) > 0 && !slices.Contains(lq.Years, year) {
			lq.Notice = fmt.Sprintf("Belum ada tagihan atau pembayaran untuk tahun %d; ditampilkan tahun %d, tahun terakhir yang memiliki data.",
				year, lq.Years[0])
			year = lq.Years[0]
		}
		lq.Period = domain.YearPeriod(year)
	}
	if err == nil && lq.Period.Len() > contributions.MaxLedgerMonths {
		err = &domain.ValueError{Msg: fmt.Sprintf("pilih paling banyak %d bulan sekaligus", contributions.MaxLedgerMonths)}
	}
	return lq, err
}

// with is path with query q and, when the address named one, the as-of day.
func (lq ledgerQuery) with(path string, q url.Values) string {
	if q == nil {
		q = url.Values{}
	}
	if lq.AsOfSet {
		q.Set("as_of", lq.AsOf.Format(time.DateOnly))
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// billingView is what /billing and its export show.
type billingView struct {
	query  ledgerQuery
	months []contributions.BillingMonth
}

// loadBilling reads the ledger the address asks for.
func (s *Handlers) loadBilling(r *http.Request) (billingView, error) {
	lq, err := s.ledgerQueryOf(r)
	if err != nil {
		return billingView{query: lq}, err
	}
	months, err := s.svc.BillingMonths(r.Context(), httpx.User(r).Pemda, lq.Period.From, lq.Period.To, lq.AsOf)
	return billingView{query: lq, months: months}, err
}

// billing is the ledger of the coverage months: what BPJS billed, what it
// should have billed, what was paid and what is in arrears.
func (s *Handlers) billing(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadBilling(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	rule, err := s.settings.DueRule(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	p := BillingProps{Viewer: records.Viewer(s.Site, r, "/contributions"), Query: v.query, Months: v.months, Rule: rule,
		Picker: components.PeriodPicker{Action: "/billing", Period: v.query.Period, Years: v.query.Years, NoBasis: true,
			Keep: keepAsOf(r)}}
	s.Render(w, r, http.StatusOK, "Iuran & Tagihan", "contributions", Billing(p))
}

// keepAsOf is the as-of day of the address, for the period picker to keep.
func keepAsOf(r *http.Request) map[string][]string {
	if v := r.URL.Query().Get("as_of"); v != "" {
		return map[string][]string{"as_of": {v}}
	}
	return nil
}

// billingExport writes the ledger as CSV or XLSX.
func (s *Handlers) billingExport(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadBilling(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	records.ExportTable(s.Site, s.audit, w, r, http.StatusOK, "contribution", billingTable(v))
}

// billingTable is the ledger, a row per coverage month and the totals.
func billingTable(v billingView) records.Table {
	p := v.query.Period
	t := records.Table{
		File:  "iuran-tagihan-" + strings.ReplaceAll(p.String(), "..", "-"),
		Title: "Iuran dan tagihan " + p.Label() + " per " + domain.FormatDate(v.query.AsOf),
		Header: []string{"bulan_kepesertaan", "jatuh_tempo", "peserta_ditagih", "peserta_akhir_bulan", "tagihan_seharusnya",
			"tagihan", "sumber_tagihan", "peserta_pada_tagihan", "dibayar", "dibayar_sampai_jatuh_tempo", "tunggakan",
			"terlambat", "menunggak", "hari_menunggak", "bulan_menunggak_berturut", "pembayaran", "catatan"},
	}
	for _, m := range v.months {
		var billed, participants any
		if m.BillKnown() {
			billed = m.Billed()
		}
		if n := m.BilledParticipants(); n > 0 {
			participants = n
		}
		var notes []string
		for _, is := range m.Issues() {
			notes = append(notes, is.Label)
		}
		t.Rows = append(t.Rows, []any{m.Month.String(), m.Due, m.RosterAny, m.RosterEnd, m.Expected, billed, m.BilledFrom(),
			participants, m.Paid, m.PaidByDue, m.Outstanding(), yesNo(m.PaidLate()), yesNo(m.Overdue()), m.DaysOverdue(), m.Run,
			m.Payment().Label(), strings.Join(notes, "; ")})
	}
	tot := contributions.TotalBilling(v.months)
	t.Rows = append(t.Rows, []any{"Jumlah", nil, nil, nil, tot.Expected, tot.Billed, nil, nil, tot.Paid, nil, tot.Outstanding,
		nil, tot.Overdue, nil, tot.LongestRun, nil, fmt.Sprintf("%d bulan ditandai", tot.Flagged)})
	return t
}

// yesNo is a flag as an export cell.
func yesNo(b bool) string {
	if b {
		return "ya"
	}
	return "tidak"
}
