package ui

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/settings"
)

// openDataColumns are the columns of a Pemda's open data, in the flat form
// Satu Data Indonesia portals take (one row per observation, codes beside
// names, the unit and the period in columns); README documents them.
var openDataColumns = []string{"kode_provinsi", "nama_provinsi", "kode_pemda", "nama_pemda", "kode_kecamatan", "nama_kecamatan",
	"kategori_pekerja", "nama_kategori_pekerja", "bulan", "tahun", "jumlah_peserta_aktif", "jumlah_klaim_dibayar",
	"nilai_klaim_dibayar", "satuan_nilai"}

// openData is /analysis/open-data.{csv,xlsx,json}?pemda=&period=: the
// anonymised monthly figures of the request's Pemda per kecamatan and
// category, small cells blank; every download is in the audit log.
func (s *Handlers) openData(w http.ResponseWriter, r *http.Request) {
	sel, status, err := s.pageSelection(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	u := httpx.User(r)
	list, err := s.settings.PemdasIn(r.Context(), []string{u.Pemda})
	if err != nil || len(list) != 1 {
		s.Fail(w, r, err)
		return
	}
	pd := list[0]
	cells, err := s.svc.OpenData(r.Context(), u.Pemda, sel.Period)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	t := table{File: "data-terbuka-" + pd.Code + "-" + strings.ReplaceAll(sel.Period.String(), "..", "-"),
		Title: "Data terbuka " + pd.Name + " " + sel.Period.Label(), Header: openDataColumns}
	prov := pd.Code[:2]
	for _, c := range cells {
		t.Rows = append(t.Rows, []any{prov, pd.Province, settings.DottedCode(pd.Code), pd.Name, c.KecamatanCode, c.Kecamatan,
			c.CategoryCode, c.Category, c.Month.String(), c.Month.Year(), orBlank(c.Active), orBlank(c.ClaimsPaid),
			orBlank(c.Amount), "rupiah"})
	}
	if r.PathValue("format") != "json" {
		s.exportTable(w, r, status, t)
		return
	}
	if err := s.audit.Record(r.Context(), s.Actor(r), "export", "analysis", t.File+".json", t.Title); err != nil {
		s.Fail(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(t.Rows))
	for _, row := range t.Rows {
		m := map[string]any{}
		for i, col := range openDataColumns {
			if row[i] == "" && i >= 10 && i <= 12 {
				m[col] = nil
				continue
			}
			m[col] = row[i]
		}
		out = append(out, m)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+t.File+`.json"`)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"dataset": t.Title, "columns": openDataColumns,
		"small_cell_threshold": analysis.SmallCell, "data": out})
}

// orBlank is a suppressed figure as an empty cell.
func orBlank(v *int64) any {
	if v == nil {
		return ""
	}
	return *v
}
