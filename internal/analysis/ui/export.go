package ui

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// table is one table of an analysis view as it is exported: the same
// figures as the page, from the same domain report.
type table struct {
	File   string // file name without extension, e.g. "iuran-klaim-2024-kas"
	Title  string // what it holds, for the sheet name and the audit log
	Header []string
	Rows   [][]any
}

// exportTable writes t as CSV or XLSX (the {format} of the path) and
// records the export in the audit log. A page whose address was malformed
// (status 400) exports nothing.
func (s *Handlers) exportTable(w http.ResponseWriter, r *http.Request, status int, t table) {
	format := r.PathValue("format")
	if format != "csv" && format != "xlsx" {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	if status != http.StatusOK {
		s.RenderError(w, r, status)
		return
	}
	var buf bytes.Buffer
	if err := sheet.WriteTable(&buf, format, t.Title, t.Header, t.Rows); err != nil {
		s.Fail(w, r, err)
		return
	}
	if err := s.audit.Record(r.Context(), s.Actor(r), "export", "analysis", "", "Ekspor "+t.Title+" ("+strings.ToUpper(format)+")"); err != nil {
		s.Fail(w, r, err)
		return
	}
	httpx.SetDownload(w, t.File+"."+format, format)
	_, _ = buf.WriteTo(w)
}

// pct is a ratio as a percentage cell rounded as the page shows it, empty when undefined.
func pct(r domain.Ratio) any {
	if !r.Valid() {
		return nil
	}
	return r.PercentValue(1)
}

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
