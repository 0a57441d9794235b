package claims_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/domain/domaintest"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/registry/registrytest"
)

// claimFixture registers the workers and three claims.
func claimFixture(t *testing.T, db *database.DB) map[string]claims.Claim {
	t.Helper()
	registrytest.Load(t, db)
	cs := []claims.Claim{
		{No: "KLM-2024-000123", NIK: registrytest.NIKBudi, Type: domain.ClaimJKM, IncidentOn: date("2024-05-03"), SubmittedOn: date("2024-05-10"),
			PaidOn: date("2024-05-24"), Amount: 42_000_000, Status: domain.ClaimPaid, Beneficiary: "Sari Santoso"},
		{NIK: registrytest.NIKAhmad, Type: domain.ClaimJKKCare, IncidentOn: date("2024-06-12"), Amount: 3_500_000, Status: domain.ClaimProcessing},
		{No: "KLM-2024-000200", NIK: registrytest.NIKSiti, Type: domain.ClaimJKKCare, IncidentOn: date("2024-02-01"), PaidOn: date("2024-03-01"),
			Amount: 1_250_000, Status: domain.ClaimPaid},
	}
	out := map[string]claims.Claim{}
	for _, c := range cs {
		got, err := claims.NewService(db).CreateClaim(context.Background(), testActor, c)
		if err != nil {
			t.Fatalf("claim of %s: %v", c.NIK, err)
		}
		out[string(c.NIK)] = got
	}
	return out
}

func claimNames(items []claims.ClaimListItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.WorkerName)
	}
	return out
}

func TestClaimListFiltersAndTotals(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	claimFixture(t, db)
	tests := []struct {
		name   string
		f      claims.ClaimFilter
		want   []string
		amount domain.Rupiah
	}{
		{"all, newest incident first", claims.ClaimFilter{Desc: true}, []string{"Ahmad Fauzi", "Budi Santoso", "Siti Aminah"}, 46_750_000},
		{"claim number part", claims.ClaimFilter{Text: "klm-2024-0001"}, []string{"Budi Santoso"}, 42_000_000},
		{"claim number digits", claims.ClaimFilter{Text: "2024000200"}, []string{"Siti Aminah"}, 1_250_000},
		{"worker name", claims.ClaimFilter{Text: "fauzi"}, []string{"Ahmad Fauzi"}, 3_500_000},
		{"NIK part", claims.ClaimFilter{Text: "31203"}, []string{"Ahmad Fauzi"}, 3_500_000},
		{"NIK part when only full NIKs match", claims.ClaimFilter{Text: "31203", NIKInFullOnly: true}, nil, 0},
		{"full NIK when only full NIKs match", claims.ClaimFilter{Text: registrytest.NIKAhmad, NIKInFullOnly: true}, []string{"Ahmad Fauzi"}, 3_500_000},
		{"type", claims.ClaimFilter{Type: domain.ClaimJKKCare}, []string{"Siti Aminah", "Ahmad Fauzi"}, 4_750_000},
		{"status", claims.ClaimFilter{Status: domain.ClaimPaid}, []string{"Siti Aminah", "Budi Santoso"}, 43_250_000},
		{"category", claims.ClaimFilter{Category: "nelayan"}, []string{"Budi Santoso", "Ahmad Fauzi"}, 45_500_000},
		{"kelurahan", claims.ClaimFilter{Kelurahan: registrytest.KelKepuh}, []string{"Siti Aminah", "Budi Santoso"}, 43_250_000},
		{"kecamatan", claims.ClaimFilter{Kecamatan: "36.72.03"}, []string{"Ahmad Fauzi"}, 3_500_000},
		{"incident range", claims.ClaimFilter{IncidentFrom: date("2024-05-03"), IncidentTo: date("2024-06-11")}, []string{"Budi Santoso"}, 42_000_000},
		{"paid range", claims.ClaimFilter{PaidFrom: date("2024-03-01"), PaidTo: date("2024-03-31")}, []string{"Siti Aminah"}, 1_250_000},
		{"by amount", claims.ClaimFilter{Sort: "amount", Desc: true}, []string{"Budi Santoso", "Ahmad Fauzi", "Siti Aminah"}, 46_750_000},
		{"by name", claims.ClaimFilter{Sort: "name"}, []string{"Ahmad Fauzi", "Budi Santoso", "Siti Aminah"}, 46_750_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, totals, err := claims.NewService(db).Claims(ctx, "3672", tt.f, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			if got := claimNames(items); !slices.Equal(got, tt.want) || totals.Count != int64(len(tt.want)) || totals.Amount != tt.amount {
				t.Errorf("got %q, totals %+v; want %q and %v", got, totals, tt.want, tt.amount)
			}
		})
	}
	items, totals, err := claims.NewService(db).Claims(ctx, "3672", claims.ClaimFilter{}, 1, 1)
	if err != nil || len(items) != 1 || totals.Count != 3 || totals.PaidCount != 2 || totals.PaidAmount != 43_250_000 {
		t.Fatalf("page 2 of 1: %d items, %+v, %v", len(items), totals, err)
	}
	if it := items[0]; it.No != "KLM-2024-000123" || it.NIK != registrytest.NIKBudi || it.CategoryName != "Nelayan" || it.KelurahanName != "Kepuh" ||
		it.KecamatanName != "Ciwandan" || !it.SubmittedOn.Equal(date("2024-05-10")) || it.Beneficiary != "Sari Santoso" {
		t.Errorf("list item %+v", it)
	}
	var exported []string
	err = claims.NewService(db).EachClaim(ctx, "3672", claims.ClaimFilter{Status: domain.ClaimPaid, Sort: "amount"}, func(c claims.Claim) error {
		exported = append(exported, c.WorkerName)
		return nil
	})
	if err != nil || !slices.Equal(exported, []string{"Siti Aminah", "Budi Santoso"}) {
		t.Errorf("export %q, %v", exported, err)
	}
}

func TestClaimRefusalsAndAudit(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	cs := claimFixture(t, db)
	tests := []struct {
		name  string
		c     claims.Claim
		field string
		want  string
	}{
		{"unregistered NIK", claims.Claim{NIK: "3671010101900001", Type: domain.ClaimJKM, IncidentOn: date("2024-01-01"), Status: domain.ClaimSubmitted},
			"nik", "NIK 3671010101900001 belum terdaftar sebagai peserta"},
		{"claim number taken", claims.Claim{No: "KLM-2024-000123", NIK: registrytest.NIKSiti, Type: domain.ClaimJKKCare, IncidentOn: date("2024-07-01"),
			Status: domain.ClaimSubmitted}, "no_klaim", "nomor klaim KLM-2024-000123 sudah tercatat"},
		{"same claim without a number", claims.Claim{NIK: registrytest.NIKAhmad, Type: domain.ClaimJKKCare, IncidentOn: date("2024-06-12"),
			Status: domain.ClaimSubmitted}, "tanggal_kejadian", "dengan tanggal kejadian 12/06/2024 sudah tercatat; beri nomor klaim"},
	}
	for _, tt := range tests {
		f, msg := domaintest.ConflictField(t, domaintest.ErrOf(claims.NewService(db).CreateClaim(ctx, testActor, tt.c)))
		if f != tt.field || !strings.Contains(msg, tt.want) {
			t.Errorf("%s: %s: %q, want %s: %q", tt.name, f, msg, tt.field, tt.want)
		}
	}

	// Moving a claim to another worker takes that worker's category and kelurahan.
	c := cs[registrytest.NIKAhmad]
	c.WorkerName = "Ahmad Fauzi" // CreateClaim knows the worker by NIK only
	if it, err := claims.NewService(db).Claim(ctx, "3672", c.ID); err != nil || it.Claim != c || it.KelurahanName != "Lebakgede" {
		t.Fatalf("Claim = %+v, %v; want %+v in Lebakgede", it, err, c)
	}
	c.NIK, c.Amount = registrytest.NIKDewi, 4_000_000
	if _, err := claims.NewService(db).UpdateClaim(ctx, testActor, c); err != nil {
		t.Fatal(err)
	}
	got, err := claims.NewService(db).Claim(ctx, "3672", c.ID)
	if err != nil || got.WorkerName != "Dewi Lestari" || got.Amount != 4_000_000 {
		t.Fatalf("moved claim: %+v, %v", got, err)
	}
	items, _, _ := claims.NewService(db).Claims(ctx, "3672", claims.ClaimFilter{Category: "linmas"}, 0, 10)
	if len(items) != 1 || items[0].ID != c.ID || items[0].KelurahanName != "Grogol" {
		t.Errorf("the moved claim by its new worker's category: %+v", items)
	}
	c.NIK = "3671010101900001"
	if f, _ := domaintest.ConflictField(t, domaintest.ErrOf(claims.NewService(db).UpdateClaim(ctx, testActor, c))); f != "nik" {
		t.Errorf("moving a claim to an unregistered NIK: field %q", f)
	}
	a := registrytest.AuditRows(t, db)
	last := a[len(a)-1]
	if last.Action != "update" || last.Entity != "claim" || last.Old["amount"] != float64(3_500_000) || last.New["amount"] != float64(4_000_000) ||
		last.Old["kelurahan_code"] != registrytest.KelLebakgede || last.New["kelurahan_code"] != registrytest.KelGrogol {
		t.Errorf("audit of the claim update: %+v", last)
	}
	creates := 0
	for _, x := range a {
		if x.Entity == "claim" && x.Action == "create" {
			creates++
		}
	}
	if creates != 3 {
		t.Errorf("%d claim creations audited, want 3 (refused ones leave no trace)", creates)
	}
}
