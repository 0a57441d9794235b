package analysis

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/settings"
)

// rollupRowJSON is one Pemda's figures (or the total) in the API: amounts
// are integers of whole rupiah, ratios rounded to 4 decimals or null.
type rollupRowJSON struct {
	Pemda             string   `json:"pemda,omitempty"`
	Name              string   `json:"name"`
	Contributions     int64    `json:"contributions"`
	Claims            int64    `json:"claims"`
	ContributionsPaid int64    `json:"contributions_paid"`
	ClaimsPaid        int64    `json:"claims_paid"`
	ClaimsCount       int64    `json:"claims_count"`
	Balance           int64    `json:"balance"`
	ClaimRatio        *float64 `json:"claim_ratio"`
	ActiveWorkers     int64    `json:"active_workers"`
	Target            *int64   `json:"target"`
	Coverage          *float64 `json:"coverage"`
	Arrears           int64    `json:"arrears"`
}

func toRollupRowJSON(r RollupRow) rollupRowJSON {
	b := r.Balance
	out := rollupRowJSON{Name: r.Name, Contributions: int64(b.Contributions), Claims: int64(b.Claims),
		ContributionsPaid: int64(b.ContributionsPaid), ClaimsPaid: int64(b.ClaimsPaid), ClaimsCount: b.ClaimsCount,
		Balance: int64(b.Saldo()), ClaimRatio: ratioJSON(b.ClaimRatio()), ActiveWorkers: b.ActiveWorkers,
		Coverage: ratioJSON(r.Coverage()), Arrears: int64(r.Arrears)}
	if r.Pemda != "" {
		out.Pemda = settings.DottedCode(r.Pemda)
	}
	if r.HasTarget {
		out.Target = &r.Target
	}
	return out
}

// Rollup is GET /api/v1/rollup?period=…&basis=…: the figures of every Pemda
// of the caller's scope and their total.
func (s *API) Rollup(w http.ResponseWriter, r *http.Request) {
	sel, ok := s.selection(w, r)
	if !ok {
		return
	}
	ru, err := s.svc.Rollup(r.Context(), httpx.User(r).Scope, sel.Period, sel.Basis)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	items := make([]rollupRowJSON, 0, len(ru.Rows))
	for _, row := range ru.Rows {
		items = append(items, toRollupRowJSON(row))
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{
		"period": sel.Period.String(), "label": sel.Period.Label(), "basis": string(sel.Basis),
		"items": items, "total": toRollupRowJSON(ru.Total),
	})
}
