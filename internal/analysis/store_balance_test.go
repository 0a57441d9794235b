package analysis_test

import (
	"context"
	"testing"
	"time"

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
		contrib      domain.Rupiah // ContributionsPaid
		claims       domain.Rupiah // ClaimsPaid
		count        int64
		active       int64
		basisContrib domain.Rupiah // Contributions, the basis's figure
		basisClaims  domain.Rupiah // Claims
		ratioPercent string
	}{
		// Cash: December's iuran paid in January counts in 2024; the claim
		// of December 2023 paid in January too.
		{"2024-Q1", domain.BasisCash, 184_800, 5_000_000, 1, 2, 184_800, 5_000_000, "2.705,6 %"},
		// Accrual (corrected): the iuran due for January (billed 67.200) and
		// February (no bill: what was paid, 67.200), against the claims
		// incurred in the quarter: K1 paid 42 juta and K4 still in process
		// 3 juta. ContributionsPaid and ClaimsPaid keep their meaning.
		{"2024-Q1", domain.BasisAccrual, 134_400, 42_000_000, 1, 2, 134_400, 45_000_000, "33.482,1 %"},
		{"2023", domain.BasisCash, 0, 0, 0, 2, 0, 0, "–"},
		{"2023", domain.BasisAccrual, 50_400, 5_000_000, 1, 2, 50_400, 5_000_000, "9.920,6 %"},
		// The death ends worker 2's spell; the quota goes to worker 3 in April.
		{"2024-04", domain.BasisCash, 0, 42_000_000, 1, 3, 0, 42_000_000, "–"},
		// The rejected claim never counts.
		{"2024", domain.BasisAccrual, 134_400, 42_000_000, 1, 2, 134_400, 45_000_000, "33.482,1 %"},
		{"2024-01..2024-07", domain.BasisCash, 184_800, 47_000_000, 2, 2, 184_800, 47_000_000, "25.432,9 %"},
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
		if b.Contributions != tt.basisContrib || b.Claims != tt.basisClaims {
			t.Errorf("%s %s: basis figures %d, %d; want %d, %d", tt.period, tt.basis, b.Contributions, b.Claims, tt.basisContrib, tt.basisClaims)
		}
		if got := b.ClaimRatio().Percent(1); got != tt.ratioPercent {
			t.Errorf("%s %s: claim ratio %s, want %s", tt.period, tt.basis, got, tt.ratioPercent)
		}
		if b.Saldo() != tt.basisContrib-tt.basisClaims {
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

// TestAccrualCountsUnpaidBills: a bill not paid yet is iuran due on the
// accrual basis and nothing on the cash basis; BPJS's bill lines, when
// there are any, are the month's bill.
func TestAccrualCountsUnpaidBills(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	if err := demo.LoadBulk(ctx, db, testActor, smallProgram()); err != nil {
		t.Fatal(err)
	}
	exec := func(sql string) {
		t.Helper()
		if _, err := db.Pool().Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	// March 2024 billed 50.400 and not paid; April billed line by line 33.600.
	exec(`INSERT INTO contribution (pemda, coverage_month, billed) VALUES ('3672', '2024-03-01', 50400)`)
	exec(`INSERT INTO bill_line (pemda, coverage_month, line, kpj, nik, name, amount) VALUES
		('3672', '2024-04-01', 1, '1', '3672040101800001', 'A', 16800), ('3672', '2024-04-01', 2, '3', '3672040303900003', 'C', 16800)`)
	for _, tt := range []struct {
		period string
		basis  domain.Basis
		contr  domain.Rupiah
	}{
		{"2024-Q1", domain.BasisAccrual, 134_400 + 50_400},
		{"2024-04", domain.BasisAccrual, 33_600},
		{"2024-Q1", domain.BasisCash, 184_800},
	} {
		for _, direct := range []bool{false, true} {
			get := analysisOf(db).BalanceSeries
			if direct {
				get = analysisOf(db).DirectBalanceSeries
			}
			bs, err := get(ctx, "3672", []domain.Period{mustPeriod(t, tt.period)}, tt.basis)
			if err != nil || bs[0].Contributions != tt.contr {
				t.Errorf("%s %s (direct %v): contributions %v, want %v (%v)", tt.period, tt.basis, direct, bs[0].Contributions, tt.contr, err)
			}
		}
	}
	// The saldo carried into May on the accrual basis: 2023's due 50.400 and
	// 2024's 218.400, minus the claims incurred (5 + 42 + 3 juta).
	view, err := analysisOf(db).BalanceView(ctx, "3672", mustPeriod(t, "2024-05"), domain.BasisAccrual, domain.ByMonth)
	if err != nil || view.Opening != 50_400+218_400-50_000_000 {
		t.Errorf("opening saldo of May 2024 on the accrual basis: %v (%v)", view.Opening, err)
	}
}

// TestActiveWorkersOfAPeriodNotEnded: a period that has not ended counts
// the workers covered today, not on its last day.
func TestActiveWorkersOfAPeriodNotEnded(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	if err := demo.LoadBulk(ctx, db, testActor, smallProgram()); err != nil {
		t.Fatal(err)
	}
	svc := analysisOf(db)
	for _, tt := range []struct {
		today  string
		active int64
	}{
		// 15 March 2024: workers 1 and 4 (worker 2 died on the 10th, worker 3 starts in April).
		{"2024-03-15", 2},
		// 10 March 2024, the day of the death: worker 2 still covered.
		{"2024-03-10", 3},
		// 20 June 2024: workers 1, 3 and 4; on the year's last day worker 4 would be gone.
		{"2024-06-20", 3},
	} {
		svc.Now = func() time.Time { return date(tt.today).Add(10 * time.Hour) }
		for _, direct := range []bool{false, true} {
			get := svc.BalanceSeries
			if direct {
				get = svc.DirectBalanceSeries
			}
			bs, err := get(ctx, "3672", []domain.Period{mustPeriod(t, "2024")}, domain.BasisCash)
			if err != nil || bs[0].ActiveWorkers != tt.active {
				t.Errorf("2024 seen on %s (direct %v): %d active, want %d (%v)", tt.today, direct, bs[0].ActiveWorkers, tt.active, err)
			}
		}
	}
}
