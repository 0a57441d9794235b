package analysis_test

import (
	"context"
	"testing"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/registry"
)

// The kelurahan of the analysis programme: Kepuh (kecamatan Ciwandan) and
// Lebakgede (kecamatan Pulomerak).
const (
	kepuh     = "36.72.04.1005"
	lebakgede = "36.72.03.1002"
)

// analysisProgram is a hand-built programme whose evaluation figures are
// worked out in the tests of the balance, reconciliation, budget and
// coverage views. Its roster:
//
//	W1 nelayan Kepuh      2020-06-01 –
//	W2 nelayan Kepuh      2020-06-01 – 2020-10-20 meninggal; the quota goes to W3
//	W3 nelayan Kepuh      2020-11-01 –
//	W4 rt_rw   Lebakgede  2023-01-01 – 2024-03-10 meninggal; the quota goes to W5
//	W5 rt_rw   Lebakgede  2024-04-01 –
//	W6 kader   Lebakgede  2024-01-01 – 2024-06-30 nonaktif
//
// Workers covered on any day of a month (billed): 2 from June 2020, 3 from
// January 2023, 4 in January–June 2024, 3 from July 2024. The rate is
// Rp 168 in August 2020–January 2021, Rp 16.800 otherwise.
func analysisProgram() demo.Bulk {
	worker := func(id int64, nik, category, kelurahan string, start string, end string, status domain.EnrollmentStatus) registry.Worker {
		e := registry.Enrollment{ID: id, Start: date(start), Status: status}
		if end != "" {
			e.End = datePtr(end)
		}
		return registry.Worker{ID: id, NIK: domain.NIK(nik), Name: "Peserta " + nik[12:], CategoryCode: category,
			KelurahanCode: kelurahan, Income: domain.DefaultIncome, Enrollments: []registry.Enrollment{e}}
	}
	pay := func(month string, participants int64, billed, paid domain.Rupiah, paidOn string) contributions.Contribution {
		c := contributions.Contribution{CoverageMonth: mustMonthP(month), Paid: paid, PaidOn: date(paidOn)}
		if participants > 0 {
			c.Participants, c.Billed = &participants, &billed
		}
		return c
	}
	claim := func(no string, worker int64, typ domain.ClaimType, incident, paid string, amount domain.Rupiah, status domain.ClaimStatus) claims.Claim {
		c := claims.Claim{No: no, WorkerID: worker, Type: typ, IncidentOn: date(incident), Amount: amount, Status: status}
		if paid != "" {
			c.PaidOn = date(paid)
		}
		return c
	}
	return demo.Bulk{
		Pemda: "3672",
		Workers: []registry.Worker{
			worker(1, "3672040101800001", "nelayan", kepuh, "2020-06-01", "", domain.StatusActive),
			worker(2, "3672040202700002", "nelayan", kepuh, "2020-06-01", "2020-10-20", domain.StatusDeceased),
			worker(3, "3672040303900003", "nelayan", kepuh, "2020-11-01", "", domain.StatusActive),
			worker(4, "3672030404650004", "rt_rw", lebakgede, "2023-01-01", "2024-03-10", domain.StatusDeceased),
			worker(5, "3672030505700005", "rt_rw", lebakgede, "2024-04-01", "", domain.StatusActive),
			worker(6, "3672034606850006", "kader", lebakgede, "2024-01-01", "2024-06-30", domain.StatusInactive),
		},
		Contributions: []contributions.Contribution{
			// The reduced rate: 2 workers × Rp 168.
			pay("2020-08", 2, 336, 336, "2020-09-10"),
			pay("2020-09", 2, 336, 336, "2020-10-12"),
			pay("2020-10", 2, 336, 336, "2020-11-10"),
			// BPJS still bills W2, who died in October.
			pay("2020-11", 3, 504, 504, "2020-12-10"),
			// Paid after the 15th of January: late, and in the next year.
			pay("2020-12", 2, 336, 336, "2021-01-20"),
			pay("2021-01", 2, 336, 336, "2021-02-10"),
			pay("2021-02", 2, 33_600, 33_600, "2021-03-10"),
			// December's iuran paid in January.
			pay("2023-12", 3, 50_400, 50_400, "2024-01-10"),
			pay("2024-01", 4, 67_200, 67_200, "2024-02-12"),
			pay("2024-02", 4, 67_200, 67_200, "2024-03-11"),
			pay("2024-03", 4, 67_200, 67_200, "2024-04-10"),
			pay("2024-04", 4, 67_200, 67_200, "2024-05-10"),
			pay("2024-05", 4, 67_200, 67_200, "2024-06-10"),
			pay("2024-06", 4, 67_200, 67_200, "2024-07-10"),
			// W6 left at the end of June but is billed in July; W4 and W6 in August.
			pay("2024-07", 4, 67_200, 67_200, "2024-08-12"),
			pay("2024-08", 5, 84_000, 84_000, "2024-09-10"),
			pay("2024-09", 3, 50_400, 50_400, "2024-10-10"),
		},
		Claims: []claims.Claim{
			claim("C1", 2, domain.ClaimJKM, "2020-10-20", "2020-11-25", 42_000_000, domain.ClaimPaid),
			claim("C2", 4, domain.ClaimJKM, "2024-03-10", "2024-04-02", 42_000_000, domain.ClaimPaid),
			claim("C3", 1, domain.ClaimJKKCare, "2023-12-20", "2024-01-15", 5_000_000, domain.ClaimPaid),
			claim("C4", 6, domain.ClaimJKM, "2024-08-01", "", 42_000_000, domain.ClaimRejected),
			claim("C5", 1, domain.ClaimJKKCare, "2024-02-05", "", 3_000_000, domain.ClaimProcessing),
			claim("C6", 2, domain.ClaimScholarship, "2020-10-20", "2024-07-22", 3_000_000, domain.ClaimPaid),
			claim("C7", 3, domain.ClaimJKKDisability, "2024-11-05", "", 10_000_000, domain.ClaimSubmitted),
		},
		Budgets: []analysis.Budget{
			{FiscalYear: 2024, Revision: 0, Label: "APBD Murni 2024", Ceiling: 800_000, Document: "DPA 2024"},
			{FiscalYear: 2024, Revision: 1, Label: "APBD Perubahan 2024", Ceiling: 700_000, Document: "DPPA 2024"},
		},
		Targets: []analysis.Target{
			{Year: 2024, CategoryCode: "nelayan", Workers: 4},
			{Year: 2024, CategoryCode: "rt_rw", Workers: 2},
			{Year: 2024, CategoryCode: "kader", Workers: 1},
			{Year: 2024, CategoryCode: "rt_rw", KelurahanCode: lebakgede, Workers: 2},
			{Year: 2024, CategoryCode: "rt_rw", KelurahanCode: kepuh, Workers: 1},
		},
		Workforce: []analysis.Workforce{
			{Year: 2024, Workforce: 1000, WorkforceSource: "BPS", Protected: 400, ProtectedSource: "BPJS", TargetPermille: 500},
		},
	}
}

func mustMonthP(s string) domain.Month {
	m, err := domain.ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}

// loadAnalysis is a fresh database holding analysisProgram.
func loadAnalysis(t *testing.T) *database.DB {
	t.Helper()
	db := pgdev.New(t)
	if err := demo.LoadBulk(context.Background(), db, testActor, analysisProgram()); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestClaimSummary(t *testing.T) {
	ctx := context.Background()
	db := loadAnalysis(t)
	type tally struct {
		count  int64
		amount domain.Rupiah
	}
	tests := []struct {
		period   string
		basis    domain.Basis
		paid     []tally // JKM, JKK meninggal, JKK cacat, JKK perawatan, beasiswa
		pending  tally
		rejected tally
	}{
		// Cash: C3 (December's accident) was paid in January; the
		// scholarship of 2020's death in July.
		{"2024", domain.BasisCash, []tally{{1, 42_000_000}, {}, {}, {1, 5_000_000}, {1, 3_000_000}}, tally{2, 13_000_000}, tally{1, 42_000_000}},
		// Accrual: only C2 happened in 2024 and was paid.
		{"2024", domain.BasisAccrual, []tally{{1, 42_000_000}, {}, {}, {}, {}}, tally{2, 13_000_000}, tally{1, 42_000_000}},
		// At the end of March only C5 had happened and was pending.
		{"2024-Q1", domain.BasisCash, []tally{{}, {}, {}, {1, 5_000_000}, {}}, tally{1, 3_000_000}, tally{}},
		{"2023", domain.BasisAccrual, []tally{{}, {}, {}, {1, 5_000_000}, {}}, tally{}, tally{}},
		{"2020", domain.BasisCash, []tally{{1, 42_000_000}, {}, {}, {}, {}}, tally{}, tally{}},
	}
	for _, tt := range tests {
		s, err := analysisOf(db).ClaimSummary(ctx, "3672", mustPeriod(t, tt.period), tt.basis)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Paid) != 5 {
			t.Fatalf("%s %s: %d paid tallies, want all five types", tt.period, tt.basis, len(s.Paid))
		}
		for i, want := range tt.paid {
			if got := s.Paid[i]; got.Type != domain.ClaimTypes[i] || got.Count != want.count || got.Amount != want.amount {
				t.Errorf("%s %s: paid %s = %d/%d, want %d/%d", tt.period, tt.basis, domain.ClaimTypes[i], got.Count, got.Amount, want.count, want.amount)
			}
		}
		if p := s.PendingTotal(); p.Count != tt.pending.count || p.Amount != tt.pending.amount {
			t.Errorf("%s %s: pending %+v, want %+v", tt.period, tt.basis, p, tt.pending)
		}
		if s.Rejected.Count != tt.rejected.count || s.Rejected.Amount != tt.rejected.amount {
			t.Errorf("%s %s: rejected %+v, want %+v", tt.period, tt.basis, s.Rejected, tt.rejected)
		}
	}
	s, _ := analysisOf(db).ClaimSummary(ctx, "3672", mustPeriod(t, "2024"), domain.BasisCash)
	if len(s.Pending) != 2 || s.Pending[0].Type != domain.ClaimJKKDisability || s.Pending[0].Status != domain.ClaimSubmitted ||
		s.Pending[1].Type != domain.ClaimJKKCare || s.Pending[1].Status != domain.ClaimProcessing {
		t.Errorf("pending by type and status: %+v", s.Pending)
	}
	other, err := analysisOf(db).ClaimSummary(ctx, "3604", mustPeriod(t, "2024"), domain.BasisCash)
	if err != nil || other.PaidTotal().Count != 0 || other.PendingTotal().Count != 0 {
		t.Errorf("another Pemda sees %+v, %v", other, err)
	}
}

func TestBalanceReport(t *testing.T) {
	ctx := context.Background()
	db := loadAnalysis(t)
	r, err := analysisOf(db).BalanceView(ctx, "3672", mustPeriod(t, "2024"), domain.BasisCash, domain.ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	// Paid in 2024: December 2023's iuran (Rp 50.400), January–August's
	// (7 × 67.200 + 67.200), August's (84.000) and September's (50.400).
	if r.Balance.ContributionsPaid != 655_200 || r.Balance.ClaimsPaid != 50_000_000 || r.Balance.ClaimsCount != 3 {
		t.Errorf("2024 cash balance %+v", r.Balance)
	}
	if r.YearEarlier.Period.String() != "2023" || r.YearEarlier.ContributionsPaid != 0 || r.ContributionChange().Label() != "–" {
		t.Errorf("year earlier %+v", r.YearEarlier)
	}
	// Before 2024: Rp 1.512 paid in 2020 and Rp 34.272 in 2021, less the JKM of 2020.
	if r.Opening != 35_784-42_000_000 {
		t.Errorf("opening saldo %d", r.Opening)
	}
	if r.Closing() != -91_309_016 {
		t.Errorf("closing saldo %d", r.Closing())
	}
	var iuran []domain.Rupiah
	for _, b := range r.Series {
		iuran = append(iuran, b.ContributionsPaid)
	}
	want := []domain.Rupiah{50_400, 67_200, 67_200, 67_200, 67_200, 67_200, 67_200, 67_200, 84_000, 50_400, 0, 0}
	if !equal(iuran, want) {
		t.Errorf("monthly iuran %v, want %v", iuran, want)
	}
	cum := r.Cumulative()
	if cum[0] != r.Opening+50_400-5_000_000 || cum[11] != r.Closing() {
		t.Errorf("cumulative saldo %v", cum)
	}

	// Accrual by quarter: the coverage months of 2024 and the claims that happened in them.
	r, err = analysisOf(db).BalanceView(ctx, "3672", mustPeriod(t, "2024"), domain.BasisAccrual, domain.ByQuarter)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Series) != 4 || r.Series[0].ContributionsPaid != 201_600 || r.Series[0].ClaimsPaid != 42_000_000 ||
		r.Series[2].ContributionsPaid != 201_600 || r.Series[3].ContributionsPaid != 0 {
		t.Errorf("accrual quarters %+v", r.Series)
	}
	if r.Balance.ContributionsPaid != 604_800 || r.Balance.ClaimsPaid != 42_000_000 {
		t.Errorf("2024 accrual %+v", r.Balance)
	}
	// Before 2024 on accrual: coverage months of 2020–2021 and 2023-12; claims
	// of 2020 (C1, and the scholarship C6 dated by the death) and C3 of December 2023.
	if r.Opening != 35_784+50_400-42_000_000-3_000_000-5_000_000 {
		t.Errorf("accrual opening %d", r.Opening)
	}

	// A year boundary in a range: November 2023–February 2024, cash.
	r, err = analysisOf(db).BalanceView(ctx, "3672", mustPeriod(t, "2023-11..2024-02"), domain.BasisCash, domain.ByYear)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Series) != 2 || r.Series[0].ContributionsPaid != 0 || r.Series[1].ContributionsPaid != 117_600 || r.Series[1].Period.Kind != domain.PeriodRange {
		t.Errorf("split by year across the boundary %+v", r.Series)
	}
	if r.YearEarlier.Period.String() != "2022-11..2023-02" {
		t.Errorf("year earlier of a range %s", r.YearEarlier.Period)
	}
}
