package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/registry"
)

// someWorker is a demo worker with claims: ID, NIK and name.
func someWorker(t *testing.T, a *apptest.App) (int64, string, string) {
	t.Helper()
	var id int64
	var nik, name string
	err := a.DB.Pool().QueryRow(context.Background(), `
		SELECT w.id, w.nik, w.name FROM worker w WHERE EXISTS (SELECT 1 FROM claim k WHERE k.worker_id = w.id)
		ORDER BY w.id LIMIT 1`).Scan(&id, &nik, &name)
	if err != nil {
		t.Fatal(err)
	}
	return id, nik, name
}

// nikPattern finds a full NIK anywhere in a page or file.
var nikPattern = regexp.MustCompile(`\b\d{16}\b`)

func TestRegistryListsShowTheMeetingsFigures(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RoleBPJS)

	var workers int
	_ = a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FROM worker`).Scan(&workers)
	resp, body := a.Get(c, "/workers")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/workers: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, "<strong>"+domain.FormatInt(int64(workers))+"</strong> peserta cocok", "Menampilkan 1–50 dari",
		`aria-sort="ascending"`, `href="/workers/export.csv"`)
	if strings.Contains(body, "Tambah peserta") {
		t.Error("BPJS officers read; the list offers them to add a worker")
	}

	// The cash-basis figures of January–July 2024, by SP2D and payment date.
	_, body = a.Get(c, "/contributions?paid_from=2024-01-01&paid_to=2024-07-31")
	apptest.MustContain(t, body, "<strong>7</strong> pembayaran cocok", "Rp 480.457.660", "Dibayar dari: 1 Januari 2024")
	_, body = a.Get(c, "/claims?status=dibayar&paid_from=2024-01-01&paid_to=2024-07-31")
	apptest.MustContain(t, body, "Rp 790.000.000", "Status: Dibayar")

	resp, body = a.Get(c, "/workers?category=nelayan&status=aktif&sort=kelurahan&dir=desc")
	apptest.MustContain(t, body, "Kategori: Nelayan", "Status terakhir: Aktif", `aria-sort="descending"`,
		`href="/workers/export.xlsx?category=nelayan&amp;dir=desc&amp;sort=kelurahan&amp;status=aktif"`)
	if resp.StatusCode != http.StatusOK || strings.Contains(body, "<td>Linmas</td>") || strings.Contains(body, ">Nonaktif</span>") ||
		!strings.Contains(body, "<td>Nelayan</td>") {
		t.Errorf("filtered list: %d, or other categories or statuses listed", resp.StatusCode)
	}
	resp, body = a.Get(c, "/workers?status=pensiun&active_on=31-02-2024")
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad filters: %d, want 400", resp.StatusCode)
	}
	apptest.MustContain(t, body, "Filter berikut tidak dipakai", "status terakhir tidak dikenal: pensiun", "Februari 2024 hanya punya 29 hari")

	id, nik, name := someWorker(t, a)
	resp, body = a.Get(c, "/workers/"+apptest.Itoa(id))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("worker page: %d", resp.StatusCode)
	}
	apptest.MustContain(t, body, name, nik, "Kepesertaan", "Klaim", "Riwayat perubahan")
	if strings.Contains(body, "Ubah data") {
		t.Error("BPJS officers read; the worker page offers them a change")
	}
	for _, path := range []string{"/workers/abc", "/workers/999999", "/claims/999999", "/contributions/0", "/workers/export.pdf"} {
		if resp, _ := a.Get(c, path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, resp.StatusCode)
		}
	}
}

// TestPimpinanReadsAggregatesOnly: pimpinan opens no record of a person
// (UU 27/2022: data minimisation). Lists, pages, searches, exports and the
// NIK look-up of workers and claims answer 403, so nothing shown beside a
// masked NIK (birth date, sex, kecamatan, address, phone, KPJ) can rebuild
// it and no guessed NIK can be confirmed; the dashboard and analysis pages
// show the figures without links to the persons behind them.
func TestPimpinanReadsAggregatesOnly(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RolePimpinan)
	id, nik, name := someWorker(t, a)
	for _, path := range []string{"/workers", "/workers/" + apptest.Itoa(id), "/workers?q=" + nik, "/workers?q=" + url.QueryEscape(name),
		"/workers?sort=nik", "/workers/export.csv", "/claims", "/claims/1", "/claims/export.xlsx"} {
		if resp, body := a.Get(c, path); resp.StatusCode != http.StatusForbidden || nikPattern.MatchString(body) {
			t.Errorf("%s as pimpinan: %d, want 403", path, resp.StatusCode)
		}
	}
	tok := a.Token(domain.RolePimpinan)
	for _, guess := range []string{nik, "3672010101900001"} {
		if resp, body := a.API(tok, "/api/v1/workers/"+guess); resp.StatusCode != http.StatusForbidden || strings.Contains(body, name) {
			t.Errorf("NIK look-up by pimpinan: %d %s", resp.StatusCode, body)
		}
	}
	if resp, _ := a.API(tok, "/api/v1/billing/reconciliation?month=2024-07"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("the per-worker billing reconciliation for pimpinan: %d, want 403", resp.StatusCode)
	}
	for _, path := range []string{"/?period=2024", "/analysis/balance?period=2024", "/analysis/coverage?period=2024",
		"/billing", "/billing/2024-07"} {
		resp, body := a.Get(c, path)
		if resp.StatusCode != http.StatusOK || strings.Contains(body, `href="/workers`) || strings.Contains(body, `href="/claims`) ||
			nikPattern.MatchString(body) {
			t.Errorf("%s as pimpinan: %d, or links to persons or a NIK", path, resp.StatusCode)
		}
	}
	// Staff still drill down from a figure to the persons behind it.
	_, body := a.Get(a.Login(domain.RoleBPJS), "/?period=2024")
	apptest.MustContain(t, body, `href="/workers?`, `href="/claims?`)
}

// TestReadsOfPersonsAreAudited: opening a worker's page, looking a NIK up in
// the API and opening a claim are written to the audit log (who looked at
// which worker), and stay out of the worker's history of changes.
func TestReadsOfPersonsAreAudited(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RoleBPJS)
	id, nik, name := someWorker(t, a)
	a.Get(c, "/workers/"+apptest.Itoa(id))
	a.API(a.Token(domain.RoleBPJS), "/api/v1/workers/"+nik)
	var claim int64
	_ = a.DB.Pool().QueryRow(context.Background(), `SELECT id FROM claim WHERE worker_id = $1 LIMIT 1`, id).Scan(&claim)
	a.Get(c, "/claims/"+apptest.Itoa(claim))
	var worker, claims int
	_ = a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FILTER (WHERE entity = 'worker' AND entity_id = $1),
		count(*) FILTER (WHERE entity = 'claim' AND entity_id = $2) FROM audit_log WHERE action = 'read' AND username = 'u-bpjs-3672'`,
		apptest.Itoa(id), apptest.Itoa(claim)).Scan(&worker, &claims)
	if worker != 2 || claims != 1 {
		t.Errorf("audited reads: %d of the worker (want 2: page and API), %d of the claim (want 1)", worker, claims)
	}
	_, body := a.Get(c, "/workers/"+apptest.Itoa(id))
	if strings.Contains(body, "Data peserta "+name+" dibuka") {
		t.Error("reads are listed in the worker's history of changes")
	}
}

func TestWorkersExportImportsAgain(t *testing.T) {
	a := apptest.NewDemo(t)
	c := a.Login(domain.RoleDisnaker)
	for _, format := range []string{"csv", "xlsx"} {
		// One row per spell, with the list's filters.
		_, body := a.Get(c, "/workers/export."+format+"?category=nelayan&kecamatan=36.72.03")
		d := apptest.Decode(t, a, registry.Workers, body)
		rows := 0
		for d.Next() {
			wr := d.Record()
			stored, err := a.Registry().WorkerByNIK(context.Background(), "3672", wr.Worker.NIK)
			if err != nil {
				t.Fatalf("%s: exported NIK %s: %v", format, wr.Worker.NIK, err)
			}
			got := wr.Worker
			if got.Name != stored.Name || got.CategoryCode != "nelayan" || got.KelurahanCode != stored.KelurahanCode ||
				got.KPJ != stored.KPJ || got.Income != stored.Income || got.Phone != stored.Phone || !hasSpell(stored, wr.Spell) {
				t.Errorf("%s: row %d differs from the stored worker: %+v vs %+v", format, d.Line(), got, stored)
			}
			rows++
		}
		var spells int
		_ = a.DB.Pool().QueryRow(context.Background(), `SELECT count(*) FROM enrollment e JOIN worker w ON w.id = e.worker_id
			JOIN kelurahan k ON k.code = w.kelurahan_code WHERE w.category_code = 'nelayan' AND k.kecamatan_code = '36.72.03'`).Scan(&spells)
		if d.ErrorCount() != 0 || d.Err() != nil || rows != spells || rows == 0 {
			t.Errorf("workers %s: %d rows, %d spells, problems %v %v", format, rows, spells, d.Errors(), d.Err())
		}
	}
	if n := a.ExportCount(a.User(domain.RoleDisnaker).Username); n != 2 {
		t.Errorf("%d exports in the audit log, want 2", n)
	}
}

// hasSpell reports whether w has a spell with e's dates and status.
func hasSpell(w registry.Worker, e registry.Enrollment) bool {
	for _, s := range w.Enrollments {
		if s.Start.Equal(e.Start) && s.Status == e.Status && (s.End == nil) == (e.End == nil) && (s.End == nil || s.End.Equal(*e.End)) {
			return true
		}
	}
	return false
}
