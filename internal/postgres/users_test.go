package postgres_test

import (
	"context"
	"errors"
	"testing"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/postgres"
)

func TestUsersAndTokens(t *testing.T) {
	ctx := context.Background()
	db := postgres.Wrap(pgdev.New(t))
	u, err := db.CreateUser(ctx, testActor, domain.User{Pemda: "3672", Username: "rina", FullName: "Rina", Role: domain.RoleDisnaker, Active: true}, "hash")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(ctx, testActor, domain.User{Pemda: "3672", Username: "rina", Role: domain.RoleBPJS, Active: true}, "hash"); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("duplicate username: %v, want ErrConflict", err)
	}
	got, hash, err := db.UserByUsername(ctx, "rina")
	if err != nil || got.ID != u.ID || hash != "hash" || got.Role != domain.RoleDisnaker {
		t.Fatalf("UserByUsername = %+v %q %v", got, hash, err)
	}
	if _, _, err := db.UserByUsername(ctx, "nobody"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown user: %v, want ErrNotFound", err)
	}

	token, err := db.CreateAPIToken(ctx, testActor, u, "laporan")
	if err != nil {
		t.Fatal(err)
	}
	byToken, err := db.UserByAPIToken(ctx, token)
	if err != nil || byToken.ID != u.ID {
		t.Fatalf("UserByAPIToken = %+v, %v", byToken, err)
	}
	if _, err := db.UserByAPIToken(ctx, token+"x"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("wrong token: %v", err)
	}
	var stored []byte
	if err := db.Pool().QueryRow(ctx, `SELECT token_hash FROM api_token`).Scan(&stored); err != nil || string(stored) == token {
		t.Errorf("token stored in the clear or missing: %v", err)
	}
	tokens, err := db.APITokens(ctx, "3672")
	if err != nil || len(tokens) != 1 || tokens[0].LastUsedAt == nil {
		t.Fatalf("APITokens = %+v, %v (want one with a last use)", tokens, err)
	}
	if err := db.RevokeAPIToken(ctx, testActor, "3672", tokens[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.UserByAPIToken(ctx, token); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("revoked token still works: %v", err)
	}
}

func TestLoginFailures(t *testing.T) {
	ctx := context.Background()
	db := postgres.Wrap(pgdev.New(t))
	for i := 0; i < 3; i++ {
		if err := db.RecordLoginFailure(ctx, "user:rina", "ip:10.0.0.1"); err != nil {
			t.Fatal(err)
		}
	}
	_ = db.RecordLoginFailure(ctx, "ip:10.0.0.1")
	n, err := db.LoginFailures(ctx, date("2000-01-01"), "user:rina", "ip:10.0.0.1")
	if err != nil || n != 4 {
		t.Errorf("LoginFailures = %d, %v; want 4 (the busiest key)", n, err)
	}
	_ = db.ClearLoginFailures(ctx, "user:rina")
	if n, _ := db.LoginFailures(ctx, date("2000-01-01"), "user:rina"); n != 0 {
		t.Errorf("after clear: %d", n)
	}
}
