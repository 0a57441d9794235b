package audit_test

import (
	"context"
	"testing"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

func TestAuditLogIsAppendOnly(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	log := audit.New(db)
	if err := log.Record(ctx, domain.OperatorActor("3672", "test"), "export", "worker", "", "Ekspor peserta"); err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{`UPDATE audit_log SET summary = 'x'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`} {
		if _, err := db.Pool().Exec(ctx, sql); err == nil {
			t.Errorf("%s succeeded; the audit log must be append-only", sql)
		}
	}
	var n int
	if err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE action = 'export'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("audit rows = %d, %v", n, err)
	}
}
