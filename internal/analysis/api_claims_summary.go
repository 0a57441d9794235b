package analysis

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
)

// claimTallyJSON is a number of claims and their amount in whole rupiah.
type claimTallyJSON struct {
	Type   string `json:"type,omitempty"`
	Name   string `json:"name,omitempty"`
	Status string `json:"status,omitempty"`
	Count  int64  `json:"count"`
	Amount int64  `json:"amount"`
}

func toClaimTallyJSON(t ClaimTally) claimTallyJSON {
	out := claimTallyJSON{Type: string(t.Type), Status: string(t.Status), Count: t.Count, Amount: int64(t.Amount)}
	if t.Type != "" {
		out.Name = t.Type.Name()
	}
	return out
}

// claimSummaryJSON is the claims of a period: paid by type (all five types),
// still in process at the period's end (the expected liability) and rejected.
type claimSummaryJSON struct {
	Period   string           `json:"period"`
	Label    string           `json:"label"`
	Basis    string           `json:"basis"`
	Items    []claimTallyJSON `json:"items"`
	Pending  []claimTallyJSON `json:"pending"`
	Rejected claimTallyJSON   `json:"rejected"`
}

// ClaimsSummary is GET /api/v1/claims/summary?period=…&basis=cash|accrual.
func (s *API) ClaimsSummary(w http.ResponseWriter, r *http.Request) {
	sel, ok := s.selection(w, r)
	if !ok {
		return
	}
	sum, err := s.svc.ClaimSummary(r.Context(), httpx.User(r).Pemda, sel.Period, sel.Basis)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	out := claimSummaryJSON{Period: sel.Period.String(), Label: sel.Period.Label(), Basis: string(sel.Basis),
		Items: []claimTallyJSON{}, Pending: []claimTallyJSON{}, Rejected: toClaimTallyJSON(sum.Rejected)}
	for _, t := range sum.Paid {
		out.Items = append(out.Items, toClaimTallyJSON(t))
	}
	for _, t := range sum.Pending {
		out.Pending = append(out.Pending, toClaimTallyJSON(t))
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
