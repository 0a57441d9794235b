package sheet_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/registry"
)

var formats = []string{"csv", "xlsx"}

// sampleWorkers are workers with one spell each, including values a
// spreadsheet could mangle: leading zeros, text that looks like a formula.
func sampleWorkers() []registry.Worker {
	end2023, died := day(2023, 12, 31), day(2024, 5, 3)
	return []registry.Worker{
		{NIK: nikWoman, Name: "Siti Aminah", BirthDate: day(1990, 7, 17), Sex: domain.SexFemale, CategoryCode: "kader",
			KelurahanCode: "36.72.04.1005", KPJ: "09876543210", Income: domain.DefaultIncome, Address: "=Jl. Mawar, RT 1",
			Phone: "+6281234567890", Enrollments: []registry.Enrollment{{Start: day(2024, 1, 1), Status: domain.StatusActive}}},
		{NIK: nikMan, Name: "Ahmad Fauzi", CategoryCode: "rt_rw", KelurahanCode: "36.72.03.1002", Income: 2_500_000,
			Enrollments: []registry.Enrollment{{Start: day(2023, 1, 1), End: &end2023, Status: domain.StatusInactive}}},
		{NIK: nikMan, Name: "Ahmad Fauzi", Sex: domain.SexMale, CategoryCode: "rt_rw", KelurahanCode: "36.72.06.1002",
			Income: domain.DefaultIncome, Address: `Blok "A" -1`, Phone: "081234567890",
			Enrollments: []registry.Enrollment{{Start: day(2024, 2, 1), End: &died, Status: domain.StatusDeceased}}},
	}
}

func sampleContributions() []contributions.Contribution {
	n, billed := int64(4143), domain.Rupiah(69_602_400)
	return []contributions.Contribution{
		{CoverageMonth: domain.NewMonth(2024, 1), Participants: &n, Billed: &billed, Paid: 69_602_400,
			PaidOn: day(2024, 2, 15), SP2D: "-0123/SP2D/LS/2024", Note: `Iuran "Januari", lunas`},
		{CoverageMonth: domain.NewMonth(2024, 2), Paid: 0, PaidOn: day(2024, 3, 14)},
	}
}

func sampleClaims() []claims.Claim {
	return []claims.Claim{
		{No: "KLM-001", NIK: nikMan, Type: domain.ClaimJKM, IncidentOn: day(2024, 5, 3), SubmittedOn: day(2024, 5, 10),
			PaidOn: day(2024, 5, 24), Amount: 42_000_000, Status: domain.ClaimPaid, Beneficiary: "Budi Santoso", Note: "@lunas"},
		{NIK: nikWoman, Type: domain.ClaimJKKCare, IncidentOn: day(2024, 6, 12), Amount: 3_500_000,
			Status: domain.ClaimProcessing, Note: "Perawatan\tRSUD"},
	}
}

func TestRoundTrip(t *testing.T) {
	roundTrip(t, kinds.Workers, sampleWorkers(), func(e *exporter, w registry.Worker) error {
		return e.Worker(w, w.Enrollments[0], string(w.NIK))
	})
	roundTrip(t, kinds.Contributions, sampleContributions(), (*exporter).Contribution)
	roundTrip(t, kinds.Claims, sampleClaims(), func(e *exporter, c claims.Claim) error {
		return e.Claim(c, string(c.NIK))
	})
}

// roundTrip exports want in both formats, decodes the files and expects want again.
func roundTrip[T any](t *testing.T, kind kind, want []T, write func(*exporter, T) error) {
	for _, format := range formats {
		t.Run(string(kind)+" "+format, func(t *testing.T) {
			data := export(t, kind, format, func(e *exporter) error {
				for _, v := range want {
					if err := write(e, v); err != nil {
						return err
					}
				}
				return nil
			})
			r := decode(t, data, kind)
			got, _ := values[T](r)
			checkClean(t, r, len(got), len(want))
			for i := range got {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("row %d:\n got %+v\nwant %+v", i+2, got[i], want[i])
				}
			}
		})
	}
}

// export writes a file of kind with the rows that write adds.
func export(t *testing.T, kind kind, format string, write func(*exporter) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	e, err := newExporter(&buf, kind, format, testRef())
	if err != nil {
		t.Fatal(err)
	}
	if err := write(e); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
