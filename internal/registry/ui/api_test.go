package ui_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

func TestAPIWorker(t *testing.T) {
	a := apptest.NewDemo(t)
	_, nik, name := someWorker(t, a)
	resp, body := a.API(a.Token(domain.RoleBPJS), "/api/v1/workers/"+nik)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var w struct {
		NIK, Name, Category string
		KelurahanCode       string `json:"kelurahan_code"`
		KecamatanCode       string `json:"kecamatan_code"`
		Enrollments         []struct {
			Start, Status string
			End           *string
		}
		Claims []struct {
			Type   string
			Amount int64
		}
	}
	if err := json.Unmarshal([]byte(body), &w); err != nil {
		t.Fatal(err)
	}
	if w.NIK != nik || w.Name != name || w.Category == "" || len(w.KelurahanCode) != 13 || w.KelurahanCode[:8] != w.KecamatanCode ||
		len(w.Enrollments) == 0 || w.Enrollments[0].Start == "" || w.Enrollments[0].Status == "" || len(w.Claims) == 0 || w.Claims[0].Amount <= 0 {
		t.Errorf("worker %+v from %s", w, body)
	}
	apptest.MustContain(t, body, `"kelurahan_code":"`, `"kecamatan_code":"`, `"enrollments":[{"start":"`)

	resp, body = a.API(a.Token(domain.RoleAdmin), "/api/v1/workers/3672045707900012")
	if resp.StatusCode != http.StatusNotFound || body != "{\"error\":\"no worker with this NIK\"}\n" {
		t.Errorf("unknown NIK: %d %s", resp.StatusCode, body)
	}
	resp, body = a.API(a.Token(domain.RoleAdmin), "/api/v1/workers/12345")
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("malformed NIK: %d %s", resp.StatusCode, body)
	}
}
