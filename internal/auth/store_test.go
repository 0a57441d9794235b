package auth

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

var testActor = domain.OperatorActor("3672", "test")

func TestUsersAndTokens(t *testing.T) {
	ctx := context.Background()
	db := &store{pgdev.New(t)}
	u, err := db.createUser(ctx, testActor, domain.User{Pemda: "3672", Username: "rina", FullName: "Rina", Role: domain.RoleDisnaker, Active: true}, "hash")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.createUser(ctx, testActor, domain.User{Pemda: "3672", Username: "rina", Role: domain.RoleBPJS, Active: true}, "hash"); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("duplicate username: %v, want ErrConflict", err)
	}
	got, hash, err := db.userByUsername(ctx, "rina")
	if err != nil || got.ID != u.ID || hash != "hash" || got.Role != domain.RoleDisnaker {
		t.Fatalf("UserByUsername = %+v %q %v", got, hash, err)
	}
	if _, _, err := db.userByUsername(ctx, "nobody"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown user: %v, want ErrNotFound", err)
	}

	token, err := db.createAPIToken(ctx, testActor, u, "laporan")
	if err != nil {
		t.Fatal(err)
	}
	byToken, err := db.userByAPIToken(ctx, token)
	if err != nil || byToken.ID != u.ID {
		t.Fatalf("UserByAPIToken = %+v, %v", byToken, err)
	}
	if _, err := db.userByAPIToken(ctx, token+"x"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("wrong token: %v", err)
	}
	var stored []byte
	if err := db.Pool().QueryRow(ctx, `SELECT token_hash FROM api_token`).Scan(&stored); err != nil || string(stored) == token {
		t.Errorf("token stored in the clear or missing: %v", err)
	}
	tokens, err := db.apiTokens(ctx, "3672")
	if err != nil || len(tokens) != 1 || tokens[0].LastUsedAt == nil {
		t.Fatalf("APITokens = %+v, %v (want one with a last use)", tokens, err)
	}
	if err := db.revokeAPIToken(ctx, testActor, "3672", tokens[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.userByAPIToken(ctx, token); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("revoked token still works: %v", err)
	}
}

func TestLoginFailures(t *testing.T) {
	ctx := context.Background()
	db := &store{pgdev.New(t)}
	for i := 0; i < 3; i++ {
		if err := db.recordLoginFailure(ctx, "user:rina", "ip:10.0.0.1"); err != nil {
			t.Fatal(err)
		}
	}
	_ = db.recordLoginFailure(ctx, "ip:10.0.0.1")
	n, err := db.loginFailures(ctx, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), "user:rina", "ip:10.0.0.1")
	if err != nil || n != 4 {
		t.Errorf("LoginFailures = %d, %v; want 4 (the busiest key)", n, err)
	}
	_ = db.clearLoginFailures(ctx, "user:rina")
	if n, _ := db.loginFailures(ctx, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), "user:rina"); n != 0 {
		t.Errorf("after clear: %d", n)
	}
}
