package quality

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
)

// API is the JSON API of the data-quality checks.
type API struct {
	*httpx.Site
	svc *Service
}

// NewAPI returns the API handlers of svc.
func NewAPI(site *httpx.Site, svc *Service) *API { return &API{Site: site, svc: svc} }

// qualityJSON is the API form of the data-quality counts.
type qualityJSON struct {
	Items []qualityItemJSON `json:"items"`
}

// qualityItemJSON is one check: its code, Indonesian name and definition,
// and how many findings it made.
type qualityItemJSON struct {
	Check      string `json:"check"`
	Label      string `json:"label"`
	Definition string `json:"definition"`
	Count      int64  `json:"count"`
}

// Counts is GET /api/v1/quality: the count of every data-quality check.
func (s *API) Counts(w http.ResponseWriter, r *http.Request) {
	results, err := s.svc.Summary(r.Context(), httpx.User(r).Pemda, 0)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	out := qualityJSON{Items: make([]qualityItemJSON, 0, len(results))}
	for _, res := range results {
		out.Items = append(out.Items, qualityItemJSON{Check: string(res.Check), Label: res.Check.Title(),
			Definition: res.Check.Definition(), Count: res.Count})
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
