package records_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/alexedwards/scs/v2/memstore"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/internal/registry"
)

// TestExportFailureAbortsTheDownload: when the rows stop coming half-way
// (the database fails), the client gets a broken transfer, not a file that
// ends cleanly, and the failure is in the audit log.
func TestExportFailureAbortsTheDownload(t *testing.T) {
	db := pgdev.New(t)
	log := audit.New(db)
	site := httpx.New(httpx.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)), memstore.New(), nil,
		func(context.Context, string) (string, error) { return "Kota Cilegon", nil })
	user := domain.User{ID: 1, Pemda: "3672", Username: "rina", Role: domain.RoleDisnaker, Active: true}
	site.Handle(http.MethodGet, "/workers/export.{format}", httpx.Public, func(w http.ResponseWriter, r *http.Request) {
		r = r.WithContext(httpx.WithUser(r.Context(), user))
		records.Export(site, log, w, r, registry.Workers, domain.Reference{}, func(ex *sheet.Exporter[registry.WorkerRow]) error {
			for i := range 2000 {
				if err := ex.Write(&registry.WorkerRow{Worker: registry.Worker{Name: "Pekerja " + strings.Repeat("x", i%7)}}); err != nil {
					return err
				}
			}
			return errors.New("postgres: export workers: connection reset by peer")
		})
	})
	ts := httptest.NewServer(site.Handler())
	defer ts.Close()
	for _, format := range []string{"csv", "xlsx"} {
		resp, err := http.Get(ts.URL + "/workers/export." + format)
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if err == nil {
			t.Errorf("%s: a failed export ended like a complete file", format)
		}
	}
	var failed int
	_ = db.Pool().QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE action = 'export_failed' AND entity = 'workers'`).Scan(&failed)
	if failed != 2 {
		t.Errorf("%d failed exports in the audit log, want 2", failed)
	}
}
