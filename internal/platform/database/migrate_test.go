package database_test

import (
	"context"
	"errors"
	"testing"

	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

func TestMigrateUpDownUp(t *testing.T) {
	ctx := context.Background()
	db, err := database.Open(ctx, pgdev.EmptyURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.RequireCurrentSchema(ctx); !errors.Is(err, database.ErrSchemaBehind) {
		t.Fatalf("empty database: RequireCurrentSchema = %v, want ErrSchemaBehind", err)
	}
	if err := db.MigrateUp(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := db.Schema(ctx)
	if err != nil || !st.Current() || st.Version != database.LatestVersion() {
		t.Fatalf("after up: %+v, %v", st, err)
	}
	// Versions need not be consecutive (numbers are reserved for work on
	// other branches): step down until version 0.
	for i := 0; ; i++ {
		st, err := db.Schema(ctx)
		if err != nil || st.Version == 0 || i > int(database.LatestVersion()) {
			break
		}
		if err := db.MigrateDown(ctx); err != nil {
			t.Fatalf("down step %d (from version %d): %v", i+1, st.Version, err)
		}
	}
	if st, _ := db.Schema(ctx); st.Version != 0 {
		t.Fatalf("after all downs: version %d", st.Version)
	}
	if err := db.MigrateUp(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if err := db.RequireCurrentSchema(ctx); err != nil {
		t.Fatal(err)
	}
}
