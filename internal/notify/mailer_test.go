package notify_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/notify"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/notice"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

// received is a message as the SMTP server got it.
type received struct {
	From string
	To   []string
	Data string
}

// mailbox is a real SMTP server (go-smtp) that keeps what it receives.
type mailbox struct {
	mu   sync.Mutex
	msgs []received
}

func (b *mailbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &session{box: b}, nil }

func (b *mailbox) all() []received {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]received(nil), b.msgs...)
}

type session struct {
	box *mailbox
	cur received
}

func (s *session) Reset()        { s.cur = received{} }
func (s *session) Logout() error { return nil }
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.cur.From = from
	return nil
}
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.cur.To = append(s.cur.To, to)
	return nil
}
func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.cur.Data = string(b)
	s.box.mu.Lock()
	s.box.msgs = append(s.box.msgs, s.cur)
	s.box.mu.Unlock()
	return nil
}

// serveSMTP starts the server on addr and stops it when the test ends.
func serveSMTP(t *testing.T, addr string) *mailbox {
	t.Helper()
	box := &mailbox{}
	srv := smtp.NewServer(box)
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return box
}

// freeAddr is a local address where nothing listens (yet).
func freeAddr(t *testing.T) (string, int) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().(*net.TCPAddr)
	_ = l.Close()
	return addr.String(), addr.Port
}

// newUser creates an active user of a role in Cilegon.
func newUser(t *testing.T, db *database.DB, name string, role domain.Role) domain.User {
	t.Helper()
	u, err := auth.NewService(db).CreateUserWithHash(context.Background(), domain.OperatorActor("3672", "test"),
		domain.User{Pemda: "3672", Username: name, FullName: "Pengguna " + name, Role: role, Active: true},
		"$argon2id$v=19$m=65536,t=1,p=1$c2FsdHNhbHRzYWx0$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXowMTIzNDU")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func post(t *testing.T, db *database.DB, n notice.Notice, to notice.To) int {
	t.Helper()
	var got int
	err := db.InTx(context.Background(), func(tx pgx.Tx) error {
		var err error
		got, err = notice.Post(context.Background(), tx, n, to)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestMailGoesOutThroughSMTPAfterARefusedConnection(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	svc := notify.NewService(db)
	bpjs := newUser(t, db, "reviu", domain.RoleBPJS)
	admin := newUser(t, db, "admin1", domain.RoleAdmin)
	if err := svc.SetPrefs(ctx, domain.ActorFor(bpjs, "", ""), notify.Prefs{Email: "reviu@bpjs.example"}); err != nil {
		t.Fatal(err)
	}
	addr, port := freeAddr(t)
	if err := svc.SetSMTP(ctx, domain.ActorFor(admin, "", ""), notify.SMTP{Host: "127.0.0.1", Port: port,
		Sender: "monev <monev@cilegon.example>"}); err != nil {
		t.Fatal(err)
	}
	n := post(t, db, notice.Notice{Pemda: "3672", Kind: notice.ReportWaiting, Title: "Laporan Juli menunggu reviu Anda",
		Body: "Laporan monev Juli 2024 diajukan.", Link: "/reports/7"}, notice.To{Roles: []domain.Role{domain.RoleBPJS}})
	if n != 1 {
		t.Fatalf("reached %d inboxes, want the one BPJS user", n)
	}

	m := notify.NewMailer(db, slog.New(slog.DiscardHandler))
	m.BaseURL = "https://monev.example"
	m.Timeout = 5 * time.Second
	m.Backoff = func(int) time.Duration { return 0 } // due again at once
	// Nothing listens yet: the connection is refused, the attempt recorded.
	if sent, err := m.SendDue(ctx); err != nil || sent != 0 {
		t.Fatalf("sent %d, err %v; want 0 while the server is down", sent, err)
	}
	mails, err := svc.RecentMails(ctx, domain.ActorFor(admin, "", ""), 10)
	if err != nil || len(mails) != 1 {
		t.Fatalf("%d mails, err %v", len(mails), err)
	}
	if q := mails[0]; q.Status != notify.MailPending || q.Attempts != 1 || !strings.Contains(q.LastError, "connect") {
		t.Fatalf("after a refused connection: %+v", q)
	}

	box := serveSMTP(t, addr)
	if sent, err := m.SendDue(ctx); err != nil || sent != 1 {
		t.Fatalf("sent %d, err %v; want 1 once the server listens", sent, err)
	}
	got := box.all()
	if len(got) != 1 || got[0].From != "monev@cilegon.example" || len(got[0].To) != 1 || got[0].To[0] != "reviu@bpjs.example" {
		t.Fatalf("received %+v", got)
	}
	for _, want := range []string{"Subject: Laporan Juli menunggu reviu Anda", "Laporan monev Juli 2024 diajukan.",
		"https://monev.example/reports/7", "Content-Type: text/plain; charset=utf-8"} {
		if !strings.Contains(got[0].Data, want) {
			t.Errorf("message lacks %q:\n%s", want, got[0].Data)
		}
	}
	mails, _ = svc.RecentMails(ctx, domain.ActorFor(admin, "", ""), 10)
	if q := mails[0]; q.Status != notify.MailSent || q.Attempts != 2 || q.SentAt == nil || q.LastError != "" {
		t.Fatalf("after delivery: %+v", q)
	}
	// Sent is sent: another round sends nothing again.
	if sent, _ := m.SendDue(ctx); sent != 0 || len(box.all()) != 1 {
		t.Fatalf("a second round sent %d", sent)
	}
}

func TestMailBacksOffAndGivesUp(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	svc := notify.NewService(db)
	admin := newUser(t, db, "admin1", domain.RoleAdmin)
	_, port := freeAddr(t)
	actor := domain.ActorFor(admin, "", "")
	if err := svc.SetSMTP(ctx, actor, notify.SMTP{Host: "127.0.0.1", Port: port, Sender: "monev@cilegon.example"}); err != nil {
		t.Fatal(err)
	}
	if err := svc.SendTest(ctx, actor, "admin@cilegon.example"); err != nil {
		t.Fatal(err)
	}
	now := time.Now().Add(time.Second).Truncate(time.Second)
	m := notify.NewMailer(db, slog.New(slog.DiscardHandler))
	m.Now = func() time.Time { return now }
	m.SendDue(ctx)
	mails, _ := svc.RecentMails(ctx, actor, 1)
	if q := mails[0]; q.Attempts != 1 || !q.NextAttemptAt.Equal(now.Add(time.Minute)) {
		t.Fatalf("after the first failure: attempts %d, next %v; want 1 and a minute later", q.Attempts, q.NextAttemptAt)
	}
	// Not due yet: nothing is tried.
	m.SendDue(ctx)
	if mails, _ = svc.RecentMails(ctx, actor, 1); mails[0].Attempts != 1 {
		t.Fatalf("tried before its time: %d attempts", mails[0].Attempts)
	}
	for i := 2; i <= notify.MaxAttempts; i++ {
		now = now.Add(7 * time.Hour)
		m.SendDue(ctx)
	}
	mails, _ = svc.RecentMails(ctx, actor, 1)
	if q := mails[0]; q.Status != notify.MailFailed || q.Attempts != notify.MaxAttempts || q.LastError == "" {
		t.Fatalf("after %d failures: %+v", notify.MaxAttempts, q)
	}
}

func TestBackoffDoublesUpToSixHours(t *testing.T) {
	for n, want := range map[int]time.Duration{1: time.Minute, 2: 2 * time.Minute, 4: 8 * time.Minute, 9: 256 * time.Minute,
		10: 6 * time.Hour, 40: 6 * time.Hour} {
		if got := notify.Backoff(n); got != want {
			t.Errorf("Backoff(%d) = %v, want %v", n, got, want)
		}
	}
}

func TestPreferencesDecideWhatIsMailed(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	svc := notify.NewService(db)
	on := newUser(t, db, "staf1", domain.RoleDisnaker)
	off := newUser(t, db, "staf2", domain.RoleDisnaker)
	none := newUser(t, db, "staf3", domain.RoleDisnaker)
	admin := newUser(t, db, "admin1", domain.RoleAdmin)
	_ = none // no e-mail address: inbox only
	if err := svc.SetPrefs(ctx, domain.ActorFor(on, "", ""), notify.Prefs{Email: "satu@cilegon.example"}); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetPrefs(ctx, domain.ActorFor(off, "", ""), notify.Prefs{Email: "dua@cilegon.example",
		EmailOff: []notice.Kind{notice.BillOverdue}}); err != nil {
		t.Fatal(err)
	}
	var fe domain.FieldErrors
	if err := svc.SetPrefs(ctx, domain.ActorFor(off, "", ""), notify.Prefs{Email: "bukan surel"}); !errors.As(err, &fe) || fe["email"] == "" {
		t.Fatalf("a bad address: %v", err)
	}
	n := notice.Notice{Pemda: "3672", Kind: notice.BillOverdue, Title: "Iuran Maret 2024 lewat jatuh tempo", Link: "/billing/2024-03",
		Once: "bill_overdue:2024-03"}
	to := notice.To{Roles: []domain.Role{domain.RoleDisnaker}}
	if got := post(t, db, n, to); got != 3 {
		t.Fatalf("reached %d inboxes, want the 3 Disnaker users", got)
	}
	// The same event again (the periodic job runs often) reaches nobody.
	if got := post(t, db, n, to); got != 0 {
		t.Fatalf("the event posted again reached %d inboxes", got)
	}
	mails, err := svc.RecentMails(ctx, domain.ActorFor(admin, "", ""), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(mails) != 1 || mails[0].Recipient != "satu@cilegon.example" {
		t.Fatalf("queued %+v; want one mail, to the user who did not turn the kind off", mails)
	}
	// Another kind reaches the user who turned off only bills.
	post(t, db, notice.Notice{Pemda: "3672", Kind: notice.ImportFinished, Title: "Impor selesai"}, notice.To{Users: []int64{off.ID}})
	mails, _ = svc.RecentMails(ctx, domain.ActorFor(admin, "", ""), 10)
	if len(mails) != 2 || mails[0].Recipient != "dua@cilegon.example" {
		t.Fatalf("queued %+v", mails)
	}
	if c, err := svc.Unread(ctx, none); err != nil || c != 1 {
		t.Fatalf("the user without e-mail has %d unread, err %v; want 1 in the inbox", c, err)
	}
}
