package app

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/ingest"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// contributionExport is /contributions/export.csv and .xlsx: the filtered
// list in the layout of the contributions template.
func (s *App) contributionExport(w http.ResponseWriter, r *http.Request) {
	f, _, _ := contributionQuery(r)
	s.exportTo(w, r, ingest.Contributions, func(ex *ingest.Exporter) error {
		return s.db.EachContribution(r.Context(), httpx.User(r).Pemda, f, func(c domain.Contribution) error {
			return ex.Contribution(c)
		})
	})
}
