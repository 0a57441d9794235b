package laporan

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/settings"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

var actor = domain.OperatorActor(domain.DefaultPemda, "test")

// approvedReport stores a report on January–July 2024 and walks it to approval.
func approvedReport(t *testing.T, db *store) (Report, Change) {
	t.Helper()
	ctx := context.Background()
	mk := func(name string, role domain.Role) Change {
		u := domain.User{Pemda: "3672", Username: name, FullName: name, Role: role, Active: true}
		if role == domain.RoleDisnaker { // the signer
			u.Position, u.Rank, u.NIP, u.Signatory = "Kepala Dinas Tenaga Kerja Kota Cilegon", "Pembina Utama Muda (IV/c)", "196805121994031007", true
		}
		u, err := auth.NewService(db.DB).CreateUserWithHash(ctx, actor, u, "x")
		if err != nil {
			t.Fatal(err)
		}
		return Change{Actor: domain.ActorFor(u, "", ""), Role: role}
	}
	writer, reviewer := mk("rina", domain.RoleDisnaker), mk("dedi", domain.RoleBPJS)
	p, _ := domain.PeriodFromTo("2024-01", "2024-07")
	id, err := db.createReport(ctx, writer, Content{Title: "Laporan", Period: p, Basis: domain.BasisCash,
		Meeting:   Meeting{On: domain.Date(2024, time.July, 17), Place: "Zuka Resto Iga Konro"},
		Attendees: []Attendee{{Name: "Rina"}}, Background: "a", Findings: "b", Recommendations: "1. c"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		ch   Change
		step Step
	}{{writer, StepSubmit}, {reviewer, StepReview}, {reviewer, StepApprove}} {
		if _, err := db.stepReport(ctx, s.ch, id, s.step); err != nil {
			t.Fatal(err)
		}
	}
	r, err := db.report(ctx, "3672", id)
	if err != nil {
		t.Fatal(err)
	}
	r.Signature = Signature{UserID: writer.Actor.UserID, Name: "Drs. H. Ahmad Suhendi, M.Si.", Position: "Kepala Dinas",
		Rank: "Pembina Utama Muda (IV/c)", NIP: "196805121994031007", Place: "Cilegon", On: domain.Date(2024, time.July, 31)}
	return r, writer
}

// TestSnapshotSurvivesTheDatabase freezes a report, stores it as jsonb
// (which reorders keys) and checks that the checksum still holds, and that
// tampering with the figures or the text is caught.
func TestSnapshotSurvivesTheDatabase(t *testing.T) {
	ctx := context.Background()
	db := &store{pgdev.New(t)}
	r, signer := approvedReport(t, db)
	f, err := (&Service{db: db, analysis: analysisOf(db)}).Figures(ctx, "3672", r.Period, r.Basis, r.Signature.On)
	if err != nil {
		t.Fatal(err)
	}
	snap, sum, err := Freeze(r, f, nil)
	if err != nil {
		t.Fatal(err)
	}
	again, sum2, _ := Freeze(r, f, nil)
	if sum != sum2 || string(snap) != string(again) || len(sum) != 64 {
		t.Fatalf("freezing twice differs: %s %s", sum, sum2)
	}
	if err := db.signReport(ctx, signer, r.ID, r.Signature, snap, sum); err != nil {
		t.Fatal(err)
	}
	stored, err := db.report(ctx, "3672", r.ID)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(stored)
	if err != nil {
		t.Fatalf("open the stored snapshot: %v", err)
	}
	if s.Report.Signature == nil || s.Report.Signature.NIP != r.Signature.NIP || s.Figures.Period != "2024-01..2024-07" {
		t.Errorf("snapshot %+v", s.Report)
	}

	tamper := func(sql string) error {
		t.Helper()
		if _, err := db.Pool().Exec(ctx, sql, r.ID); err != nil {
			t.Fatal(err)
		}
		got, err := db.report(ctx, "3672", r.ID)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Open(got)
		return err
	}
	if err := tamper(`UPDATE report SET title = 'Laporan lain' WHERE id = $1`); !errors.Is(err, ErrTampered) {
		t.Errorf("changed title: %v", err)
	}
	if err := tamper(`UPDATE report SET title = 'Laporan', snapshot = jsonb_set(snapshot, '{figures,balance,claims_paid}', '1') WHERE id = $1`); !errors.Is(err, ErrTampered) {
		t.Errorf("changed figure: %v", err)
	}
}

// TestFiguresFollowTheData shows that the figures come from the data: a
// payment entered after signing changes the live figures, not the frozen
// ones, and the comparison names it.
func TestFiguresFollowTheData(t *testing.T) {
	ctx := context.Background()
	db := &store{pgdev.New(t)}
	p, _ := domain.PeriodFromTo("2024-01", "2024-07")
	asOf := domain.Date(2024, time.July, 31)
	signed, err := (&Service{db: db, analysis: analysisOf(db)}).Figures(ctx, "3672", p, domain.BasisCash, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if signed.Balance.Contributions != 0 || len(signed.Series) != 7 || len(signed.Reconciliation) != 7 || len(signed.Coverage) == 0 {
		t.Fatalf("figures of an empty programme %+v", signed.Balance)
	}
	if _, err := contributions.NewService(db.DB, settings.NewService(db.DB)).CreateContribution(ctx, actor, contributions.Contribution{CoverageMonth: domain.NewMonth(2024, time.March),
		Paid: 16_800_000, PaidOn: domain.Date(2024, time.April, 10), SP2D: "0001/SP2D"}); err != nil {
		t.Fatal(err)
	}
	now, err := (&Service{db: db, analysis: analysisOf(db)}).Figures(ctx, "3672", p, domain.BasisCash, asOf)
	if err != nil {
		t.Fatal(err)
	}
	changes := CompareFigures(signed, now)
	found := map[string]FigureChange{}
	for _, c := range changes {
		found[c.Label] = c
	}
	if c := found["Iuran dibayar"]; c.Old != "Rp 0" || c.New != "Rp 16.800.000" {
		t.Errorf("Iuran dibayar change %+v in %+v", c, changes)
	}
	if c := found["Iuran April 2024"]; c.New != "Rp 16.800.000" {
		t.Errorf("monthly change %+v", c)
	}
	if c := found["Dibayar untuk kepesertaan Maret 2024"]; c.New != "Rp 16.800.000" {
		t.Errorf("reconciliation change %+v", c)
	}
}

func analysisOf(db *store) *analysis.Service {
	return analysis.NewService(db.DB, settings.NewService(db.DB), contributions.NewService(db.DB, settings.NewService(db.DB)))
}
