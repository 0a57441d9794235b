package laporan

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/settings"
)

// reportUsers creates a writer, a reviewer and a signer.
func reportUsers(t *testing.T, db *store) (writer, reviewer, signer Change) {
	t.Helper()
	mk := func(name string, role domain.Role) Change {
		u, err := auth.NewService(db.DB).CreateUserWithHash(context.Background(), testActor, domain.User{Pemda: "3672", Username: name, FullName: name,
			Role: role, Active: true}, "hash")
		if err != nil {
			t.Fatal(err)
		}
		return Change{Actor: domain.ActorFor(u, "", ""), Role: role}
	}
	return mk("rina", domain.RoleDisnaker), mk("dedi", domain.RoleBPJS), mk("kadis", domain.RoleDisnaker)
}

func sampleContent(t *testing.T) Content {
	return Content{
		Title: "Laporan Monev Januari–Juli 2024", Period: mustPeriod(t, "2024-01..2024-07"), Basis: domain.BasisCash,
		Meeting:    Meeting{On: date("2024-07-17"), Place: "Zuka Resto Iga Konro", OpenedBy: "Kepala Dinas"},
		Attendees:  []Attendee{{Name: "Rina", Position: "Analis", Institution: "Disnaker"}, {Name: "Dedi", Position: "Penata", Institution: "BPJS Ketenagakerjaan"}},
		LegalBasis: "1. UU 40/2004.", Background: "Latar", Findings: "Temuan", Recommendations: "1. Anggarkan.",
		Actions: []FollowUp{{Action: "Usulkan APBD 2025", Owner: "Disnaker", Due: date("2024-08-31")}, {Action: "Data", Owner: "BPJS"}},
	}
}

func TestReportLifecycle(t *testing.T) {
	ctx := context.Background()
	db := &store{pgdev.New(t)}
	writer, reviewer, signer := reportUsers(t, db)

	c := sampleContent(t)
	c.Findings = ""
	id, err := db.createReport(ctx, writer, c)
	if err != nil {
		t.Fatal(err)
	}
	r, err := db.report(ctx, "3672", id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != Draft || r.Title != c.Title || r.Period != c.Period || len(r.Attendees) != 2 ||
		r.Attendees[1].Institution != "BPJS Ketenagakerjaan" || len(r.Actions) != 2 || !r.Actions[0].Due.Equal(date("2024-08-31")) ||
		!r.Actions[1].Due.IsZero() || !r.Meeting.On.Equal(date("2024-07-17")) || r.CreatedBy != writer.Actor.UserID {
		t.Fatalf("stored report %+v", r)
	}

	// Submitting needs the findings.
	var fe domain.FieldErrors
	if _, err := db.stepReport(ctx, writer, id, StepSubmit); !errors.As(err, &fe) || fe["findings"] == "" {
		t.Fatalf("submit without findings: %v", err)
	}
	c = sampleContent(t)
	c.Attendees = c.Attendees[:1]
	if err := db.updateReport(ctx, writer, id, c); err != nil {
		t.Fatal(err)
	}
	// The wrong role, then the wrong order.
	if _, err := db.stepReport(ctx, reviewer, id, StepSubmit); !errors.Is(err, ErrStepNotAllowed) {
		t.Errorf("bpjs submits: %v", err)
	}
	if _, err := db.stepReport(ctx, reviewer, id, StepApprove); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("approve a draft: %v", err)
	}
	steps := []struct {
		ch   Change
		step Step
		want Status
	}{
		{writer, StepSubmit, Submitted},
		{reviewer, StepReview, InReview},
		{reviewer, StepReturn, Returned},
		{writer, StepSubmit, Submitted},
		{reviewer, StepReview, InReview},
		{reviewer, StepApprove, Approved},
	}
	for i, s := range steps {
		if s.step == StepReturn {
			s.ch.Note = "Lengkapi data klaim"
		}
		got, err := db.stepReport(ctx, s.ch, id, s.step)
		if err != nil || got != s.want {
			t.Fatalf("step %d %s: %s, %v", i, s.step, got, err)
		}
		if s.step == StepReview && i == 1 {
			// In review: the text is frozen for the reviewer.
			if err := db.updateReport(ctx, writer, id, c); !errors.Is(err, domain.ErrConflict) {
				t.Errorf("edit in review: %v", err)
			}
		}
	}
	if err := db.setReportBudget(ctx, writer, id, nil); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("budget after approval: %v", err)
	}
	if err := db.deleteReport(ctx, writer.Actor, id); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("delete an approved report: %v", err)
	}

	sig := Signature{UserID: signer.Actor.UserID, Name: "Drs. H. Ahmad Suhendi, M.Si.", Position: "Kepala Dinas",
		Rank: "Pembina Utama Muda (IV/c)", NIP: "196805121994031007", Place: "Cilegon", On: date("2024-07-31")}
	snap := []byte(`{"version":1,"figures":{"balance":{"claims_paid":790000000}}}`)
	sum := strings.Repeat("ab", 32)
	if err := db.signReport(ctx, reviewer, id, sig, snap, sum); !errors.Is(err, ErrStepNotAllowed) {
		t.Errorf("bpjs signs: %v", err)
	}
	if err := db.signReport(ctx, signer, id, sig, snap, sum); err != nil {
		t.Fatal(err)
	}
	r, err = db.report(ctx, "3672", id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != Final || r.Checksum != sum || r.Signature.NIP != sig.NIP || !r.Signature.On.Equal(sig.On) ||
		!strings.Contains(string(r.Snapshot), `"claims_paid": 790000000`) {
		t.Errorf("signed report %+v %s", r.Signature, r.Snapshot)
	}
	if err := db.signReport(ctx, signer, id, sig, snap, sum); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("sign twice: %v", err)
	}

	events, err := db.reportEvents(ctx, "3672", id)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range events {
		actions = append(actions, e.Action)
	}
	if got := strings.Join(actions, " "); got != "create update submit review return submit review approve sign" {
		t.Errorf("history: %s", got)
	}
	if e := events[4]; e.Note != "Lengkapi data klaim" || e.From != InReview || e.To != Returned || e.Username != "dedi" {
		t.Errorf("return event %+v", e)
	}
	if !strings.Contains(events[len(events)-1].Note, sum) {
		t.Errorf("the signing event does not name the checksum: %+v", events[len(events)-1])
	}
	var audited int
	if err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE entity = 'report' AND entity_id = $1::bigint::text`,
		r.ID).Scan(&audited); err != nil || audited != len(events) {
		t.Errorf("audit entries %d for %d events (%v)", audited, len(events), err)
	}

	list, err := db.reports(ctx, "3672", Final)
	if err != nil || len(list) != 1 || list[0].ID != id || list[0].Checksum != sum {
		t.Errorf("final reports %+v %v", list, err)
	}
	if list, _ := db.reports(ctx, "3672", Draft); len(list) != 0 {
		t.Errorf("drafts %+v", list)
	}
}

func TestReportComments(t *testing.T) {
	ctx := context.Background()
	db := &store{pgdev.New(t)}
	writer, reviewer, _ := reportUsers(t, db)
	id, err := db.createReport(ctx, writer, sampleContent(t))
	if err != nil {
		t.Fatal(err)
	}
	comment := Comment{ReportID: id, Section: "findings", Author: "Dedi", Body: "Angka klaim Juli belum termasuk."}
	if _, err := db.addReportComment(ctx, reviewer, comment); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("comment on a draft: %v", err)
	}
	for _, s := range []Step{StepSubmit, StepReview} {
		ch := writer
		if s == StepReview {
			ch = reviewer
		}
		if _, err := db.stepReport(ctx, ch, id, s); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2024, time.July, 22, 10, 0, 0, 0, time.UTC)
	reviewer.At = at
	first, err := db.addReportComment(ctx, reviewer, comment)
	if err != nil {
		t.Fatal(err)
	}
	bad := comment
	bad.Section = "nowhere"
	var ve *domain.ValueError
	if _, err := db.addReportComment(ctx, reviewer, bad); !errors.As(err, &ve) {
		t.Errorf("unknown section: %v", err)
	}
	reply := Comment{ReportID: id, ParentID: first, Section: "ignored", Author: "Rina", Body: "Sudah kami tambahkan."}
	second, err := db.addReportComment(ctx, writer, reply)
	if err != nil {
		t.Fatal(err)
	}
	// A reply to the reply joins the thread.
	reply.ParentID = second
	if _, err := db.addReportComment(ctx, reviewer, reply); err != nil {
		t.Fatal(err)
	}
	if err := db.resolveReportComment(ctx, reviewer.Actor, id, first); err != nil {
		t.Fatal(err)
	}
	if err := db.resolveReportComment(ctx, reviewer.Actor, id, second); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("resolve a reply: %v", err)
	}
	cs, err := db.reportComments(ctx, "3672", id)
	if err != nil {
		t.Fatal(err)
	}
	th := Threads(cs)
	if len(th) != 1 || !th[0].Resolved || !th[0].At.Equal(at) || th[0].AuthorRole != domain.RoleBPJS || len(th[0].Replies) != 2 ||
		th[0].Replies[0].Section != "findings" || th[0].Replies[1].ParentID != first {
		t.Errorf("threads %+v", th)
	}
	other, _ := db.createReport(ctx, writer, sampleContent(t))
	reply.ReportID, reply.ParentID = other, first
	if _, err := db.addReportComment(ctx, writer, reply); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("reply across reports: %v", err)
	}
}

func TestReportBudgetAndDelete(t *testing.T) {
	ctx := context.Background()
	db := &store{pgdev.New(t)}
	writer, _, _ := reportUsers(t, db)
	id, err := db.createReport(ctx, writer, sampleContent(t))
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewBudgetScenario(domain.DefaultBPURates(), "Pekerja rentan", 2025, 12, 1_000_000,
		[]BudgetLine{{Category: "umkm", Name: "Pelaku UMKM", Workers: 300}, {Category: "ojek", Name: "Ojek", Workers: 200}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.setReportBudget(ctx, writer, id, &s); err != nil {
		t.Fatal(err)
	}
	// Saving the text keeps the chosen scenario.
	if err := db.updateReport(ctx, writer, id, sampleContent(t)); err != nil {
		t.Fatal(err)
	}
	r, err := db.report(ctx, "3672", id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Budget == nil || r.Budget.Total() != 100_800_000 || r.Budget.Lines[1].Name != "Ojek" || r.Budget.Basis == "" {
		t.Fatalf("budget %+v", r.Budget)
	}
	if err := db.setReportBudget(ctx, writer, id, nil); err != nil {
		t.Fatal(err)
	}
	if r, _ := db.report(ctx, "3672", id); r.Budget != nil {
		t.Error("budget not removed")
	}
	if err := db.deleteReport(ctx, writer.Actor, id); err != nil {
		t.Fatal(err)
	}
	if _, err := db.report(ctx, "3672", id); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleted report: %v", err)
	}
	l, err := settings.NewService(db.DB).Letterhead(ctx, "3672")
	if err != nil || l.Government != "Pemerintah Kota Cilegon" || l.Office != "Dinas Tenaga Kerja" || l.City != "Cilegon" {
		t.Errorf("letterhead %+v %v", l, err)
	}
}
