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

// TestAppRoleCannotRewriteTheAuditLog: the role the application runs as
// (pgdev.AppRole, granted by database.GrantApp) appends to the audit log but
// can neither change its rows nor switch its trigger off; the owner could.
func TestAppRoleCannotRewriteTheAuditLog(t *testing.T) {
	ctx := context.Background()
	url := pgdev.URL(t)
	owner, app := pgdev.Open(t, url), pgdev.Open(t, pgdev.AppURL(url))
	if err := audit.New(app).Record(ctx, domain.OperatorActor("3672", "test"), "test", "x", 1, "entri"); err != nil {
		t.Fatalf("the app role cannot append: %v", err)
	}
	for _, sql := range []string{
		`ALTER TABLE audit_log DISABLE TRIGGER USER`,
		`ALTER TABLE audit_log DISABLE TRIGGER ALL`,
		`SET session_replication_role = replica`,
		`UPDATE audit_log SET summary = 'x'`,
		`DELETE FROM audit_log`,
		`TRUNCATE audit_log`,
		`DROP TABLE audit_log`,
		`CREATE TABLE evil (x int)`,
	} {
		if _, err := app.Pool().Exec(ctx, sql); err == nil {
			t.Errorf("the app role may %s", sql)
		}
	}
	if can, err := app.CanAlterAuditLog(ctx); err != nil || can {
		t.Errorf("CanAlterAuditLog for the app role = %v, %v", can, err)
	}
	if can, err := owner.CanAlterAuditLog(ctx); err != nil || !can {
		t.Errorf("CanAlterAuditLog for the owner = %v, %v", can, err)
	}
}
