package laporan

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Status is where a monev report stands on its way from a draft to
// the signed document on the Walikota's desk.
type Status string

// The statuses of a monev report.
const (
	Draft     Status = "draft"     // Disnaker writes it
	Submitted Status = "submitted" // handed to BPJS for review
	InReview  Status = "in_review" // BPJS is reviewing and commenting
	Returned  Status = "returned"  // BPJS sent it back for changes
	Approved  Status = "approved"  // BPJS agrees with it
	Final     Status = "final"     // signed by the Kepala Dinas; figures frozen
)

// Statuses lists every status in workflow order.
var Statuses = []Status{Draft, Submitted, InReview, Returned, Approved, Final}

// ParseStatus reads a status code.
func ParseStatus(s string) (Status, error) {
	if st := Status(strings.TrimSpace(s)); slices.Contains(Statuses, st) {
		return st, nil
	}
	return "", domain.Invalidf("status laporan tidak valid: %s", domain.Quote(s))
}

// Label is the Indonesian name of the status.
func (s Status) Label() string {
	switch s {
	case Draft:
		return "Draf"
	case Submitted:
		return "Diajukan"
	case InReview:
		return "Direviu BPJS"
	case Returned:
		return "Dikembalikan untuk perbaikan"
	case Approved:
		return "Disetujui BPJS"
	case Final:
		return "Final, ditandatangani"
	}
	return domain.NoValue
}

// Editable reports whether the text of a report in this status may change:
// only a draft or a report returned for changes.
func (s Status) Editable() bool { return s == Draft || s == Returned }

// VisibleTo reports whether a role may read a report in this status:
// pimpinan reads only final, signed reports.
func (s Status) VisibleTo(r domain.Role) bool {
	return r != domain.RolePimpinan || s == Final
}

// Step is one step of the review and sign-off workflow.
type Step string

// The workflow steps.
const (
	StepSubmit  Step = "submit"  // Disnaker hands the report to BPJS
	StepReview  Step = "review"  // BPJS opens the review
	StepReturn  Step = "return"  // BPJS returns it for changes
	StepApprove Step = "approve" // BPJS approves it
	StepSign    Step = "sign"    // the Kepala Dinas signs it: final
)

// Steps lists every step in workflow order.
var Steps = []Step{StepSubmit, StepReview, StepReturn, StepApprove, StepSign}

// transition is one rule of the workflow: from which statuses a step may
// be taken, where it leads, and which roles may take it.
type transition struct {
	from  []Status
	to    Status
	roles []domain.Role
	label string
}

// workflow is the whole review and sign-off workflow. The route rules of
// the server are built from it, so a role may take a step exactly when
// this table says so.
var workflow = map[Step]transition{
	StepSubmit:  {[]Status{Draft, Returned}, Submitted, []domain.Role{domain.RoleAdmin, domain.RoleDisnaker}, "Ajukan untuk direviu BPJS"},
	StepReview:  {[]Status{Submitted}, InReview, []domain.Role{domain.RoleBPJS}, "Mulai reviu"},
	StepReturn:  {[]Status{InReview}, Returned, []domain.Role{domain.RoleBPJS}, "Kembalikan untuk perbaikan"},
	StepApprove: {[]Status{InReview}, Approved, []domain.Role{domain.RoleBPJS}, "Setujui"},
	StepSign:    {[]Status{Approved}, Final, []domain.Role{domain.RoleAdmin, domain.RoleDisnaker}, "Tandatangani dan finalkan"},
}

// ErrStepNotAllowed reports a workflow step the user's role may not take.
var ErrStepNotAllowed = errors.New("report step not allowed for this role")

// Roles lists the roles that may take the step.
func (st Step) Roles() []domain.Role { return workflow[st].roles }

// Label is the Indonesian name of the step, as on its button.
func (st Step) Label() string { return workflow[st].label }

// Past says in Indonesian what the step did, for the history: "diajukan".
func (st Step) Past() string {
	switch st {
	case StepSubmit:
		return "Diajukan untuk direviu"
	case StepReview:
		return "Reviu dimulai"
	case StepReturn:
		return "Dikembalikan untuk perbaikan"
	case StepApprove:
		return "Disetujui BPJS"
	case StepSign:
		return "Ditandatangani; angka dibekukan"
	}
	return string(st)
}

// Apply returns the status a report in status s reaches when a user of
// role r takes step st. A role the step is not for gives
// ErrStepNotAllowed; a step that does not start from s wraps ErrConflict.
func (s Status) Apply(st Step, r domain.Role) (Status, error) {
	t, ok := workflow[st]
	if !ok {
		return s, domain.Invalidf("langkah tidak dikenal: %s", domain.Quote(string(st)))
	}
	if !slices.Contains(t.roles, r) {
		return s, ErrStepNotAllowed
	}
	if !slices.Contains(t.from, s) {
		return s, fmt.Errorf("%w: laporan berstatus %s tidak dapat: %s", domain.ErrConflict, s.Label(), strings.ToLower(t.label))
	}
	return t.to, nil
}

// Steps lists the steps a user of role r may take from status s, in workflow order.
func (s Status) Steps(r domain.Role) []Step {
	var out []Step
	for _, st := range Steps {
		if _, err := s.Apply(st, r); err == nil {
			out = append(out, st)
		}
	}
	return out
}

// CanStartThread reports whether a review comment may open a new thread
// on a report in this status: while BPJS reviews it.
func (s Status) CanStartThread() bool { return s == InReview }

// CanReply reports whether the threads of a report in this status take
// replies: from submission until it is signed.
func (s Status) CanReply() bool {
	return s == Submitted || s == InReview || s == Returned || s == Approved
}

// Meeting is the monev meeting a report records.
type Meeting struct {
	On       time.Time // zero when not yet set
	Place    string
	OpenedBy string // who opened the meeting
}

// Attendee is one person on the attendance list of the meeting.
type Attendee struct {
	Name        string
	Position    string // jabatan
	Institution string
}

// FollowUp is one item of the rencana tindak lanjut: what, by whom, by
// when, and how far it has come. Owner is the owner as the authors wrote it
// (what the document prints), OwnerKind who answers for it.
type FollowUp struct {
	ID          int64 // 0 for an item not yet stored
	Action      string
	Owner       string
	OwnerKind   OwnerKind
	OwnerUserID int64     // the named user when OwnerKind is OwnerUser
	Due         time.Time // zero when open-ended
	Status      FollowUpStatus
}

// Content is what the authors of a report write: the meeting, the
// legal basis, the narrative sections, the follow-up actions and the
// budget recommendation. The figures are not typed: they come from the data.
type Content struct {
	Title           string
	Period          domain.Period
	Basis           domain.Basis
	Meeting         Meeting
	Attendees       []Attendee
	LegalBasis      string
	Background      string // latar belakang
	Aims            string // maksud dan tujuan
	Method          string // metode: data sources
	Findings        string // temuan
	Obstacles       string // kendala
	Potential       string // potensi
	Commitments     string // komitmen bersama
	Recommendations string // rekomendasi
	Actions         []FollowUp
	Budget          *BudgetScenario // the recommended APBD amount, nil when none chosen
}

// Signature is who signed a final report, as printed in its signature block.
type Signature struct {
	UserID   int64
	Name     string
	Position string // jabatan, e.g. Kepala Dinas Tenaga Kerja Kota Cilegon
	Rank     string // pangkat/golongan
	NIP      string
	Place    string // where it was signed, e.g. Cilegon
	On       time.Time
}

// Report is a monev report with its workflow state.
type Report struct {
	ID     int64
	Pemda  string
	Status Status
	Content
	Signature Signature // set when final
	// Snapshot holds the frozen figures and text of a final report as
	// canonical JSON, and Checksum its SHA-256 in hex; both empty before.
	Snapshot  []byte
	Checksum  string
	CreatedBy int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Summary is a report as lists show it.
type Summary struct {
	ID        int64
	Title     string
	Period    domain.Period
	Basis     domain.Basis
	Status    Status
	MeetingOn time.Time
	SignedOn  time.Time
	Checksum  string
	UpdatedAt time.Time
}

// Section is one commentable part of a report.
type Section struct {
	Key   string // stable code, e.g. "findings"
	Title string // as the chapter shows it, e.g. "Temuan"
}

// Sections lists the parts of a report a review comment can be
// attached to, in the order of the document.
var Sections = []Section{
	{"meeting", "Waktu, tempat dan peserta rapat"},
	{"legal_basis", "Dasar hukum"},
	{"background", "Latar belakang"},
	{"aims", "Maksud dan tujuan"},
	{"method", "Metode dan sumber data"},
	{"figures", "Hasil: angka-angka"},
	{"findings", "Temuan"},
	{"obstacles", "Kendala"},
	{"potential", "Potensi"},
	{"commitments", "Komitmen bersama"},
	{"recommendations", "Rekomendasi"},
	{"budget", "Rekomendasi anggaran"},
	{"actions", "Rencana tindak lanjut"},
}

// SectionTitle is the title of a section key, or "" when the key is unknown.
func SectionTitle(key string) string {
	for _, s := range Sections {
		if s.Key == key {
			return s.Title
		}
	}
	return ""
}

// Text returns the text of a narrative section by key ("" for the others).
func (c Content) Text(key string) string {
	switch key {
	case "legal_basis":
		return c.LegalBasis
	case "background":
		return c.Background
	case "aims":
		return c.Aims
	case "method":
		return c.Method
	case "findings":
		return c.Findings
	case "obstacles":
		return c.Obstacles
	case "potential":
		return c.Potential
	case "commitments":
		return c.Commitments
	case "recommendations":
		return c.Recommendations
	}
	return ""
}

// Validate checks what the authors can get wrong, keyed by form field:
// "title", "period", "meeting_place", "attendees", "actions".
func (c Content) Validate() error {
	fe := domain.FieldErrors{}
	if strings.TrimSpace(c.Title) == "" {
		fe.Add("title", "judul laporan belum diisi")
	}
	if c.Period.From.Year() < 2000 {
		fe.Add("period", "periode laporan belum diisi")
	}
	if !c.Meeting.On.IsZero() && strings.TrimSpace(c.Meeting.Place) == "" {
		fe.Add("meeting_place", "tempat rapat belum diisi")
	}
	for i, a := range c.Attendees {
		if strings.TrimSpace(a.Name) == "" {
			fe.Add("attendees", fmt.Sprintf("peserta rapat baris %d: nama belum diisi", i+1))
		}
	}
	for i, a := range c.Actions {
		if strings.TrimSpace(a.Action) == "" {
			fe.Add("actions", fmt.Sprintf("tindak lanjut baris %d: kegiatan belum diisi", i+1))
		}
	}
	return fe.Err()
}

// ReadyToSubmit checks that a report has what a reviewer needs: the
// meeting, at least one attendee and the core sections.
func (c Content) ReadyToSubmit() error {
	fe := domain.FieldErrors{}
	if c.Meeting.On.IsZero() {
		fe.Add("meeting_on", "tanggal rapat belum diisi")
	}
	if len(c.Attendees) == 0 {
		fe.Add("attendees", "daftar peserta rapat masih kosong")
	}
	for _, key := range []string{"background", "findings", "recommendations"} {
		if strings.TrimSpace(c.Text(key)) == "" {
			fe.Add(key, SectionTitle(key)+" belum diisi")
		}
	}
	return fe.Err()
}

// CanSign reports whether a user may sign final reports: a Disnaker or
// admin user whom an administrator marked as a signatory, whose position,
// rank and (unique) NIP are on record.
func CanSign(u domain.User) error {
	if !slices.Contains(StepSign.Roles(), u.Role) {
		return ErrStepNotAllowed
	}
	fe := domain.FieldErrors{}
	if !u.Signatory {
		fe.Add("signatory", "akun ini belum ditetapkan administrator sebagai penanda tangan laporan")
	}
	if strings.TrimSpace(u.Position) == "" {
		fe.Add("position", "jabatan penanda tangan belum tercatat pada akun")
	}
	if strings.TrimSpace(u.Rank) == "" {
		fe.Add("rank", "pangkat/golongan penanda tangan belum tercatat pada akun")
	}
	if len(u.NIP) != 18 || !domain.AllDigits(u.NIP) {
		fe.Add("nip", "NIP (18 angka) penanda tangan belum tercatat pada akun")
	}
	return fe.Err()
}

// Event is one line of a report's history.
type Event struct {
	At       time.Time
	Username string
	Action   string // a Step, or "create", "update", "budget"
	From, To Status
	Note     string
}

// Label says in Indonesian what happened.
func (e Event) Label() string {
	switch e.Action {
	case "create":
		return "Draf dibuat"
	case "update":
		return "Isi laporan diubah"
	case "budget":
		return "Rekomendasi anggaran dipilih"
	}
	return Step(e.Action).Past()
}

// Comment is a review comment on a section, or a reply to one.
type Comment struct {
	ID         int64
	ReportID   int64
	Section    string
	ParentID   int64 // 0 for a thread's first comment
	UserID     int64
	Author     string
	AuthorRole domain.Role
	Body       string
	Resolved   bool
	At         time.Time
}

// Thread is a review comment with its replies, oldest first.
type Thread struct {
	Comment
	Replies []Comment
}

// Threads groups comments into threads in the order of Sections,
// then by age.
func Threads(comments []Comment) []Thread {
	var out []Thread
	for _, s := range Sections {
		for _, c := range comments {
			if c.ParentID != 0 || c.Section != s.Key {
				continue
			}
			t := Thread{Comment: c}
			for _, r := range comments {
				if r.ParentID == c.ID {
					t.Replies = append(t.Replies, r)
				}
			}
			out = append(out, t)
		}
	}
	return out
}

// Change is who changes a report and when: the time is now unless
// set (the demo replays a meeting of the past).
type Change struct {
	Actor domain.Actor
	Role  domain.Role
	At    time.Time
	Note  string // the reason of a step, e.g. why BPJS returned the report
}

// now is the change's time: At, or the clock when At is not set.
func (c Change) now() time.Time {
	if c.At.IsZero() {
		return time.Now()
	}
	return c.At
}
