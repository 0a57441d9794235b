package settings_test

import (
	"context"
	"errors"
	"testing"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/settings"
)

// newPemda adds Kabupaten Serang with no settings of its own.
func newPemda(t *testing.T, db *database.DB) {
	t.Helper()
	_, err := db.Pool().Exec(context.Background(), `INSERT INTO pemda (code, name, province, government, office, city)
		VALUES ('3604', 'Kabupaten Serang', 'Banten', 'Pemerintah Kabupaten Serang', 'Dinas Tenaga Kerja', 'Serang')`)
	if err != nil {
		t.Fatal(err)
	}
}

// rateTotal is the rate per participant at the lowest band in force in month s.
func rateTotal(t *testing.T, svc *settings.Service, pemda, s string) domain.Rupiah {
	t.Helper()
	rates, err := svc.Rates(context.Background(), pemda)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := rates.At(month(t, s))
	if !ok {
		t.Fatalf("no rate in %s", s)
	}
	return r.Total()
}

// TestRatesNationalDefaultsAndEffectiveDates: a Pemda with no rates uses the
// national ones (a 2020 period keeps the 99 % relief: JKK Rp 100 + JKM Rp 68
// = Rp 168); an administrator's new rate from January 2026 changes 2026 on and
// nothing before, and the audit log keeps the old and new values.
func TestRatesNationalDefaultsAndEffectiveDates(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	newPemda(t, db)
	svc := settings.NewService(db)
	if _, own, _ := svc.RateSettings(ctx, "3604"); own {
		t.Error("a new Pemda has rates of its own")
	}
	for m, want := range map[string]domain.Rupiah{"2020-07": 16_800, "2020-09": 168, "2021-01": 168, "2024-07": 16_800} {
		if got := rateTotal(t, svc, "3604", m); got != want {
			t.Errorf("national rate in %s = %s, want %s", m, got, want)
		}
	}

	disnaker := domain.Actor{Pemda: "3604", Username: "rina", Role: domain.RoleDisnaker}
	r2026 := domain.Rate{ValidFrom: domain.Date(2026, 1, 1), JKK: 12_000, JKM: 7_000, Regulation: "uji"}
	if err := svc.SetRate(ctx, disnaker, r2026); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("disnaker set a rate: %v", err)
	}
	admin := domain.OperatorActor("3604", "admin")
	if err := svc.SetRate(ctx, admin, domain.Rate{ValidFrom: domain.Date(2026, 1, 15), JKK: 1}); err == nil {
		t.Error("a rate from the 15th was accepted")
	}
	if err := svc.SetRate(ctx, admin, r2026); err != nil {
		t.Fatal(err)
	}
	// 12.000 + 7.000 = 19.000 from 2026; 2020's relief and 2025's rate stay.
	for m, want := range map[string]domain.Rupiah{"2020-09": 168, "2025-12": 16_800, "2026-01": 19_000} {
		if got := rateTotal(t, svc, "3604", m); got != want {
			t.Errorf("rate in %s after the change = %s, want %s", m, got, want)
		}
	}
	r2026.JKM = 7_200
	if err := svc.SetRate(ctx, admin, r2026); err != nil {
		t.Fatal(err)
	}
	var n int
	_ = db.Pool().QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE pemda = '3604' AND entity = 'contribution_rate'
		AND entity_id = '2026-01-01' AND (old_values->>'JKM')::int = 7000 AND (new_values->>'JKM')::int = 7200`).Scan(&n)
	if n != 1 {
		t.Errorf("%d audit entries with the old JKM 7.000 and the new 7.200, want 1", n)
	}
	if err := svc.DeleteRate(ctx, admin, domain.Date(2026, 1, 1)); err != nil {
		t.Fatal(err)
	}
	if got := rateTotal(t, svc, "3604", "2026-01"); got != 16_800 {
		t.Errorf("2026 rate after deleting the new one = %s", got)
	}
	// Cilegon's own rates are untouched by Serang's changes.
	if got := rateTotal(t, svc, "3672", "2020-09"); got != 168 {
		t.Errorf("Cilegon's 2020 rate = %s", got)
	}
}

// TestBenefitsNationalDefaultsAndEffectiveDates: a claim before December
// 2019 uses the old scholarship rule (one child, Rp 12 juta at once), after
// it none is fixed; a Pemda's own JKM rule from 2026 leaves 2024 at Rp 42 juta.
func TestBenefitsNationalDefaultsAndEffectiveDates(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	newPemda(t, db)
	svc := settings.NewService(db)
	standard := func(ct domain.ClaimType, day string) (domain.Rupiah, bool) {
		t.Helper()
		bs, err := svc.Benefits(ctx, "3604")
		if err != nil {
			t.Fatal(err)
		}
		d, _ := domain.ParseDate(day)
		return bs.Standard(ct, d, 2_000_000)
	}
	if got, fixed := standard(domain.ClaimScholarship, "2019-12-01"); got != 12_000_000 || !fixed {
		t.Errorf("scholarship on 1 December 2019 = %s, %v; want Rp 12.000.000 fixed", got, fixed)
	}
	if got, fixed := standard(domain.ClaimScholarship, "2019-12-02"); got != 0 || fixed {
		t.Errorf("scholarship on 2 December 2019 = %s, %v; want none fixed", got, fixed)
	}
	admin := domain.OperatorActor("3604", "admin")
	if err := svc.SetBenefit(ctx, domain.Actor{Pemda: "3604", Role: domain.RoleBPJS}, domain.Benefit{}); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("bpjs set a benefit rule: %v", err)
	}
	if err := svc.SetBenefit(ctx, admin, domain.Benefit{Type: "JHT", ValidFrom: domain.Date(2026, 1, 1)}); err == nil {
		t.Error("an unknown claim type was accepted")
	}
	jkm := domain.Benefit{Type: domain.ClaimJKM, ValidFrom: domain.Date(2026, 1, 1), Flat: 50_000_000, Fixed: true, Regulation: "uji"}
	if err := svc.SetBenefit(ctx, admin, jkm); err != nil {
		t.Fatal(err)
	}
	if got, _ := standard(domain.ClaimJKM, "2024-07-17"); got != 42_000_000 {
		t.Errorf("JKM in 2024 = %s, want Rp 42.000.000", got)
	}
	if got, _ := standard(domain.ClaimJKM, "2026-01-01"); got != 50_000_000 {
		t.Errorf("JKM in 2026 = %s, want Rp 50.000.000", got)
	}
	if got, _ := standard(domain.ClaimScholarship, "2019-11-30"); got != 12_000_000 {
		t.Errorf("old scholarship after the change = %s", got)
	}
	// Changing the PP 82/2019 JKM rule audits its old and new amounts.
	jkm.ValidFrom, jkm.Flat = domain.PP82Start, 43_000_000
	if err := svc.SetBenefit(ctx, admin, jkm); err != nil {
		t.Fatal(err)
	}
	var n int
	_ = db.Pool().QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE pemda = '3604' AND entity = 'benefit_rule'
		AND (old_values->>'Flat')::bigint = 42000000 AND (new_values->>'Flat')::bigint = 43000000`).Scan(&n)
	if n != 1 {
		t.Errorf("%d audit entries with the old Rp 42 juta and the new Rp 43 juta, want 1", n)
	}
	if bs, _ := svc.Benefits(ctx, "3672"); len(bs) != len(domain.DefaultBenefits()) {
		t.Error("Cilegon's rules changed with Serang's")
	}
}
