package app_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/quality"
	"github.com/cilegon/monev/internal/registry"
)

// axePage is one address the sweep opens for a route: a page in one of its
// states. Roles narrows who opens it (nil: every role the route allows);
// Status is the answer the page must give (0: 200).
type axePage struct {
	Path   string
	Roles  []domain.Role
	Status int
}

// rendersPage reports whether a GET route answers with an HTML page rather
// than a file, an export, a PDF or JSON.
func rendersPage(pattern string) bool {
	switch {
	case pattern == "/static/*", pattern == "/healthz", pattern == "/readyz", pattern == "/imports/templates/{file}":
		return false
	case strings.HasPrefix(pattern, "/analysis/reconciliation"): // old addresses, redirected to /billing
		return false
	case strings.Contains(pattern, ".{format}"), strings.HasSuffix(pattern, ".pdf"), strings.HasSuffix(pattern, "/evidence/{note}"):
		return false
	}
	return true
}

// axePages are the addresses the sweep opens for the routes with
// parameters, and for routes whose other states are worth a look, filled
// with records of the Cilegon demo and a few the test adds: a report in
// review and an approved one, and import batches checked, rejected and
// imported.
func axePages(t *testing.T, a *apptest.App) map[string][]axePage {
	t.Helper()
	id := func(query string, args ...any) string {
		t.Helper()
		var n int64
		if err := a.DB.Pool().QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return apptest.Itoa(n)
	}
	// A worker with a claim, and one with several spells, show every part of a worker's page.
	worker := id(`SELECT min(worker_id) FROM claim`)
	spells := id(`SELECT worker_id FROM enrollment GROUP BY worker_id ORDER BY count(*) DESC, worker_id LIMIT 1`)
	spell := id(`SELECT min(id) FROM enrollment WHERE status = 'aktif'`)
	final := id(`SELECT id FROM report WHERE status = 'final' ORDER BY id LIMIT 1`)
	draft := id(`SELECT id FROM report WHERE status = 'draft' ORDER BY id LIMIT 1`)
	inReview, approved := axeReports(t, a)
	checked, rejected, imported := axeBatches(t, a)
	offering, replaced, replacing := axeRefill(t, a)
	staff := []domain.Role{domain.RoleAdmin, domain.RoleDisnaker, domain.RoleBPJS} // pimpinan reads final reports only
	pages := map[string][]axePage{
		"/":                                     {{Path: "/"}, {Path: "/?from=2024-01&to=2024-07&basis=cash"}},
		"/analysis/balance":                     {{Path: "/analysis/balance?period=2024&by=month"}},
		"/billing":                              {{Path: "/billing?from=2024-01&to=2024-12&as_of=2024-12-31"}},
		"/billing/{month}":                      {{Path: "/billing/2024-03"}, {Path: "/billing/2024-10?as_of=2024-12-31"}},
		"/billing/{month}/reconciliation":       {{Path: "/billing/2024-03/reconciliation"}, {Path: "/billing/2024-06/reconciliation?kind=amount_mismatch"}},
		"/billing/{month}/reconciliation/print": {{Path: "/billing/2024-03/reconciliation/print"}},
		"/workers":                              {{Path: "/workers"}, {Path: "/workers?q=zzzz-nobody"}},
		"/workers/{id}": {{Path: "/workers/" + worker}, {Path: "/workers/" + spells},
			{Path: "/workers/999999", Status: http.StatusNotFound},
			// a freed quota with candidates offered, and both sides of a replacement
			{Path: "/workers/" + offering}, {Path: "/workers/" + replaced}, {Path: "/workers/" + replacing}},
		"/workers/{id}/edit":            {{Path: "/workers/" + worker + "/edit"}},
		"/workers/{id}/enrollments/new": {{Path: "/workers/" + worker + "/enrollments/new"}},
		"/enrollments/{id}/edit":        {{Path: "/enrollments/" + spell + "/edit"}},
		"/enrollments/{id}/end":         {{Path: "/enrollments/" + spell + "/end"}},
		"/contributions/{id}":           {{Path: "/contributions/" + id(`SELECT min(id) FROM contribution`)}},
		"/contributions/{id}/edit":      {{Path: "/contributions/" + id(`SELECT min(id) FROM contribution`) + "/edit"}},
		"/claims/{id}":                  {{Path: "/claims/" + id(`SELECT min(id) FROM claim`)}},
		"/claims/{id}/edit":             {{Path: "/claims/" + id(`SELECT min(id) FROM claim`) + "/edit"}},
		"/imports/{id}": {{Path: "/imports/" + checked}, {Path: "/imports/" + rejected},
			{Path: "/imports/" + imported}},
		// The checks share a page; these two show its findings and its table of standard benefits.
		"/quality/{check}":   {{Path: "/quality/" + string(quality.CheckInvalidNIK)}, {Path: "/quality/" + string(quality.CheckBenefitAmount)}},
		"/reports/{id}":      {{Path: "/reports/" + final}, {Path: "/reports/" + draft, Roles: staff}, {Path: "/reports/" + inReview, Roles: staff}},
		"/reports/{id}/edit": {{Path: "/reports/" + draft}},
		"/reports/{id}/sign": {{Path: "/reports/" + approved}},
		"/reports/{id}/print": {{Path: "/reports/" + final + "/print"},
			{Path: "/reports/" + draft + "/print", Roles: staff}},
		"/reports/{id}/summary": {{Path: "/reports/" + final + "/summary"}},
		"/admin/users/{id}":     {{Path: "/admin/users/" + id(`SELECT id FROM app_user WHERE username = 'disnaker'`)}},
		// The categories page with a category in its form.
		"/settings/categories": {{Path: "/settings/categories"}, {Path: "/settings/categories?edit=kader&year=2024"}},
		// An item of the signed July report with notes and evidence of its history (pimpinan reads it), and one not started.
		"/followups/{id}": {{Path: "/followups/" + id(`SELECT min(followup_id) FROM followup_note`)},
			{Path: "/followups/" + id(`SELECT id FROM report_action WHERE status = 'belum' ORDER BY id LIMIT 1`)}},
		"/followups":      {{Path: "/followups"}, {Path: "/followups?status=all&owner=bpjs&overdue=1"}},
		"/panduan/{role}": {{Path: "/panduan/admin"}, {Path: "/panduan/disnaker"}, {Path: "/panduan/bpjs"}, {Path: "/panduan/pimpinan"}},
	}
	return pages
}

// axeRefill puts candidates on the waiting list for the quotas of two
// demo workers whose coverage ended with their death, and refills one:
// the first's page offers candidates, the second's names who replaced them.
func axeRefill(t *testing.T, a *apptest.App) (offering, replaced, replacing string) {
	t.Helper()
	ctx := context.Background()
	rows, err := a.DB.Pool().Query(ctx, `SELECT DISTINCT ON (worker_id) worker_id, id, category_code, kelurahan_code, end_date FROM enrollment
		WHERE status = 'meninggal' ORDER BY worker_id, start_date DESC LIMIT 2`)
	if err != nil {
		t.Fatal(err)
	}
	type freed struct {
		worker, spell int64
		cat, kel      string
		end           time.Time
	}
	var fs []freed
	for rows.Next() {
		var f freed
		if err := rows.Scan(&f.worker, &f.spell, &f.cat, &f.kel, &f.end); err != nil {
			t.Fatal(err)
		}
		fs = append(fs, f)
	}
	if rows.Err() != nil || len(fs) < 2 {
		t.Fatalf("the demo has %d workers who died (%v); the sweep needs two", len(fs), rows.Err())
	}
	actor := domain.ActorFor(a.User(domain.RoleDisnaker), "", "")
	svc := a.Registry()
	for i, f := range fs {
		for j, name := range []string{"Calon Pertama", "Calon Kedua"} {
			nik := domain.NIK(fmt.Sprintf("36720105058599%d%d", i, j))
			if _, err := svc.AddCandidate(ctx, actor, registry.Candidate{NIK: nik, Name: name, CategoryCode: f.cat, KelurahanCode: f.kel,
				Priority: j + 1, Source: "DTSEN desil 1", ProposedOn: f.end}); err != nil {
				t.Fatal(err)
			}
		}
	}
	cs, err := svc.Candidates(ctx, "3672", fs[1].cat, fs[1].kel)
	if err != nil || len(cs) == 0 {
		t.Fatalf("candidates: %v", err)
	}
	nw, err := svc.Refill(ctx, actor, fs[1].spell, cs[0].ID, fs[1].end.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	return apptest.Itoa(fs[0].worker), apptest.Itoa(fs[1].worker), apptest.Itoa(nw.ID)
}

// axeReports adds two copies of the demo's final report as drafts: one in BPJS's
// review, with a comment, and one approved and waiting for its signature.
func axeReports(t *testing.T, a *apptest.App) (inReview, approved string) {
	t.Helper()
	ctx := context.Background()
	svc := a.Reports()
	list, err := svc.Reports(ctx, "3672", laporan.Final)
	if err != nil || len(list) == 0 {
		t.Fatalf("the demo's final report: %v", err)
	}
	final, err := svc.Report(ctx, "3672", list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	by := func(r domain.Role) laporan.Change {
		u := a.User(r)
		return laporan.Change{Actor: domain.ActorFor(u, "", ""), Role: r}
	}
	ids := make([]int64, 2)
	for i := range ids {
		if ids[i], err = svc.Create(ctx, by(domain.RoleDisnaker), final.Content); err != nil {
			t.Fatal(err)
		}
		steps := []struct {
			role domain.Role
			step laporan.Step
		}{{domain.RoleDisnaker, laporan.StepSubmit}, {domain.RoleBPJS, laporan.StepReview}, {domain.RoleBPJS, laporan.StepApprove}}
		for _, st := range steps[:2+i] {
			if _, err := svc.Step(ctx, by(st.role), ids[i], st.step); err != nil {
				t.Fatalf("%s: %v", st.step, err)
			}
		}
	}
	if _, err := svc.AddComment(ctx, by(domain.RoleBPJS), laporan.Comment{ReportID: ids[0], Section: "findings",
		Author: "Pengguna bpjs", Body: "Mohon sebutkan sumber angka klaim."}); err != nil {
		t.Fatal(err)
	}
	return apptest.Itoa(ids[0]), apptest.Itoa(ids[1])
}

// axeBatches uploads three workers files: one checked and waiting for its
// confirmation, one rejected with problems, and one imported.
func axeBatches(t *testing.T, a *apptest.App) (checked, rejected, imported string) {
	t.Helper()
	c := a.Login(domain.RoleDisnaker)
	const header = "nik,nama,kategori,kelurahan,tanggal_mulai\n"
	upload := func(name, content, want string) string {
		t.Helper()
		loc := a.Upload(c, "workers", name, content).Header.Get("Location")
		apptest.MustContain(t, a.WaitImport(c, loc), want)
		return loc
	}
	checked = upload("peserta-juli.csv", header+"3672014101900091,Siti Rahmah,Kader,Kepuh,01/07/2024\n", "Konfirmasi impor")
	rejected = upload("peserta-salah.csv", header+"12345,Siti,Kader,Kepuh,01/01/2024\n3672010505850092,Budi,penyanyi,Kepuh,31/02/2024\n",
		"Masalah dalam berkas")
	imported = upload("peserta-agustus.csv", header+"3672010505850093,Budi Hartono,nelayan,Lebak Gede,2024-08-01\n", "Konfirmasi impor")
	if resp, _ := a.Do(c, http.MethodPost, imported+"/confirm", nil, nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d", resp.StatusCode)
	}
	apptest.MustContain(t, a.WaitImport(c, imported), "Berhasil diimpor")
	id := func(loc string) string { return strings.TrimPrefix(loc, "/imports/") }
	return id(checked), id(rejected), id(imported)
}
