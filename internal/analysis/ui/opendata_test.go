package ui_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// TestOpenDataIsAnonymised reads Cilegon's open data for July 2024: no
// NIK or name of the demo's workers, every published cell at least 5
// workers, the small ones blank, and the cells with the blank ones adding
// up to the dashboard's active workers.
func TestOpenDataIsAnonymised(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RolePimpinan)
	resp, body := a.Get(c, "/analysis/open-data.json?period=2024-07")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("json: %d %s", resp.StatusCode, body)
	}
	var got struct {
		Data []map[string]any `json:"data"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	var published, blank int64
	for _, row := range got.Data {
		if row["kode_pemda"] != "36.72" || row["bulan"] != "2024-07" || row["nama_provinsi"] != "Banten" {
			t.Fatalf("row %v", row)
		}
		switch v := row["jumlah_peserta_aktif"].(type) {
		case nil:
			blank++
			if row["jumlah_klaim_dibayar"] != nil {
				t.Errorf("a small cell shows its claims: %v", row)
			}
		case float64:
			if v > 0 && v < 5 {
				t.Errorf("a cell of %v workers is published: %v", v, row)
			}
			published += int64(v)
		}
		if n, ok := row["jumlah_klaim_dibayar"].(float64); ok && n > 0 && n < 5 {
			t.Errorf("%v claims published: %v", n, row)
		}
	}
	if blank == 0 || published == 0 {
		t.Errorf("published %d workers, %d blank cells: the demo has both", published, blank)
	}
	var active int64
	if err := a.DB.Pool().QueryRow(t.Context(), `SELECT sum(d_end) FROM agg_roster WHERE pemda = '3672' AND month <= '2024-07-01'`).Scan(&active); err != nil {
		t.Fatal(err)
	}
	if published > active || published < active-4*blank {
		t.Errorf("published %d of %d active workers with %d blank cells", published, active, blank)
	}
	rows, _ := a.DB.Pool().Query(t.Context(), `SELECT nik, name FROM worker WHERE pemda = '3672' ORDER BY id LIMIT 50`)
	for rows.Next() {
		var nik, name string
		_ = rows.Scan(&nik, &name)
		if strings.Contains(body, nik) || strings.Contains(body, `"`+name+`"`) {
			t.Errorf("open data names a worker: %s %s", nik, name)
		}
	}
	rows.Close()
	resp, body = a.Get(c, "/analysis/open-data.csv?period=2024-07")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(strings.TrimPrefix(body, "\ufeff"), "kode_provinsi,nama_provinsi,kode_pemda") {
		t.Errorf("csv: %d %.200s", resp.StatusCode, body)
	}
}
