package demo

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/settings"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

var testActor = domain.OperatorActor(domain.DefaultPemda, "test")

func TestDemoMatchesTheMeeting(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	if err := Load(ctx, db, testActor); err != nil {
		t.Fatal(err)
	}
	jan2jul, _ := domain.PeriodFromTo("2024-01", "2024-07")
	b, err := analysisOf(db).Balance(ctx, domain.DefaultPemda, jan2jul, domain.BasisCash)
	if err != nil {
		t.Fatal(err)
	}
	if b.ContributionsPaid != 480_457_660 || b.ClaimsPaid != 790_000_000 || b.Saldo() != -309_542_340 {
		t.Fatalf("January–July 2024 cash: iuran %s, klaim %s, saldo %s; want the meeting's figures",
			b.ContributionsPaid, b.ClaimsPaid, b.Saldo())
	}
	if got := b.ClaimRatio().Percent(1); got != "164,4 %" {
		t.Errorf("claim ratio %s, want 164,4 %%", got)
	}
	if err := Load(ctx, db, testActor); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("second load: %v, want ErrNotEmpty", err)
	}
	for _, u := range Users {
		if _, err := auth.NewService(db).UserByUsername(ctx, u.Username); err != nil {
			t.Errorf("demo user %s: %v", u.Username, err)
		}
	}
}

func TestDemoIsRealisticAndDeterministic(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	kel, err := settings.NewService(db).Kelurahans(ctx, domain.DefaultPemda)
	if err != nil {
		t.Fatal(err)
	}
	data, err := build(kel)
	if err != nil {
		t.Fatal(err)
	}
	if len(data.Workers) < 3000 {
		t.Errorf("%d workers, want at least 3.000", len(data.Workers))
	}
	cats, kels, spells := map[string]bool{}, map[string]bool{}, 0
	multi, ended := 0, map[domain.EnrollmentStatus]int{}
	for _, w := range data.Workers {
		if _, err := domain.ParseNIK(string(w.NIK)); err != nil {
			t.Fatalf("worker %d: invalid NIK %s: %v", w.ID, w.NIK, err)
		}
		if w.NIK.Sex() != w.Sex || !w.NIK.BirthDate().Equal(w.BirthDate) {
			t.Fatalf("worker %d: NIK %s disagrees with sex %s or birth date %s", w.ID, w.NIK, w.Sex, w.BirthDate)
		}
		cats[w.CategoryCode], kels[w.KelurahanCode] = true, true
		spells += len(w.Enrollments)
		if len(w.Enrollments) > 1 {
			multi++
		}
		for i, e := range w.Enrollments {
			ended[e.Status]++
			for _, o := range w.Enrollments[i+1:] {
				if e.Overlaps(o) {
					t.Fatalf("worker %d has overlapping spells", w.ID)
				}
			}
		}
	}
	if len(cats) != 11 || len(kels) != 43 {
		t.Errorf("workers in %d categories and %d kelurahan, want all 11 and all 43", len(cats), len(kels))
	}
	if multi == 0 || ended[domain.StatusDeceased] == 0 || ended[domain.StatusInactive] == 0 {
		t.Errorf("want spells that end and restart: %d workers with several spells, %v", multi, ended)
	}
	types := map[domain.ClaimType]bool{}
	for _, c := range data.Claims {
		types[c.Type] = true
		if c.Type.IsDeath() && c.Beneficiary == "" {
			t.Errorf("death claim %s has no heir", c.No)
		}
	}
	if len(types) != len(domain.ClaimTypes) {
		t.Errorf("claims of %d types, want all %d", len(types), len(domain.ClaimTypes))
	}

	again, err := build(kel)
	if err != nil {
		t.Fatal(err)
	}
	if checksum(data) != checksum(again) {
		t.Error("two builds of the demo differ: it must be deterministic")
	}
}

// checksum hashes the JSON of v, which follows pointers.
func checksum(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}
