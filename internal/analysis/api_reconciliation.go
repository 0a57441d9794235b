package analysis

import (
	"net/http"
	"strconv"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// reconJSON is one coverage month of the billing reconciliation; billed and
// billed_participants are null when BPJS's bill is not on record.
type reconJSON struct {
	Month              string   `json:"month"`
	ActiveWorkers      int64    `json:"active_workers"`
	ActiveMonthEnd     int64    `json:"active_month_end"`
	Rate               int64    `json:"rate"`
	ExpectedBilling    int64    `json:"expected_billing"`
	Billed             *int64   `json:"billed"`
	BilledParticipants *int64   `json:"billed_participants"`
	Paid               int64    `json:"paid"`
	PaidByDueDate      int64    `json:"paid_by_due_date"`
	Difference         int64    `json:"difference"`
	DueDate            string   `json:"due_date"`
	PaymentStatus      string   `json:"payment_status"`
	Issues             []string `json:"issues"`
}

// paymentStates are the API names of the payment states.
var paymentStates = map[PaymentState]string{
	PaymentNothingDue: "nothing_due", PaymentNotDue: "not_due", PaymentOnTime: "on_time",
	PaymentLate: "late", PaymentShort: "short", PaymentUnpaid: "unpaid",
}

// Reconciliation is GET /api/v1/reconciliation?year=2024 (or period=…): one item per coverage month.
func (s *API) Reconciliation(w http.ResponseWriter, r *http.Request) {
	var p domain.Period
	if y := r.URL.Query().Get("year"); y != "" {
		year, err := strconv.Atoi(y)
		if err != nil || year < 1900 || year > 2100 {
			s.FailInput(w, r, "invalid year", &domain.ValueError{Msg: "tahun tidak valid: " + strconv.Quote(y)})
			return
		}
		p = domain.YearPeriod(year)
	} else {
		sel, ok := s.selection(w, r)
		if !ok {
			return
		}
		p = sel.Period
	}
	months, err := s.svc.Reconciliation(r.Context(), httpx.User(r).Pemda, p)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	today := s.Now()
	out := itemsJSON[reconJSON]{Items: make([]reconJSON, len(months))}
	for i, m := range months {
		j := reconJSON{Month: m.Month.String(), ActiveWorkers: m.RosterAny, ActiveMonthEnd: m.RosterEnd, Rate: int64(m.Rate.Total()),
			ExpectedBilling: int64(m.Expected()), Paid: int64(m.Paid), PaidByDueDate: int64(m.PaidByDue), Difference: int64(m.Difference()),
			DueDate: m.DueDate().Format("2006-01-02"), PaymentStatus: paymentStates[m.Payment(today)], Issues: []string{}}
		if m.BillKnown() {
			billed := int64(m.Billed)
			j.Billed = &billed
		}
		if m.BilledParticipants > 0 {
			j.BilledParticipants = &m.BilledParticipants
		}
		for _, is := range m.Issues(today) {
			j.Issues = append(j.Issues, is.Code)
		}
		out.Items[i] = j
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
