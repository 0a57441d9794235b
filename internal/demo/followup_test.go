package demo

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/migrations"
)

// TestFollowUpMigrationKeepsSignedReports replays migration 000045 on the
// demo's signed July report, as if its items had been written before it:
// the items become records with their owner's kind read from the text,
// and the signed document stays the one its checksum covers.
func TestFollowUpMigrationKeepsSignedReports(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	if err := Load(ctx, db, testActor); err != nil {
		t.Fatal(err)
	}
	finals, err := demoReports(db).Reports(ctx, domain.DefaultPemda, laporan.Final)
	if err != nil || len(finals) != 1 {
		t.Fatalf("final reports %+v %v", finals, err)
	}
	before, err := demoReports(db).Report(ctx, domain.DefaultPemda, finals[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"000045_followups.down.sql", "000045_followups.up.sql"} {
		sql, err := migrations.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Pool().Exec(ctx, string(sql)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	after, err := demoReports(db).Report(ctx, domain.DefaultPemda, finals[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := laporan.Open(after); err != nil {
		t.Errorf("the signed report no longer opens: %v", err)
	}
	was, _ := json.Marshal(laporan.DocumentOf(before))
	is, _ := json.Marshal(laporan.DocumentOf(after))
	if string(was) != string(is) {
		t.Errorf("the document changed:\n%s\n%s", was, is)
	}
	want := []laporan.OwnerKind{laporan.OwnerBPJS, laporan.OwnerDisnaker, laporan.OwnerDisnaker, laporan.OwnerBappeda,
		laporan.OwnerKelurahan, laporan.OwnerBPJS}
	if len(after.Actions) != len(want) {
		t.Fatalf("%d items, want %d", len(after.Actions), len(want))
	}
	for i, a := range after.Actions {
		if a.OwnerKind != want[i] || a.Status != laporan.FollowUpTodo || a.ID == 0 {
			t.Errorf("item %d (%s, owner %q): kind %s status %s id %d, want kind %s, belum", i+1, a.Action, a.Owner, a.OwnerKind,
				a.Status, a.ID, want[i])
		}
	}
}
