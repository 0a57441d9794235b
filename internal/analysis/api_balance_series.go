package analysis

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// BalanceSeries is GET /api/v1/balance/series?period=…|from=…&to=…&by=month|quarter|semester|year&basis=cash|accrual:
// the balance of each sub-period, in the form of /api/v1/balance.
func (s *API) BalanceSeries(w http.ResponseWriter, r *http.Request) {
	sel, ok := s.selection(w, r)
	if !ok {
		return
	}
	by, err := domain.ParseGranularity(r.URL.Query().Get("by"))
	if err != nil {
		s.FailInput(w, r, "invalid by", err)
		return
	}
	series, err := s.svc.BalanceSeries(r.Context(), httpx.User(r).Pemda, sel.Period.Split(by), sel.Basis)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	out := itemsJSON[balanceJSON]{Items: make([]balanceJSON, len(series))}
	for i, b := range series {
		out.Items[i] = toBalanceJSON(b)
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
