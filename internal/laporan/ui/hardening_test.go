package ui_test

import (
	"context"
	"net/http"
	"net/url"
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
