package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
)

// finalReportWithThread takes a report through review, with one open
// review thread, to its signature, and returns its id and the thread's.
func finalReportWithThread(t *testing.T, a *apptest.App) (int64, int64) {
	t.Helper()
	disnaker, bpjs, signer := a.Login(domain.RoleDisnaker), a.Login(domain.RoleBPJS), kadis(a)
	id := createReport(a, disnaker, reportForm())
	path := reportPath(id)
	post := func(c *http.Client, p string, v url.Values) {
		t.Helper()
		if resp, _ := a.Do(c, http.MethodPost, path+p, apptest.Form(v), nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d", p, resp.StatusCode)
		}
	}
	post(disnaker, "/submit", nil)
	post(bpjs, "/review", nil)
	post(bpjs, "/comments", url.Values{"section": {"findings"}, "body": {"Angka klaim Juli belum termasuk."}})
	post(bpjs, "/approve", nil)
	post(signer, "/sign", url.Values{"place": {"Cilegon"}, "date": {"2024-07-31"}, "confirm": {"1"}})
	comments, err := a.Reports().Comments(context.Background(), "3672", id)
	if err != nil || len(comments) != 1 {
		t.Fatalf("comments %v %v", comments, err)
	}
	return id, comments[0].ID
}

// TestFinalReportTakesNoReviewActions: a thread of a signed report cannot be
// resolved (nor replied to); the review is over.
func TestFinalReportTakesNoReviewActions(t *testing.T) {
	a := apptest.New(t)
	id, thread := finalReportWithThread(t, a)
	bpjs := a.Login(domain.RoleBPJS)
	resp, _ := a.Do(bpjs, http.MethodPost, reportPath(id)+"/comments/"+apptest.Itoa(thread)+"/resolve", nil, nil)
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("resolve a thread of a final report: %d, want 409", resp.StatusCode)
	}
	comments, _ := a.Reports().Comments(context.Background(), "3672", id)
	if comments[0].Resolved {
		t.Error("the thread of a final report was resolved")
	}
	if r, _ := a.Reports().Report(context.Background(), "3672", id); r.Status != laporan.Final {
		t.Errorf("status %s", r.Status)
	}
}

// TestOnlySignatoriesSign: an account with position, rank and NIP signs only
// once an administrator (another one, for an administrator) marked it as a
// signatory; a NIP belongs to one account; a later change to the signer's
// account is audited and leaves the signed report as it was.
func TestOnlySignatoriesSign(t *testing.T) {
	a := apptest.New(t)
	ctx := context.Background()
	disnaker, bpjs, admin := a.Login(domain.RoleDisnaker), a.Login(domain.RoleBPJS), a.Login(domain.RoleAdmin)
	u := a.User(domain.RoleDisnaker)
	profile := url.Values{"full_name": {"Drs. H. Ahmad Suhendi, M.Si."}, "role": {"disnaker"}, "active": {"on"},
		"position": {"Kepala Dinas Tenaga Kerja Kota Cilegon"}, "rank": {"Pembina Utama Muda (IV/c)"}, "nip": {"196805121994031007"}}
	if resp, _ := a.Post(admin, "/admin/users/"+apptest.Itoa(u.ID), profile); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("profile: %d", resp.StatusCode)
	}
	id := createReport(a, disnaker, reportForm())
	path := reportPath(id)
	for _, s := range []struct {
		c    *http.Client
		step string
	}{{disnaker, "submit"}, {bpjs, "review"}, {bpjs, "approve"}} {
		if resp, _ := a.Post(s.c, path+"/"+s.step, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d", s.step, resp.StatusCode)
		}
	}
	sign := url.Values{"place": {"Cilegon"}, "date": {"2024-07-31"}, "confirm": {"1"}}
	if resp, body := a.Post(disnaker, path+"/sign", sign); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a non-signatory signs: %d", resp.StatusCode)
	} else {
		apptest.MustContain(t, body, "belum ditetapkan administrator sebagai penanda tangan")
	}

	// An administrator cannot make themselves a signatory.
	me := a.User(domain.RoleAdmin)
	self := url.Values{"full_name": {"Admin"}, "role": {"admin"}, "active": {"on"}, "nip": {"197001011990031001"},
		"position": {"Sekretaris"}, "rank": {"IV/a"}, "signatory": {"on"}}
	if resp, _ := a.Post(admin, "/admin/users/"+apptest.Itoa(me.ID), self); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("an admin marks themselves as signatory: %d", resp.StatusCode)
	}
	// A NIP belongs to one account.
	other := a.User(domain.RoleBPJS)
	dup := url.Values{"full_name": {"Orang Lain"}, "role": {"bpjs"}, "active": {"on"}, "nip": {"196805121994031007"}}
	if resp, body := a.Post(admin, "/admin/users/"+apptest.Itoa(other.ID), dup); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a second account with the same NIP: %d", resp.StatusCode)
	} else {
		apptest.MustContain(t, body, "NIP ini sudah tercatat pada akun lain")
	}

	profile.Set("signatory", "on")
	if resp, _ := a.Post(admin, "/admin/users/"+apptest.Itoa(u.ID), profile); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("mark as signatory: %d", resp.StatusCode)
	}
	if resp, _ := a.Post(disnaker, path+"/sign", sign); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("a signatory signs: %d", resp.StatusCode)
	}
	signed, _ := a.Reports().Report(ctx, "3672", id)

	profile.Set("full_name", "Nama Palsu")
	profile.Set("nip", "199001012015031001")
	if resp, _ := a.Post(admin, "/admin/users/"+apptest.Itoa(u.ID), profile); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("change the signer: %d", resp.StatusCode)
	}
	var audited int
	_ = a.DB.Pool().QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE entity = 'user' AND entity_id = $1
		AND old_values->>'NIP' = '196805121994031007' AND new_values->>'NIP' = '199001012015031001'`, apptest.Itoa(u.ID)).Scan(&audited)
	if audited != 1 {
		t.Errorf("the signer's NIP change is not in the audit log")
	}
	after, _ := a.Reports().Report(ctx, "3672", id)
	if after.Signature != signed.Signature || after.Checksum != signed.Checksum {
		t.Errorf("the signed report changed with its signer's account: %+v → %+v", signed.Signature, after.Signature)
	}
	_, body := a.Get(a.Login(domain.RolePimpinan), path+"/print")
	apptest.MustContain(t, body, "Drs. H. Ahmad Suhendi, M.Si.", "NIP 19680512 199403 1 007")
}

// TestPrintViewSendsStrictCSP: the browser's print view of a report allows
// its own print button's script and nothing else: no connections, forms or
// frames.
func TestPrintViewSendsStrictCSP(t *testing.T) {
	a := apptest.New(t)
	disnaker := a.Login(domain.RoleDisnaker)
	id := createReport(a, disnaker, reportForm())
	for _, p := range []string{"/print", "/summary"} {
		resp, _ := a.Get(disnaker, reportPath(id)+p)
		csp := resp.Header.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'self'", "connect-src 'none'", "form-action 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", p, csp, want)
			}
		}
	}
}
