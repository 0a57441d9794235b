package laporan_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
)

// TestReportWorkflow walks the whole table: every step from every status
// by every role, against the rules of the issue.
func TestReportWorkflow(t *testing.T) {
	type rule struct {
		from  []laporan.Status
		to    laporan.Status
		roles []domain.Role
	}
	want := map[laporan.Step]rule{
		laporan.StepSubmit: {[]laporan.Status{laporan.Draft, laporan.Returned}, laporan.Submitted,
			[]domain.Role{domain.RoleAdmin, domain.RoleDisnaker}},
		laporan.StepReview:  {[]laporan.Status{laporan.Submitted}, laporan.InReview, []domain.Role{domain.RoleBPJS}},
		laporan.StepReturn:  {[]laporan.Status{laporan.InReview}, laporan.Returned, []domain.Role{domain.RoleBPJS}},
		laporan.StepApprove: {[]laporan.Status{laporan.InReview}, laporan.Approved, []domain.Role{domain.RoleBPJS}},
		laporan.StepSign: {[]laporan.Status{laporan.Approved}, laporan.Final,
			[]domain.Role{domain.RoleAdmin, domain.RoleDisnaker}},
	}
	for _, step := range laporan.Steps {
		w := want[step]
		for _, from := range laporan.Statuses {
			for _, role := range domain.Roles {
				got, err := from.Apply(step, role)
				switch {
				case !slices.Contains(w.roles, role):
					if !errors.Is(err, laporan.ErrStepNotAllowed) {
						t.Errorf("%s %s by %s: err %v, want ErrStepNotAllowed", from, step, role, err)
					}
				case !slices.Contains(w.from, from):
					if !errors.Is(err, domain.ErrConflict) || got != from {
						t.Errorf("%s %s by %s: %s, %v; want a conflict", from, step, role, got, err)
					}
				case err != nil || got != w.to:
					t.Errorf("%s %s by %s: %s, %v; want %s", from, step, role, got, err, w.to)
				}
			}
		}
		if !slices.Equal(step.Roles(), w.roles) {
			t.Errorf("%s roles %v, want %v", step, step.Roles(), w.roles)
		}
	}
	if got := laporan.Final.Steps(domain.RoleAdmin); len(got) != 0 {
		t.Errorf("a final report offers steps %v", got)
	}
	if got := laporan.InReview.Steps(domain.RoleBPJS); !slices.Equal(got, []laporan.Step{laporan.StepReturn, laporan.StepApprove}) {
		t.Errorf("in review, bpjs may %v", got)
	}
}

func TestReportStatusRules(t *testing.T) {
	for _, s := range laporan.Statuses {
		if got, want := s.Editable(), s == laporan.Draft || s == laporan.Returned; got != want {
			t.Errorf("%s editable %v", s, got)
		}
		if got, want := s.VisibleTo(domain.RolePimpinan), s == laporan.Final; got != want {
			t.Errorf("%s visible to pimpinan %v", s, got)
		}
		if !s.VisibleTo(domain.RoleBPJS) || !s.VisibleTo(domain.RoleDisnaker) {
			t.Errorf("%s hidden from staff", s)
		}
		if s.Label() == "" || s.Label() == "–" {
			t.Errorf("%s has no label", s)
		}
		if got, err := laporan.ParseStatus(string(s)); err != nil || got != s {
			t.Errorf("ParseReportStatus(%s) = %s, %v", s, got, err)
		}
	}
	if _, err := laporan.ParseStatus("signed"); err == nil {
		t.Error("unknown status parsed")
	}
	if laporan.Draft.CanStartThread() || !laporan.InReview.CanStartThread() {
		t.Error("threads start only in review")
	}
	if laporan.Final.CanReply() || laporan.Draft.CanReply() || !laporan.Returned.CanReply() {
		t.Error("replies from submission until signing")
	}
}

func TestCanSign(t *testing.T) {
	kadis := domain.User{Role: domain.RoleDisnaker, Position: "Kepala Dinas Tenaga Kerja Kota Cilegon",
		Rank: "Pembina Utama Muda (IV/c)", NIP: "196805121994031007", Signatory: true}
	if err := laporan.CanSign(kadis); err != nil {
		t.Errorf("kadis: %v", err)
	}
	noNIP := kadis
	noNIP.NIP = "19680512"
	var fe domain.FieldErrors
	if err := laporan.CanSign(noNIP); !errors.As(err, &fe) || fe["nip"] == "" {
		t.Errorf("short NIP: %v", err)
	}
	bpjs := kadis
	bpjs.Role = domain.RoleBPJS
	if err := laporan.CanSign(bpjs); !errors.Is(err, laporan.ErrStepNotAllowed) {
		t.Errorf("bpjs signer: %v", err)
	}
}

func TestReportContentChecks(t *testing.T) {
	p, _ := domain.PeriodFromTo("2024-01", "2024-07")
	c := laporan.Content{Title: "Laporan", Period: p, Attendees: []laporan.Attendee{{Name: ""}},
		Actions: []laporan.FollowUp{{Owner: "Disnaker"}}}
	var fe domain.FieldErrors
	if err := c.Validate(); !errors.As(err, &fe) || fe["attendees"] == "" || fe["actions"] == "" {
		t.Errorf("Validate = %v", err)
	}
	if err := (laporan.Content{}).Validate(); !errors.As(err, &fe) || fe["title"] == "" || fe["period"] == "" {
		t.Errorf("empty: %v", err)
	}
	c = laporan.Content{Title: "Laporan", Period: p}
	if err := c.ReadyToSubmit(); !errors.As(err, &fe) || fe["meeting_on"] == "" || fe["findings"] == "" {
		t.Errorf("ReadyToSubmit = %v", err)
	}
	c.Meeting = laporan.Meeting{On: domain.Date(2024, time.July, 17), Place: "Zuka Resto"}
	c.Attendees = []laporan.Attendee{{Name: "A"}}
	c.Background, c.Findings, c.Recommendations = "a", "b", "c"
	if err := c.ReadyToSubmit(); err != nil {
		t.Errorf("complete report: %v", err)
	}
}

func TestThreads(t *testing.T) {
	cs := []laporan.Comment{
		{ID: 1, Section: "recommendations", Body: "a"},
		{ID: 2, Section: "findings", Body: "b"},
		{ID: 3, ParentID: 1, Body: "reply"},
	}
	th := laporan.Threads(cs)
	if len(th) != 2 || th[0].ID != 2 || th[1].ID != 1 || len(th[1].Replies) != 1 || th[1].Replies[0].ID != 3 {
		t.Errorf("Threads = %+v", th)
	}
	for _, s := range laporan.Sections {
		if laporan.SectionTitle(s.Key) != s.Title {
			t.Errorf("section %s", s.Key)
		}
	}
}

func TestTextBlocks(t *testing.T) {
	text := "Paragraf pertama\nberlanjut.\n\n1. Satu\n2. Dua\n   lanjutan dua\n- butir\n\nPenutup."
	got := laporan.TextBlocks(text)
	want := []laporan.TextBlock{
		{Items: []string{"Paragraf pertama berlanjut."}},
		{List: true, Ordered: true, Items: []string{"Satu", "Dua lanjutan dua"}},
		{List: true, Items: []string{"butir"}},
		{Items: []string{"Penutup."}},
	}
	if len(got) != len(want) {
		t.Fatalf("TextBlocks = %+v", got)
	}
	for i := range want {
		if got[i].List != want[i].List || got[i].Ordered != want[i].Ordered || !slices.Equal(got[i].Items, want[i].Items) {
			t.Errorf("block %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if items := laporan.ListItems(text); !slices.Equal(items, []string{"Satu", "Dua lanjutan dua", "butir"}) {
		t.Errorf("ListItems = %q", items)
	}
	if items := laporan.ListItems("Satu paragraf.\n\nDua."); !slices.Equal(items, []string{"Satu paragraf.", "Dua."}) {
		t.Errorf("ListItems of paragraphs = %q", items)
	}
	for _, s := range []string{"a. huruf", "10) sepuluh", "• bulat"} {
		if b := laporan.TextBlocks(s); len(b) != 1 || !b[0].List {
			t.Errorf("%q is not a list: %+v", s, b)
		}
	}
	for _, s := range []string{"2024 adalah tahun", "Rp 1.000", "ab. bukan"} {
		if b := laporan.TextBlocks(s); len(b) != 1 || b[0].List {
			t.Errorf("%q read as a list: %+v", s, b)
		}
	}
}

func FuzzTextBlocks(f *testing.F) {
	f.Add("1. Satu\n2. Dua\n\n- x\nlanjut")
	f.Add("a)\n1.\n-")
	f.Fuzz(func(t *testing.T, s string) {
		for _, b := range laporan.TextBlocks(s) {
			if len(b.Items) == 0 {
				t.Fatalf("empty block in %q", s)
			}
			for _, it := range b.Items {
				if strings.TrimSpace(it) == "" && !b.List {
					t.Fatalf("empty paragraph in %q", s)
				}
			}
		}
	})
}

func TestFindingsDraft(t *testing.T) {
	f := laporan.NewFigures(meetingInputs())
	d := f.FindingsDraft()
	for _, want := range []string{"1. Selama Januari–Juli 2024 (basis kas)", "Rp 480.457.660", "Rp 790.000.000 (20 kasus, menurut tanggal bayar)",
		"−Rp 309.542.340", "164,4 %", "manfaat Rp 1,64", "2. Klaim terbesar adalah Jaminan Kematian (JKM): 15 kasus",
		"hanya klaim yang sudah dibayar; selain itu 1 klaim senilai Rp 42.000.000 masih dalam proses", "pagu APBD Murni 2024 sebesar Rp 850.000.000"} {
		if !strings.Contains(d, want) {
			t.Errorf("findings lack %q:\n%s", want, d)
		}
	}
	if n := len(laporan.ListItems(d)); n < 5 {
		t.Errorf("%d findings:\n%s", n, d)
	}
}
