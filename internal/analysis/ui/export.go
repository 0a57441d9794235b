package ui

import (
	"net/http"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/records"
)

// table is one table of an analysis view as it is exported.
type table = records.Table

// exportTable writes t as CSV or XLSX and records the export in the audit log.
func (s *Handlers) exportTable(w http.ResponseWriter, r *http.Request, status int, t table) {
	records.ExportTable(s.Site, s.audit, w, r, status, "analysis", t)
}

// pct is a ratio as a percentage cell rounded as the page shows it, empty when undefined.
var pct = records.Pct

// fileStem names an export: "iuran-klaim", period "2024-01..2024-07" and basis become "iuran-klaim-2024-01-2024-07-kas".
func fileStem(name string, p domain.Period, b domain.Basis) string {
	stem := name + "-" + strings.ReplaceAll(p.String(), "..", "-")
	switch b {
	case domain.BasisCash:
		stem += "-kas"
	case domain.BasisAccrual:
		stem += "-akrual"
	}
	return stem
}
