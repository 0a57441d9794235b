package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// contributionExport is /contributions/export.csv and .xlsx: the filtered
// list in the layout of the contributions template.
func (s *Handlers) contributionExport(w http.ResponseWriter, r *http.Request) {
	f, _, _ := contributionQuery(r)
	records.Export(s.Site, s.audit, w, r, contributions.Contributions, domain.Reference{}, func(ex *sheet.Exporter[contributions.Contribution]) error {
		return s.svc.EachContribution(r.Context(), httpx.User(r).Pemda, f, func(c contributions.Contribution) error {
			return ex.Write(&c)
		})
	})
}
