package ui_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/quality"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/internal/settings"
)

// qualityShown is how many findings of each check the summary page shows.
const qualityShown = 5

func TestQualityPageShowsEveryCheckWithLinks(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RoleDisnaker)
	resp, body := a.Get(c, "/quality")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	summary, err := quality.NewService(a.DB, settings.NewService(a.DB)).Summary(context.Background(), "3672", qualityShown)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range summary {
		apptest.MustContain(t, body, `id="`+string(r.Check)+`"`, r.Check.Title(), r.Check.Definition(),
			fmt.Sprintf(`href="/quality/%s?page=1"`, r.Check))
		for _, f := range r.Findings {
			// Staff see the full NIK; every worker and claim links to its row.
			for _, w := range append([]registry.Worker{f.Worker}, f.Others...) {
				apptest.MustContain(t, body, fmt.Sprintf(`href="/workers/%d"`, w.ID), string(w.NIK))
			}
			if f.Claim != nil {
				apptest.MustContain(t, body, `href="/claims?q=`+url.QueryEscape(f.Claim.No)+`"`)
			}
		}
	}
	// The demo holds two duplicates and one claim outside coverage; the rest is clean.
	apptest.MustContain(t, body, "3 temuan</strong> pada 2 dari 6 pemeriksaan", "2 temuan", "1 temuan", "Tidak ada", "Ditolak")
	if n := strings.Count(body, "q-count-ok"); n != 4 {
		t.Errorf("%d calm counts, want 4", n)
	}
	if !strings.Contains(body, `aria-current="page">Kualitas Data`) {
		t.Error("the navigation does not mark the page")
	}
}

func TestQualityCheckPages(t *testing.T) {
	a := apptest.New(t)
	var workers []registry.Worker
	for i := 1; i <= 60; i++ {
		// Day 00 in digits 7–12: not a date.
		workers = append(workers, registry.Worker{ID: int64(i), NIK: domain.NIK(fmt.Sprintf("367204000000%04d", i)),
			Name: "Peserta " + strconv.Itoa(i), CategoryCode: "kader", KelurahanCode: "36.72.04.1005", Income: domain.DefaultIncome})
	}
	if err := demo.LoadBulk(context.Background(), a.DB, domain.OperatorActor("3672", "test"),
		demo.Bulk{Pemda: "3672", Workers: workers}); err != nil {
		t.Fatal(err)
	}
	c := a.Login(domain.RoleBPJS)

	_, body := a.Get(c, "/quality")
	apptest.MustContain(t, body, "60 temuan", `href="/quality/invalid_nik?page=1">Lihat semua 60 temuan`)
	if n := strings.Count(body, `href="/workers/`); n != qualityShown {
		t.Errorf("the page lists %d workers, want the first %d", n, qualityShown)
	}

	resp, body := a.Get(c, "/quality/invalid_nik?page=2")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("page 2: status %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "Temuan 51–60 dari 60", `href="/workers/60"`, "3672040000000060",
		"Tanggal lahir pada digit 7–12 tidak valid", `href="/quality/invalid_nik?page=1"`, "Definisi")
	if strings.Contains(body, `href="/workers/50"`) {
		t.Error("page 2 repeats a finding of page 1")
	}

	_, body = a.Get(c, "/quality/invalid_nik?page=9")
	apptest.MustContain(t, body, "Halaman ini kosong")
	_, body = a.Get(c, "/quality/benefit_amount")
	apptest.MustContain(t, body, "Tidak ada temuan", "Manfaat standar yang dibandingkan", "Rp 42.000.000", "2 Desember 2019")

	if resp, _ := a.Get(c, "/quality/no_such_check"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown check: status %d, want 404", resp.StatusCode)
	}
	if resp, _ := a.Get(a.Login(domain.RolePimpinan), "/quality"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("pimpinan: status %d, want 403", resp.StatusCode)
	}
}

func TestAPIQuality(t *testing.T) {
	a := apptest.NewDemo(t)
	resp, body := a.API(a.Token(domain.RoleBPJS), "/api/v1/quality")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var got struct {
		Items []struct {
			Check, Label, Definition string
			Count                    *int64
		}
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	want := map[quality.Check]int64{quality.CheckDuplicatePerson: 2, quality.CheckClaimOutsideCoverage: 1}
	if len(got.Items) != len(quality.Checks) {
		t.Fatalf("%d items, want %d", len(got.Items), len(quality.Checks))
	}
	for i, item := range got.Items {
		c := quality.Checks[i]
		if item.Check != string(c) || item.Label != c.Title() || item.Definition == "" || item.Count == nil || *item.Count != want[c] {
			t.Errorf("item %d: %+v, want %s with count %d", i, item, c, want[c])
		}
	}
	if !strings.Contains(body, `{"check":"invalid_nik","label":"NIK tidak valid atau tidak cocok",`) {
		t.Errorf("unexpected JSON shape: %s", body)
	}
	// The counts serve the staff who fix the data, like the page.
	if resp, _ := a.API(a.Token(domain.RolePimpinan), "/api/v1/quality"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("pimpinan: status %d, want 403", resp.StatusCode)
	}
}
