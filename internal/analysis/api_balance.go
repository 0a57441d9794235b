package analysis

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
)

// balanceJSON is the API form of a balance: amounts are integers of whole
// rupiah. contributions and claims are the basis's figures (cash: paid;
// accrual: due for the coverage months, incurred in the period), balance =
// contributions − claims and claim_ratio = claims ÷ contributions, null
// when there were no contributions.
type balanceJSON struct {
	Period            string   `json:"period"`
	Label             string   `json:"label"`
	From              string   `json:"from"`
	To                string   `json:"to"`
	Basis             string   `json:"basis"`
	BasisExplained    string   `json:"basis_explained"`
	Contributions     int64    `json:"contributions"`
	Claims            int64    `json:"claims"`
	ContributionsPaid int64    `json:"contributions_paid"`
	ClaimsPaid        int64    `json:"claims_paid"`
	ClaimsCount       int64    `json:"claims_count"`
	Balance           int64    `json:"balance"`
	ClaimRatio        *float64 `json:"claim_ratio"`
	ActiveWorkers     int64    `json:"active_workers"`
}

func toBalanceJSON(b Balance) balanceJSON {
	out := balanceJSON{
		Period: b.Period.String(), Label: b.Period.Label(),
		From: b.Period.Start().Format("2006-01-02"), To: b.Period.End().Format("2006-01-02"),
		Basis: string(b.Basis), BasisExplained: b.Basis.Explain(),
		Contributions: int64(b.Contributions), Claims: int64(b.Claims),
		ContributionsPaid: int64(b.ContributionsPaid), ClaimsPaid: int64(b.ClaimsPaid), ClaimsCount: b.ClaimsCount,
		Balance: int64(b.Saldo()), ActiveWorkers: b.ActiveWorkers,
	}
	out.ClaimRatio = ratioJSON(b.ClaimRatio())
	return out
}

// Balance is GET /api/v1/balance?period=…|from=…&to=…&basis=cash|accrual.
func (s *API) Balance(w http.ResponseWriter, r *http.Request) {
	sel, ok := s.selection(w, r)
	if !ok {
		return
	}
	b, err := s.svc.Balance(r.Context(), httpx.User(r).Pemda, sel.Period, sel.Basis)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, toBalanceJSON(b))
}
