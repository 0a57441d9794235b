package contributions_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/domain/domaintest"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/registry/registrytest"
	"github.com/cilegon/monev/internal/settings"
)

func int64Ptr(n int64) *int64 { return &n }

func TestContributionsListRefusalsAndAudit(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	payments := []contributions.Contribution{
		{CoverageMonth: mustMonth(t, "2024-01"), Participants: int64Ptr(4143), Billed: rupiahPtr(69_602_400), Paid: 69_602_400,
			PaidOn: date("2024-02-15"), SP2D: "0123/SP2D/LS/2024", Note: "Iuran Januari"},
		{CoverageMonth: mustMonth(t, "2024-02"), Paid: 69_720_000, PaidOn: date("2024-03-14"), SP2D: "0187/SP2D/LS/2024"},
		{CoverageMonth: mustMonth(t, "2024-03"), Paid: 70_000_000, PaidOn: date("2024-04-15")},
	}
	ids := make([]int64, len(payments))
	for i, c := range payments {
		got, err := contributions.NewService(db, settings.NewService(db)).CreateContribution(ctx, testActor, c)
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = got.ID
	}
	// One SP2D may pay another month; the same month and SP2D is a duplicate.
	again := payments[0]
	again.CoverageMonth = mustMonth(t, "2023-12")
	if _, err := contributions.NewService(db, settings.NewService(db)).CreateContribution(ctx, testActor, again); err != nil {
		t.Errorf("the same SP2D for another month: %v", err)
	}
	if f, msg := domaintest.ConflictField(t, domaintest.ErrOf(contributions.NewService(db, settings.NewService(db)).CreateContribution(ctx, testActor, payments[0]))); f != "no_sp2d" ||
		msg != "pembayaran iuran 01/2024 dengan SP2D 0123/SP2D/LS/2024 sudah tercatat" {
		t.Errorf("duplicate SP2D: %s: %q", f, msg)
	}
	if f, msg := domaintest.ConflictField(t, domaintest.ErrOf(contributions.NewService(db, settings.NewService(db)).CreateContribution(ctx, testActor, payments[2]))); f != "dibayar" || !strings.Contains(msg, "tanpa SP2D") {
		t.Errorf("duplicate payment without SP2D: %s: %q", f, msg)
	}

	months := func(cs []contributions.Contribution) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.CoverageMonth.String())
		}
		return out
	}
	tests := []struct {
		name string
		f    contributions.ContributionFilter
		want []string
		paid domain.Rupiah
	}{
		{"all, newest month first", contributions.ContributionFilter{Desc: true}, []string{"2024-03", "2024-02", "2024-01", "2023-12"}, 278_924_800},
		{"coverage months", contributions.ContributionFilter{From: mustMonth(t, "2024-01"), To: mustMonth(t, "2024-02")}, []string{"2024-01", "2024-02"}, 139_322_400},
		{"payment dates", contributions.ContributionFilter{PaidFrom: date("2024-03-01"), PaidTo: date("2024-04-30")}, []string{"2024-02", "2024-03"}, 139_720_000},
		{"SP2D part", contributions.ContributionFilter{Text: "0187/sp2d"}, []string{"2024-02"}, 69_720_000},
		{"by amount paid", contributions.ContributionFilter{Sort: "paid", Desc: true}, []string{"2024-03", "2024-02", "2023-12", "2024-01"}, 278_924_800},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, totals, err := contributions.NewService(db, settings.NewService(db)).Contributions(ctx, "3672", tt.f, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			if got := months(cs); !slices.Equal(got, tt.want) || totals.Count != int64(len(tt.want)) || totals.Paid != tt.paid {
				t.Errorf("got %q, %+v; want %q, paid %v", got, totals, tt.want, tt.paid)
			}
		})
	}
	cs, totals, _ := contributions.NewService(db, settings.NewService(db)).Contributions(ctx, "3672", contributions.ContributionFilter{From: mustMonth(t, "2024-01"), To: mustMonth(t, "2024-01")}, 0, 50)
	if len(cs) != 1 || *cs[0].Participants != 4143 || *cs[0].Billed != 69_602_400 || totals.Billed != 69_602_400 || totals.BilledCount != 1 {
		t.Errorf("January: %+v, %+v", cs, totals)
	}

	c, err := contributions.NewService(db, settings.NewService(db)).Contribution(ctx, "3672", ids[1])
	if err != nil {
		t.Fatal(err)
	}
	c.Paid, c.Note = 69_000_000, "dikoreksi"
	if _, err := contributions.NewService(db, settings.NewService(db)).UpdateContribution(ctx, testActor, c); err != nil {
		t.Fatal(err)
	}
	if err := contributions.NewService(db, settings.NewService(db)).DeleteContribution(ctx, testActor, ids[2]); err != nil {
		t.Fatal(err)
	}
	a := registrytest.AuditRows(t, db)
	n := len(a)
	if a[n-2].Action != "update" || a[n-2].Old["paid"] != float64(69_720_000) || a[n-2].New["paid"] != float64(69_000_000) ||
		a[n-2].New["note"] != "dikoreksi" || a[n-1].Action != "delete" || a[n-1].Old["coverage_month"] != "2024-03-01" || a[n-1].New != nil {
		t.Errorf("audit: %+v", a[n-2:])
	}
	var exported []string
	err = contributions.NewService(db, settings.NewService(db)).EachContribution(ctx, "3672", contributions.ContributionFilter{}, func(c contributions.Contribution) error {
		exported = append(exported, c.CoverageMonth.String()+" "+c.SP2D)
		return nil
	})
	if want := []string{"2023-12 0123/SP2D/LS/2024", "2024-01 0123/SP2D/LS/2024", "2024-02 0187/SP2D/LS/2024"}; err != nil || !slices.Equal(exported, want) {
		t.Errorf("export %q, %v; want %q", exported, err, want)
	}
}

// analysisOf is the analysis service of a test's database.
func analysisOf(db *database.DB) *analysis.Service {
	return analysis.NewService(db, settings.NewService(db), contributions.NewService(db, settings.NewService(db)))
}
