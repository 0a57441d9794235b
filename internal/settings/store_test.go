package settings_test

import (
	"context"
	"testing"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/settings"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

func TestSeedData(t *testing.T) {
	ctx := context.Background()
	db := settings.NewService(pgdev.New(t))
	kec, err := db.Kecamatans(ctx, "3672")
	if err != nil {
		t.Fatal(err)
	}
	kel, err := db.Kelurahans(ctx, "3672")
	if err != nil {
		t.Fatal(err)
	}
	cats, err := db.Categories(ctx, "3672")
	if err != nil {
		t.Fatal(err)
	}
	if len(kec) != 8 || len(kel) != 43 || len(cats) != 11 {
		t.Fatalf("seeded %d kecamatan, %d kelurahan, %d categories; want 8, 43, 11", len(kec), len(kel), len(cats))
	}
	var lebakgede bool
	for _, k := range kel {
		if k.Code == "36.72.03.1002" && k.Matches("Lebak Gede") && k.BPSCode == "3672020013" {
			lebakgede = true
		}
	}
	if !lebakgede {
		t.Error("Lebakgede is missing its code, BPS code or the spelling variant Lebak Gede")
	}
	rates, err := db.Rates(ctx, "3672")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		month string
		want  int64
	}{{"2020-07", 16800}, {"2020-08", 168}, {"2021-01", 168}, {"2021-02", 16800}, {"2024-07", 16800}} {
		r, ok := rates.At(month(t, tt.month))
		if !ok || int64(r.Total()) != tt.want {
			t.Errorf("rate in %s = %v (%v), want %d", tt.month, r.Total(), ok, tt.want)
		}
	}
}

func month(t testing.TB, s string) domain.Month {
	t.Helper()
	m, err := domain.ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDueRuleDefaultsToBPUAndIsAudited(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	svc := settings.NewService(db)
	r, err := svc.DueRule(ctx, "3672")
	if err != nil || r != domain.BPUDueRule {
		t.Fatalf("default rule %+v, %v; want the BPU rule", r, err)
	}
	disnaker := domain.Actor{Pemda: "3672", Username: "rina", Role: domain.RoleDisnaker}
	if err := svc.SetDueRule(ctx, disnaker, domain.DueRule{Day: 15, MonthOffset: 1}); err != domain.ErrForbidden {
		t.Errorf("disnaker changed the rule: %v", err)
	}
	admin := domain.OperatorActor("3672", "admin")
	if err := svc.SetDueRule(ctx, admin, domain.DueRule{Day: 31}); err == nil {
		t.Error("day 31 accepted")
	}
	if err := svc.SetDueRule(ctx, admin, domain.DueRule{Day: 10, MonthOffset: 1}); err != nil {
		t.Fatal(err)
	}
	if r, _ := svc.DueRule(ctx, "3672"); r != (domain.DueRule{Day: 10, MonthOffset: 1}) {
		t.Errorf("rule after the change: %+v", r)
	}
	var n int
	_ = db.Pool().QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE entity = 'pemda' AND old_values->>'Day' = '15'
		AND new_values->>'Day' = '10'`).Scan(&n)
	if n != 1 {
		t.Errorf("%d audit entries of the change, want 1", n)
	}
}
