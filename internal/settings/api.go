package settings

import (
	"net/http"
	"time"

	"github.com/cilegon/monev/internal/platform/httpx"
)

// API serves the settings that figures depend on as JSON, read-only.
type API struct {
	*httpx.Site
	svc *Service
}

// NewAPI returns the settings API handlers.
func NewAPI(site *httpx.Site, svc *Service) *API { return &API{Site: site, svc: svc} }

// rateJSON is one contribution rate: JKK and JKM in whole rupiah at the
// lowest income band (Rp 1.000.000), so jkk 10000 is 1 % of the income.
type rateJSON struct {
	ValidFrom  string `json:"valid_from"`
	JKK        int64  `json:"jkk"`
	JKM        int64  `json:"jkm"`
	Total      int64  `json:"total"`
	Regulation string `json:"regulation"`
}

// Rates is GET /api/v1/settings/rates: the caller's Pemda's rates, oldest
// first, and whether they are its own or the national defaults.
func (a *API) Rates(w http.ResponseWriter, r *http.Request) {
	rates, own, err := a.svc.RateSettings(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		a.FailJSON(w, r, err)
		return
	}
	items := make([]rateJSON, 0, len(rates))
	for _, x := range rates {
		items = append(items, rateJSON{x.ValidFrom.Format(time.DateOnly), int64(x.JKK), int64(x.JKM), int64(x.Total()), x.Regulation})
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"own": own, "items": items})
}

// benefitJSON is one benefit rule: flat + income_percent % of the reported income.
type benefitJSON struct {
	Type          string `json:"type"`
	ValidFrom     string `json:"valid_from"`
	Flat          int64  `json:"flat"`
	IncomePercent int64  `json:"income_percent"`
	Fixed         bool   `json:"fixed"`
	Regulation    string `json:"regulation"`
	Note          string `json:"note"`
}

// Benefits is GET /api/v1/settings/benefits: the caller's Pemda's benefit
// rules by type and date, and whether they are its own or the national defaults.
func (a *API) Benefits(w http.ResponseWriter, r *http.Request) {
	bs, own, err := a.svc.BenefitSettings(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		a.FailJSON(w, r, err)
		return
	}
	items := make([]benefitJSON, 0, len(bs))
	for _, b := range bs {
		items = append(items, benefitJSON{string(b.Type), b.ValidFrom.Format(time.DateOnly), int64(b.Flat), b.IncomePercent,
			b.Fixed, b.Regulation, b.Note})
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"own": own, "items": items})
}
