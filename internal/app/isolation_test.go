package app_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// idTables names, for the first segment of a path, the table whose ids its
// {id} stands for ("{note}": the table of a route's {note}). A new route
// with an {id} under another prefix makes
// TestPemdaIsolation fail until it is added here.
var idTables = map[string]string{
	"workers": "worker", "claims": "claim", "contributions": "contribution", "enrollments": "enrollment",
	"imports": "import_batch", "users": "app_user", "tokens": "api_token", "reports": "report", "notifications": "notification",
	"followups": "report_action", "{note}": "followup_note",
}

// TestPemdaIsolation puts two Pemda in one database, Cilegon with the demo
// data and Kabupaten Serang with its own users, and calls every route as
// Serang's administrator with the ids of Cilegon's rows: nothing of
// Cilegon may show, and nothing of Cilegon may change.
func TestPemdaIsolation(t *testing.T) {
	a := apptest.NewDemo(t)
	ctx := context.Background()
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := a.DB.Pool().Exec(ctx, sql, args...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	exec(`INSERT INTO pemda (code, name, province, government, office, city)
		VALUES ('3604', 'Kabupaten Serang', 'Banten', 'Pemerintah Kabupaten Serang', 'Dinas Tenaga Kerja', 'Serang')`)
	exec(`INSERT INTO kecamatan (pemda, code, bps_code, name) VALUES ('3604', '36.04.01', '3604010', 'Cinangka')`)
	exec(`INSERT INTO kelurahan (pemda, code, kecamatan_code, bps_code, name) VALUES ('3604', '36.04.01.2001', '36.04.01', '3604010001', 'Cinangka')`)
	exec(`INSERT INTO category (pemda, code, name) VALUES ('3604', 'rt_rw', 'Ketua RT/RW')`)
	exec(`INSERT INTO contribution_rate (pemda, valid_from, jkk, jkm) VALUES ('3604', '2015-07-01', 10000, 6800)`)

	serang := a.User(domain.RoleAdmin, "3604")
	browser := a.LoginAs(serang.Username, apptest.Password)
	token, err := a.Accounts().CreateToken(ctx, domain.OperatorActor("3604", "test"), serang, "test")
	if err != nil {
		t.Fatal(err)
	}

	// Rows of every kind for Cilegon, to aim at.
	cilegonAdmin, _ := a.Accounts().UserByUsername(ctx, "admin")
	if _, err := a.Accounts().CreateToken(ctx, domain.OperatorActor("3672", "test"), cilegonAdmin, "cilegon"); err != nil {
		t.Fatal(err)
	}
	exec(`INSERT INTO import_batch (pemda, kind, file_name, file_size, checksum, username, status, dry_run)
		VALUES ('3672', 'workers', 'peserta-cilegon.csv', 10, $1, 'admin', 'checked', true)`, strings.Repeat("ab", 32))

	// What Serang must never see, and the state that must not change.
	var secrets []string
	rows, _ := a.DB.Pool().Query(ctx, `SELECT nik FROM worker WHERE pemda = '3672' ORDER BY id LIMIT 5`)
	for rows.Next() {
		var nik string
		_ = rows.Scan(&nik)
		secrets = append(secrets, nik, domain.NIK(nik).Masked())
	}
	rows.Close()
	secrets = append(secrets, "480.457.660", "480457660", "790.000.000", "KLM-2024-0001", "Rina Marlina")
	before := cilegonState(t, a)

	ids := cilegonIDs(t, a)
	cilegonNIK := secrets[0]

	for key, rule := range a.App.Policy() {
		method, pattern, _ := strings.Cut(key, " ")
		if rule.Public || pattern == "/logout" || pattern == "/account/password" {
			continue
		}
		path, ok := cilegonPath(pattern, ids, cilegonNIK)
		if !ok {
			t.Errorf("%s: no Cilegon id for its {id}; add its table to idTables", key)
			continue
		}
		if method == http.MethodGet {
			path += "?period=2024"
		}
		var resp *http.Response
		var body string
		if rule.API {
			resp, body = a.Do(a.Client(), method, path, nil, map[string]string{"Authorization": "Bearer " + token})
		} else {
			resp, body = a.Do(browser, method, path, strings.NewReader("confirm=on&name=x"), nil)
		}
		if resp.StatusCode >= 500 {
			t.Errorf("%s as Serang: %d %s", key, resp.StatusCode, body)
		}
		for _, s := range secrets {
			if strings.Contains(body, s) {
				t.Errorf("%s as Serang shows Cilegon's %q", key, s)
			}
		}
	}
	if after := cilegonState(t, a); after != before {
		t.Errorf("Serang's requests changed Cilegon's data:\nbefore %s\nafter  %s", before, after)
	}
}

// cilegonPath fills a route pattern's parameters with Cilegon's rows: ids
// from ids by the path's first segment, the NIK given.
func cilegonPath(pattern string, ids map[string]string, nik string) (string, bool) {
	path := pattern
	if strings.Contains(path, "{id}") {
		prefix := strings.Split(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(path, "/api/v1"), "/admin"), "/"), "/")[0]
		id, ok := ids[prefix]
		if !ok {
			return "", false
		}
		path = strings.ReplaceAll(path, "{id}", id)
	}
	return strings.NewReplacer("{note}", ids["{note}"], "{nik}", nik, "{kind}", "workers", "{file}", "peserta.csv", "{format}", "csv",
		"{month}", "2024-03", "{check}", "duplicate_person", "*", "app.css").Replace(path), true
}

// cilegonIDs is the first id of Cilegon's rows in each table of idTables.
func cilegonIDs(t *testing.T, a *apptest.App) map[string]string {
	t.Helper()
	ids := map[string]string{}
	for prefix, table := range idTables {
		var id int64
		err := a.DB.Pool().QueryRow(context.Background(), `SELECT min(id) FROM `+table+` WHERE pemda = '3672'`).Scan(&id)
		if err == nil {
			ids[prefix] = fmt.Sprint(id)
		}
	}
	return ids
}

// TestPemdaScopes walks every route with pemda= as three users of
// Kabupaten Serang, onboarded as an operator does it: Serang's
// administrator, whose scope is Serang alone, gets 403 for Cilegon on every
// route (the account's own pages stay at home); an administrator whose scope
// adds Cilegon reads every page of Cilegon but changes nothing there (403
// for every other method); and a province-wide BPJS user reads both.
func TestPemdaScopes(t *testing.T) {
	a := apptest.NewDemo(t)
	ctx := context.Background()
	if _, err := a.Settings().AddPemda(ctx, domain.OperatorActor("3604", "test"), "36.04"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Settings().AddPemda(ctx, domain.OperatorActor("36", "test"), "36"); err != nil {
		t.Fatal(err)
	}
	serang := a.User(domain.RoleAdmin, "3604")
	scoped, err := a.Accounts().CreateUserWithHash(ctx, domain.OperatorActor("3604", "test"), domain.User{Pemda: "3604",
		Username: "serang-plus", Role: domain.RoleAdmin, Active: true, ScopeCodes: []string{"3672"}}, apptest.PasswordHash)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(scoped.Scope, []string{"3604", "3672"}) {
		t.Fatalf("scope 3672 of a Serang user resolves to %v", scoped.Scope)
	}
	kanwil, err := a.Accounts().CreateUserWithHash(ctx, domain.OperatorActor("36", "test"), domain.User{Pemda: "36",
		Username: "kanwil", Role: domain.RoleBPJS, Active: true, ScopeCodes: []string{"36"}}, apptest.PasswordHash)
	if err != nil || !slices.Equal(kanwil.Scope, []string{"36", "3604", "3672"}) {
		t.Fatalf("the province's scope: %v %v", kanwil.Scope, err)
	}
	tokenOf := func(u domain.User) string {
		tok, err := a.Accounts().CreateToken(ctx, domain.OperatorActor(u.Pemda, "test"), u, "test")
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	users := []struct {
		u       domain.User
		browser *http.Client
		token   string
	}{
		{serang, a.LoginAs(serang.Username, apptest.Password), tokenOf(serang)},
		{scoped, a.LoginAs(scoped.Username, apptest.Password), tokenOf(scoped)},
	}
	cilegonAdmin, _ := a.Accounts().UserByUsername(ctx, "admin")
	tokenOf(cilegonAdmin)
	if _, err := a.DB.Pool().Exec(ctx, `INSERT INTO import_batch (pemda, kind, file_name, file_size, checksum, username, status, dry_run)
		VALUES ('3672', 'workers', 'peserta-cilegon.csv', 10, $1, 'admin', 'checked', true)`, strings.Repeat("ab", 32)); err != nil {
		t.Fatal(err)
	}
	before := cilegonState(t, a)
	ids := cilegonIDs(t, a)
	var nik string
	if err := a.DB.Pool().QueryRow(ctx, `SELECT nik FROM worker WHERE pemda = '3672' ORDER BY id LIMIT 1`).Scan(&nik); err != nil {
		t.Fatal(err)
	}
	for key, rule := range a.App.Policy() {
		method, pattern, _ := strings.Cut(key, " ")
		if rule.Public || rule.Home || pattern == "/pemda" {
			continue
		}
		path, ok := cilegonPath(pattern, ids, nik)
		if !ok {
			t.Errorf("%s: no Cilegon id for its {id}; add its table to idTables", key)
			continue
		}
		path += "?period=2024&pemda=36.72"
		for _, c := range users {
			var resp *http.Response
			var body string
			if rule.API {
				resp, body = a.Do(a.Client(), method, path, nil, map[string]string{"Authorization": "Bearer " + c.token})
			} else {
				resp, body = a.Do(c.browser, method, path, strings.NewReader("confirm=on&name=x"), nil)
			}
			write := method != http.MethodGet && method != http.MethodHead
			switch {
			case !rule.Allows(c.u.Role):
			case c.u.MayOpen("3672") && !write:
				if resp.StatusCode == http.StatusForbidden || resp.StatusCode >= 500 {
					t.Errorf("%s as %s, whose scope has Cilegon: %d %.200s", key, c.u.Username, resp.StatusCode, body)
				}
			case resp.StatusCode != http.StatusForbidden:
				t.Errorf("%s in Cilegon as %s: %d, want 403", key, c.u.Username, resp.StatusCode)
			}
		}
	}
	if after := cilegonState(t, a); after != before {
		t.Errorf("requests of Serang's users changed Cilegon's data:\nbefore %s\nafter  %s", before, after)
	}

	// The province's user reads both through the API, and neither changes.
	resp, body := a.Do(a.Client(), http.MethodGet, "/api/v1/balance?period=2024-01..2024-07&pemda=3672", nil,
		map[string]string{"Authorization": "Bearer " + tokenOf(kanwil)})
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `"contributions_paid":480457660`) {
		t.Errorf("the province's user reading Cilegon's balance: %d %s", resp.StatusCode, body)
	}
}

// cilegonState fingerprints Cilegon's rows in every table that has any.
func cilegonState(t *testing.T, a *apptest.App) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"worker", "enrollment", "contribution", "claim", "budget", "target", "workforce",
		"app_user", "api_token", "import_batch"} {
		var sum string
		err := a.DB.Pool().QueryRow(context.Background(),
			`SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM `+table+` t WHERE pemda = '3672'`).Scan(&sum)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s=%s ", table, sum[:min(8, len(sum))])
	}
	return b.String()
}
