package contributions

import (
	"net/http"
	"strconv"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// API is the JSON API of the billing ledger; every figure is the one the
// pages show for the same months and day.
type API struct {
	*httpx.Site
	svc *Service
}

// NewAPI returns the API handlers of svc.
func NewAPI(site *httpx.Site, svc *Service) *API { return &API{Site: site, svc: svc} }

// billingJSON is one coverage month of the ledger. billed is 0 while the
// month has no bill (billed_from "none").
type billingJSON struct {
	Month       string   `json:"month"`
	Billed      int64    `json:"billed"`
	BilledFrom  string   `json:"billed_from"` // bill_lines, iuran, none
	Expected    int64    `json:"expected"`
	Paid        int64    `json:"paid"`
	Outstanding int64    `json:"outstanding"`
	DueDate     string   `json:"due_date"`
	PaidLate    bool     `json:"paid_late"`
	Overdue     bool     `json:"overdue"`
	DaysOverdue int64    `json:"days_overdue"`
	MonthsInRow int      `json:"months_overdue_in_row"`
	LapseRisk   bool     `json:"lapse_risk"`
	Status      string   `json:"payment_status"`
	Issues      []string `json:"issues"`
}

// Billing is GET /api/v1/billing?from=YYYY-MM&to=YYYY-MM[&as_of=YYYY-MM-DD]:
// the ledger of the coverage months, judged on as_of (default today).
func (s *API) Billing(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p, err := domain.PeriodFromTo(q.Get("from"), q.Get("to"))
	if err != nil {
		s.FailInput(w, r, "invalid from or to", err)
		return
	}
	asOf, err := AsOf(q.Get("as_of"), s.Now())
	if err != nil {
		s.FailInput(w, r, "invalid as_of", err)
		return
	}
	if p.Len() > maxLedgerMonths {
		s.FailInput(w, r, "period too long", &domain.ValueError{Msg: "paling banyak " + strconv.Itoa(maxLedgerMonths) + " bulan sekaligus"})
		return
	}
	months, err := s.svc.BillingMonths(r.Context(), httpx.User(r).Pemda, p.From, p.To, asOf)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	out := struct {
		AsOf  string        `json:"as_of"`
		Items []billingJSON `json:"items"`
	}{AsOf: asOf.Format(time.DateOnly), Items: make([]billingJSON, len(months))}
	for i, m := range months {
		out.Items[i] = toBillingJSON(m)
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}

// maxLedgerMonths bounds one ledger request: ten years of months.
const maxLedgerMonths = 120

func toBillingJSON(m BillingMonth) billingJSON {
	j := billingJSON{Month: m.Month.String(), Billed: int64(m.Billed()), BilledFrom: "none", Expected: int64(m.Expected), Paid: int64(m.Paid),
		Outstanding: int64(m.Outstanding()), DueDate: m.Due.Format(time.DateOnly), PaidLate: m.PaidLate(),
		Overdue: m.Overdue(), DaysOverdue: m.DaysOverdue(), MonthsInRow: m.Run, LapseRisk: m.LapseRisk(),
		Status: m.Payment().Code(), Issues: []string{}}
	if m.BillKnown() {
		j.BilledFrom = "iuran"
		if m.BillLines > 0 {
			j.BilledFrom = "bill_lines"
		}
	}
	for _, is := range m.Issues() {
		j.Issues = append(j.Issues, is.Code)
	}
	return j
}

// AsOf reads the day a ledger is judged on, "2024-07-17"; today (in WIB,
// of now) when empty.
func AsOf(s string, now time.Time) (time.Time, error) {
	if s == "" {
		y, m, d := now.In(domain.WIB).Date()
		return domain.Date(y, m, d), nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, &domain.ValueError{Msg: "tanggal as_of tidak valid: " + domain.Quote(s) + "; gunakan format 2024-07-17"}
	}
	return t, nil
}

// findingJSON is one finding of the per-worker reconciliation.
type findingJSON struct {
	Kind     string `json:"kind"`
	KPJ      string `json:"kpj"`
	NIK      string `json:"nik"`
	Name     string `json:"name"`
	Billed   int64  `json:"billed"`
	Expected int64  `json:"expected"`
	BillNo   string `json:"bill_no"`
}

// maxFindings is the most findings one call returns; counts always cover them all.
const maxFindings = 10_000

// Reconciliation is GET /api/v1/billing/reconciliation?month=YYYY-MM[&kind=…][&offset=N&limit=N]:
// the tally of every kind and the findings (the NIK masked for roles that
// may not see it in full).
func (s *API) Reconciliation(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	m, err := domain.ParseMonth(q.Get("month"))
	if err != nil {
		s.FailInput(w, r, "invalid month", err)
		return
	}
	kind, err := ParseReconKind(q.Get("kind"))
	if err != nil {
		s.FailInput(w, r, "invalid kind", err)
		return
	}
	offset, limit, err := pageOf(q.Get("offset"), q.Get("limit"))
	if err != nil {
		s.FailInput(w, r, "invalid offset or limit", err)
		return
	}
	rc, err := s.svc.Reconciliation(r.Context(), httpx.User(r).Pemda, m, kind, offset, limit)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	out := struct {
		Month  string           `json:"month"`
		Counts map[string]int64 `json:"counts"`
		Items  []findingJSON    `json:"items"`
	}{Month: m.String(), Counts: map[string]int64{}, Items: make([]findingJSON, len(rc.Findings))}
	for _, t := range rc.Tallies {
		out.Counts[string(t.Kind)] = t.Count
	}
	full := httpx.User(r).Role.SeesFullNIK()
	for i, f := range rc.Findings {
		nik := string(f.NIK)
		if !full {
			nik = f.NIK.Masked()
		}
		out.Items[i] = findingJSON{Kind: string(f.Kind), KPJ: f.KPJ, NIK: nik, Name: f.Name, Billed: int64(f.Billed),
			Expected: int64(f.Expected), BillNo: f.BillNo}
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}

// pageOf reads offset and limit: 0 and maxFindings by default, the limit at most maxFindings.
func pageOf(offset, limit string) (int, int, error) {
	o, l := 0, maxFindings
	var err error
	if offset != "" {
		if o, err = strconv.Atoi(offset); err != nil || o < 0 {
			return 0, 0, &domain.ValueError{Msg: "offset harus bilangan bulat tidak negatif"}
		}
	}
	if limit != "" {
		if l, err = strconv.Atoi(limit); err != nil || l < 1 || l > maxFindings {
			return 0, 0, &domain.ValueError{Msg: "limit harus antara 1 dan " + strconv.Itoa(maxFindings)}
		}
	}
	return o, l, nil
}
