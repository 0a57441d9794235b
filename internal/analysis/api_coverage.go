package analysis

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// coverageJSON is one row of the coverage: workers active at the period's
// end against the year's target; target and coverage are null without a target.
type coverageJSON struct {
	Code          string   `json:"code"`
	Name          string   `json:"name"`
	KecamatanCode string   `json:"kecamatan_code,omitempty"`
	Active        int64    `json:"active"`
	Targeted      int64    `json:"active_in_target_categories"`
	Target        *int64   `json:"target"`
	Coverage      *float64 `json:"coverage"`
	Gap           int64    `json:"gap"`
	GapCost       int64    `json:"gap_cost_per_year"`
}

// Coverage is GET /api/v1/coverage?period=…&by=category|kecamatan|kelurahan[&category=…].
func (s *API) Coverage(w http.ResponseWriter, r *http.Request) {
	sel, ok := s.selection(w, r)
	if !ok {
		return
	}
	pemda, category := httpx.User(r).Pemda, r.URL.Query().Get("category")
	if category != "" {
		cats, err := s.svc.settings.Categories(r.Context(), pemda)
		if err != nil {
			s.FailJSON(w, r, err)
			return
		}
		if !domain.HasCategory(cats, category) {
			s.FailInput(w, r, "invalid category", &domain.ValueError{Msg: "kategori tidak dikenal: " + category})
			return
		}
	}
	rep, err := s.svc.CoverageView(r.Context(), pemda, sel.Period, category)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	var rows []CoverageRow
	switch by := r.URL.Query().Get("by"); by {
	case "", "category":
		rows = rep.ByCategory
	case "kecamatan":
		rows = rep.ByKecamatan
	case "kelurahan":
		rows = rep.ByKelurahan
	default:
		s.FailInput(w, r, "invalid by", &domain.ValueError{Msg: "by tidak valid: " + by + "; gunakan category, kecamatan atau kelurahan"})
		return
	}
	out := itemsJSON[coverageJSON]{Items: make([]coverageJSON, len(rows))}
	for i, c := range rows {
		out.Items[i] = coverageJSON{Code: c.Code, Name: c.Name, KecamatanCode: c.Parent, Active: c.Active, Targeted: c.Targeted,
			Coverage: ratioJSON(c.Coverage()), Gap: c.Gap(), GapCost: int64(c.GapCost(rep.Rate))}
		if c.HasTarget {
			out.Items[i].Target = &c.Target
		}
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
