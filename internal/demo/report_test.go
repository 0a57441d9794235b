package demo

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/settings"
)

// TestDemoJulyReport checks the July 2024 monev report: final, signed by
// the Kepala Dinas, its history dated around the meeting, and its frozen
// figures the meeting's own, matching the data.
func TestDemoJulyReport(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	if err := Load(ctx, db, testActor); err != nil {
		t.Fatal(err)
	}
	list, err := demoReports(db).Reports(ctx, domain.DefaultPemda)
	if err != nil || len(list) != 2 {
		t.Fatalf("reports %+v %v", list, err)
	}
	finals, _ := demoReports(db).Reports(ctx, domain.DefaultPemda, laporan.Final)
	if len(finals) != 1 || finals[0].Period.String() != "2024-01..2024-07" {
		t.Fatalf("final reports %+v", finals)
	}
	r, err := demoReports(db).Report(ctx, domain.DefaultPemda, finals[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Meeting.Place != "Zuka Resto Iga Konro, Cilegon" || !r.Meeting.On.Equal(domain.Date(2024, time.July, 17)) {
		t.Errorf("meeting %+v", r.Meeting)
	}
	if r.Signature.NIP != "196805121994031007" || r.Signature.Rank == "" || !r.Signature.On.Equal(domain.Date(2024, time.July, 31)) {
		t.Errorf("signature %+v", r.Signature)
	}
	if n := len(laporan.ListItems(r.Aims)); n != 3 {
		t.Errorf("%d aims", n)
	}
	for _, want := range []string{"Rp 480.457.660", "Rp 790.000.000", "−Rp 309.542.340", "164,4 %"} {
		if !strings.Contains(r.Findings, want) {
			t.Errorf("findings lack %s:\n%s", want, r.Findings)
		}
	}
	if r.Budget == nil || r.Budget.Year != 2025 || r.Budget.Workers() != 1100 || r.Budget.Total() != 221_760_000 ||
		!strings.Contains(r.Recommendations, "Rp 221.760.000") {
		t.Errorf("budget %+v\n%s", r.Budget, r.Recommendations)
	}
	for _, want := range []string{"UMKM", "marbot", "tukang parkir", "ojek", "buruh serabutan", "APBD Tahun Anggaran 2025"} {
		if !strings.Contains(r.Recommendations+r.Budget.Name, want) {
			t.Errorf("recommendations lack %q", want)
		}
	}
	snap, err := laporan.Open(r)
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	if snap.Figures.Balance.Contributions != 480_457_660 || snap.Figures.Balance.Claims != 790_000_000 {
		t.Errorf("frozen balance %+v", snap.Figures.Balance)
	}
	live, err := demoReports(db).Figures(ctx, domain.DefaultPemda, r.Period, r.Basis, r.Signature.On)
	if err != nil {
		t.Fatal(err)
	}
	if d := laporan.CompareFigures(snap.Figures, live); len(d) != 0 {
		t.Errorf("the demo's data differs from its signed report: %+v", d)
	}
	events, err := demoReports(db).Events(ctx, domain.DefaultPemda, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, e := range events {
		steps = append(steps, e.Action+"@"+e.Username)
		if e.At.Before(time.Date(2024, time.July, 17, 0, 0, 0, 0, time.UTC)) || e.At.After(time.Date(2024, time.August, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("event %s at %s, not in late July 2024", e.Action, e.At)
		}
	}
	want := "create@disnaker budget@disnaker submit@disnaker review@bpjs return@bpjs update@disnaker submit@disnaker review@bpjs approve@bpjs sign@kadis"
	if got := strings.Join(steps, " "); got != want {
		t.Errorf("history\n%s\nwant\n%s", got, want)
	}
	cs, _ := demoReports(db).Comments(ctx, domain.DefaultPemda, r.ID)
	if th := laporan.Threads(cs); len(th) != 1 || len(th[0].Replies) != 1 || !th[0].Resolved {
		t.Errorf("review threads %+v", th)
	}
}

// demoReports is the report service of a test's database.
func demoReports(db *database.DB) *laporan.Service {
	return laporan.NewService(db, analysis.NewService(db, settings.NewService(db), contributions.NewService(db, settings.NewService(db))))
}
