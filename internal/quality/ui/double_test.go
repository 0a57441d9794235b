package ui_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/registry"
)

// TestDoubleFundingAcrossPemda enrols a worker of Cilegon's demo in Serang
// too, for May and June 2024: a province-wide user finds that one NIK with
// both Pemda and the two months, in the API, the page and the export;
// Serang's own user, whose scope is Serang alone, finds nothing.
func TestDoubleFundingAcrossPemda(t *testing.T) {
	a := apptest.NewDemo(t)
	ctx := context.Background()
	for _, code := range []string{"3604", "36"} {
		if _, err := a.Settings().AddPemda(ctx, domain.OperatorActor(code, "test"), code); err != nil {
			t.Fatal(err)
		}
	}
	var nik, name string
	if err := a.DB.Pool().QueryRow(ctx, `
		SELECT w.nik, w.name FROM worker w JOIN enrollment e ON e.pemda = w.pemda AND e.worker_id = w.id
		WHERE w.pemda = '3672' AND e.start_date <= '2024-01-01' AND e.end_date IS NULL ORDER BY w.id LIMIT 1`).Scan(&nik, &name); err != nil {
		t.Fatal(err)
	}
	var kelurahan string
	if err := a.DB.Pool().QueryRow(ctx, `SELECT min(code) FROM kelurahan WHERE pemda = '3604'`).Scan(&kelurahan); err != nil {
		t.Fatal(err)
	}
	end := domain.Date(2024, time.June, 20)
	if _, err := a.Registry().CreateWorker(ctx, domain.OperatorActor("3604", "test"), registry.Worker{
		NIK: domain.NIK(nik), Name: "Pindahan Serang", CategoryCode: "kader", KelurahanCode: kelurahan, Income: 1_000_000,
		Enrollments: []registry.Enrollment{{Start: domain.Date(2024, time.May, 2), End: &end, Status: domain.StatusInactive}},
	}); err != nil {
		t.Fatal(err)
	}
	kanwil, err := a.Accounts().CreateUserWithHash(ctx, domain.OperatorActor("36", "test"), domain.User{Pemda: "36",
		Username: "kanwil", Role: domain.RoleBPJS, Active: true, ScopeCodes: []string{"36"}}, apptest.PasswordHash)
	if err != nil {
		t.Fatal(err)
	}
	token, _ := a.Accounts().CreateToken(ctx, domain.OperatorActor("36", "test"), kanwil, "test")
	var got struct {
		Items []struct {
			NIK   string `json:"nik"`
			Pemda []struct {
				Code string `json:"code"`
				Name string `json:"name"`
			} `json:"pemda"`
			Months []string `json:"months"`
		} `json:"items"`
	}
	if st := a.APIJSON(token, "/api/v1/quality/double-funding?period=2024", &got); st != http.StatusOK {
		t.Fatalf("status %d", st)
	}
	if len(got.Items) != 1 {
		t.Fatalf("found %+v, want one NIK", got.Items)
	}
	it := got.Items[0]
	if it.NIK != nik || len(it.Pemda) != 2 || it.Pemda[0].Code != "36.04" || it.Pemda[1].Name != "Kota Cilegon" ||
		strings.Join(it.Months, ",") != "2024-05,2024-06" {
		t.Errorf("finding %+v, want %s in Serang and Cilegon in May and June 2024", it, nik)
	}
	if a.APIJSON(token, "/api/v1/quality/double-funding?period=2024-07", &got); len(got.Items) != 0 {
		t.Errorf("July 2024, after Serang's spell: %+v", got.Items)
	}

	c := a.LoginAs("kanwil", apptest.Password)
	resp, body := a.Get(c, "/quality/double-funding?period=2024")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("page: %d", resp.StatusCode)
	}
	apptest.MustContain(t, apptest.Plain(body), "1 NIK dibiayai lebih dari satu Pemda", nik, "Pindahan Serang", name, "Mei 2024, Jun 2024",
		`href="/workers?pemda=3604&amp;q=`+nik+`"`)
	resp, body = a.Get(c, "/quality/double-funding.csv?period=2024")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, nik+",") || !strings.Contains(body, "36.04; 36.72") {
		t.Errorf("export: %d %s", resp.StatusCode, body)
	}

	serang := a.User(domain.RoleAdmin, "3604")
	serangToken, _ := a.Accounts().CreateToken(ctx, domain.OperatorActor("3604", "test"), serang, "test")
	if a.APIJSON(serangToken, "/api/v1/quality/double-funding?period=2024", &got); len(got.Items) != 0 {
		t.Errorf("Serang's admin, whose scope is Serang alone, sees %+v", got.Items)
	}
}
