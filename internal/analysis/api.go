package analysis

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// API is the JSON API of the analysis views; every figure is the one the
// pages show for the same period and basis.
type API struct {
	*httpx.Site
	svc *Service
}

// NewAPI returns the API handlers of svc.
func NewAPI(site *httpx.Site, svc *Service) *API { return &API{Site: site, svc: svc} }

// selection reads period (or from and to) and basis for an API call; a
// malformed value is answered with 400 {"error", "detail"} and false.
func (s *API) selection(w http.ResponseWriter, r *http.Request) (Selection, bool) {
	sel, err := s.svc.Select(r.Context(), httpx.User(r).Pemda, r.URL.Query(), false, s.Now())
	if err != nil {
		s.FailInput(w, r, "invalid period or basis", err)
		return sel, false
	}
	return sel, true
}

// ratioJSON is a ratio rounded to 4 decimals, or null when it is undefined.
func ratioJSON(r domain.Ratio) *float64 {
	if !r.Valid() {
		return nil
	}
	f := r.Float()
	return &f
}

// itemsJSON is the envelope of the list endpoints.
type itemsJSON[T any] struct {
	Items []T `json:"items"`
}
