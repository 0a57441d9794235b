package analysis_test

import (
	"context"
	"testing"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/registry"
)

// smallProgram is a hand-built programme whose figures are worked out in
// the test table below.
func smallProgram() demo.Bulk {
	worker := func(id int64, nik string, spells ...registry.Enrollment) registry.Worker {
		return registry.Worker{ID: id, NIK: domain.NIK(nik), Name: "Peserta " + nik[12:], CategoryCode: "nelayan",
			KelurahanCode: "36.72.04.1005", Income: domain.DefaultIncome, Enrollments: spells}
	}
	spell := func(id int64, start string, end *string, status domain.EnrollmentStatus) registry.Enrollment {
		e := registry.Enrollment{ID: id, Start: date(start), Status: status}
		if end != nil {
			e.End = datePtr(*end)
		}
		return e
	}
	str := func(s string) *string { return &s }
	n3, n4 := int64(3), int64(4)
	return demo.Bulk{
		Pemda: "3672",
		Workers: []registry.Worker{
			worker(1, "3672040101800001", spell(1, "2023-06-01", nil, domain.StatusActive)),
			worker(2, "3672040202700002", spell(2, "2023-01-01", str("2024-03-10"), domain.StatusDeceased)),
			worker(3, "3672040303900003", spell(3, "2024-04-01", nil, domain.StatusActive)),
			worker(4, "3672044404850004", spell(4, "2024-01-01", str("2024-06-30"), domain.StatusInactive)),
		},
		Contributions: []contributions.Contribution{
			{CoverageMonth: domain.NewMonth(2023, 12), Participants: &n3, Billed: rupiahPtr(50_400), Paid: 50_400, PaidOn: date("2024-01-10"), SP2D: "SP2D-1"},
			{CoverageMonth: domain.NewMonth(2024, 1), Participants: &n4, Billed: rupiahPtr(67_200), Paid: 67_200, PaidOn: date("2024-02-12"), SP2D: "SP2D-2"},
			{CoverageMonth: domain.NewMonth(2024, 2), Paid: 67_200, PaidOn: date("2024-03-11")},
		},
		Claims: []claims.Claim{
			{No: "K1", WorkerID: 2, Type: domain.ClaimJKM, IncidentOn: date("2024-03-10"), PaidOn: date("2024-04-02"), Amount: 42_000_000, Status: domain.ClaimPaid},
			{No: "K2", WorkerID: 1, Type: domain.ClaimJKKCare, IncidentOn: date("2023-12-20"), PaidOn: date("2024-01-15"), Amount: 5_000_000, Status: domain.ClaimPaid},
			{No: "K3", WorkerID: 4, Type: domain.ClaimJKM, IncidentOn: date("2024-08-01"), Amount: 42_000_000, Status: domain.ClaimRejected},
			{No: "K4", WorkerID: 1, Type: domain.ClaimJKKCare, IncidentOn: date("2024-02-05"), Amount: 3_000_000, Status: domain.ClaimProcessing},
		},
	}
}

func TestBalanceFromTheStore(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	if err := demo.LoadBulk(ctx, db, testActor, smallProgram()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		period       string
		basis        domain.Basis
		contrib      domain.Rupiah
		claims       domain.Rupiah
		count        int64
		active       int64
		ratioPercent string
	}{
		// Cash: December's iuran paid in January counts in 2024; the claim
		// of December 2023 paid in January too.
		{"2024-Q1", domain.BasisCash, 184_800, 5_000_000, 1, 2, "2.705,6 %"},
		// Accrual: by coverage month and incident date.
		{"2024-Q1", domain.BasisAccrual, 134_400, 42_000_000, 1, 2, "31.250,0 %"},
		{"2023", domain.BasisCash, 0, 0, 0, 2, "–"},
		{"2023", domain.BasisAccrual, 50_400, 5_000_000, 1, 2, "9.920,6 %"},
		// The death ends worker 2's spell; the quota goes to worker 3 in April.
		{"2024-04", domain.BasisCash, 0, 42_000_000, 1, 3, "–"},
		// Rejected and pending claims never count.
		{"2024", domain.BasisAccrual, 134_400, 42_000_000, 1, 2, "31.250,0 %"},
		{"2024-01..2024-07", domain.BasisCash, 184_800, 47_000_000, 2, 2, "25.432,9 %"},
	}
	for _, tt := range tests {
		b, err := analysisOf(db).Balance(ctx, "3672", mustPeriod(t, tt.period), tt.basis)
		if err != nil {
			t.Fatal(err)
		}
		if b.ContributionsPaid != tt.contrib || b.ClaimsPaid != tt.claims || b.ClaimsCount != tt.count || b.ActiveWorkers != tt.active {
			t.Errorf("%s %s: got iuran %d klaim %d (%d) aktif %d; want %d %d (%d) %d", tt.period, tt.basis,
				b.ContributionsPaid, b.ClaimsPaid, b.ClaimsCount, b.ActiveWorkers, tt.contrib, tt.claims, tt.count, tt.active)
		}
		if got := b.ClaimRatio().Percent(1); got != tt.ratioPercent {
			t.Errorf("%s %s: claim ratio %s, want %s", tt.period, tt.basis, got, tt.ratioPercent)
		}
		if b.Saldo() != tt.contrib-tt.claims {
			t.Errorf("%s: saldo %d", tt.period, b.Saldo())
		}
	}

	// Another Pemda's rows never leak in.
	other, err := analysisOf(db).Balance(ctx, "3604", mustPeriod(t, "2024"), domain.BasisCash)
	if err != nil || other.ContributionsPaid != 0 || other.ActiveWorkers != 0 {
		t.Errorf("another Pemda sees %+v, %v", other, err)
	}

	series, err := analysisOf(db).BalanceSeries(ctx, "3672", mustPeriod(t, "2024-01..2024-04").Split(domain.ByMonth), domain.BasisCash)
	if err != nil {
		t.Fatal(err)
	}
	var got []domain.Rupiah
	for _, b := range series {
		got = append(got, b.ContributionsPaid)
	}
	if want := []domain.Rupiah{50_400, 67_200, 67_200, 0}; !equal(got, want) {
		t.Errorf("monthly cash iuran %v, want %v", got, want)
	}
	years, err := analysisOf(db).DataYears(ctx, "3672")
	if err != nil || len(years) != 2 || years[0] != 2024 || years[1] != 2023 {
		t.Errorf("DataYears = %v, %v; want [2024 2023]", years, err)
	}
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
