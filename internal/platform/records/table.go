package records

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// Table is a table of figures as it is exported: the same figures as the
// page that shows them, from the same report.
type Table struct {
	File   string // file name without extension, e.g. "iuran-klaim-2024-kas"
	Title  string // what it holds, for the sheet name and the audit log
	Header []string
	Rows   [][]any
}

// ExportTable writes t as CSV or XLSX (the {format} of the path) and
// records the export in log under entity. A page whose address was
// malformed (status other than 200) exports nothing.
func ExportTable(site *httpx.Site, log *audit.Log, w http.ResponseWriter, r *http.Request, status int, entity string, t Table) {
	format := r.PathValue("format")
	if format != "csv" && format != "xlsx" {
		site.RenderError(w, r, http.StatusNotFound)
		return
	}
	if status != http.StatusOK {
		site.RenderError(w, r, status)
		return
	}
	var buf bytes.Buffer
	if err := sheet.WriteTable(&buf, format, t.Title, t.Header, t.Rows); err != nil {
		site.Fail(w, r, err)
		return
	}
	if err := log.Record(r.Context(), site.Actor(r), "export", entity, "", "Ekspor "+t.Title+" ("+strings.ToUpper(format)+")"); err != nil {
		site.Fail(w, r, err)
		return
	}
	httpx.SetDownload(w, t.File+"."+format, format)
	_, _ = buf.WriteTo(w)
}

// Pct is a ratio as a percentage cell rounded as pages show it, empty when undefined.
func Pct(r domain.Ratio) any {
	if !r.Valid() {
		return nil
	}
	return r.PercentValue(1)
}
