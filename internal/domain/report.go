package domain

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ReportStatus is where a monev report stands on its way from a draft to
// the signed document on the Walikota's desk.
type ReportStatus string

// The statuses of a monev report.
const (
	ReportDraft     ReportStatus = "draft"     // Disnaker writes it
	ReportSubmitted ReportStatus = "submitted" // handed to BPJS for review
	ReportInReview  ReportStatus = "in_review" // BPJS is reviewing and commenting
	ReportReturned  ReportStatus = "returned"  // BPJS sent it back for changes
	ReportApproved  ReportStatus = "approved"  // BPJS agrees with it
	ReportFinal     ReportStatus = "final"     // signed by the Kepala Dinas; figures frozen
)

// ReportStatuses lists every status in workflow order.
var ReportStatuses = []ReportStatus{ReportDraft, ReportSubmitted, ReportInReview, ReportReturned, ReportApproved, ReportFinal}

// ParseReportStatus reads a status code.
func ParseReportStatus(s string) (ReportStatus, error) {
	if st := ReportStatus(strings.TrimSpace(s)); slices.Contains(ReportStatuses, st) {
		return st, nil
	}
	return "", Invalidf("status laporan tidak valid: %s", Quote(s))
}

// Label is the Indonesian name of the status.
func (s ReportStatus) Label() string {
	switch s {
	case ReportDraft:
		return "Draf"
	case ReportSubmitted:
		return "Diajukan"
	case ReportInReview:
		return "Direviu BPJS"
	case ReportReturned:
		return "Dikembalikan untuk perbaikan"
	case ReportApproved:
		return "Disetujui BPJS"
	case ReportFinal:
		return "Final, ditandatangani"
	}
	return noValue
}

// Editable reports whether the text of a report in this status may change:
// only a draft or a report returned for changes.
func (s ReportStatus) Editable() bool { return s == ReportDraft || s == ReportReturned }

// VisibleTo reports whether a role may read a report in this status:
// pimpinan reads only final, signed reports.
func (s ReportStatus) VisibleTo(r Role) bool { return r != RolePimpinan || s == ReportFinal }

// ReportStep is one step of the review and sign-off workflow.
type ReportStep string

// The workflow steps.
const (
	StepSubmit  ReportStep = "submit"  // Disnaker hands the report to BPJS
	StepReview  ReportStep = "review"  // BPJS opens the review
	StepReturn  ReportStep = "return"  // BPJS returns it for changes
	StepApprove ReportStep = "approve" // BPJS approves it
	StepSign    ReportStep = "sign"    // the Kepala Dinas signs it: final
)

// ReportSteps lists every step in workflow order.
var ReportSteps = []ReportStep{StepSubmit, StepReview, StepReturn, StepApprove, StepSign}

// transition is one rule of the workflow: from which statuses a step may
// be taken, where it leads, and which roles may take it.
type transition struct {
	from  []ReportStatus
	to    ReportStatus
	roles []Role
	label string
}

// workflow is the whole review and sign-off workflow. The route rules of
// the server are built from it, so a role may take a step exactly when
// this table says so.
var workflow = map[ReportStep]transition{
	StepSubmit:  {[]ReportStatus{ReportDraft, ReportReturned}, ReportSubmitted, []Role{RoleAdmin, RoleDisnaker}, "Ajukan untuk direviu BPJS"},
	StepReview:  {[]ReportStatus{ReportSubmitted}, ReportInReview, []Role{RoleBPJS}, "Mulai reviu"},
	StepReturn:  {[]ReportStatus{ReportInReview}, ReportReturned, []Role{RoleBPJS}, "Kembalikan untuk perbaikan"},
	StepApprove: {[]ReportStatus{ReportInReview}, ReportApproved, []Role{RoleBPJS}, "Setujui"},
	StepSign:    {[]ReportStatus{ReportApproved}, ReportFinal, []Role{RoleAdmin, RoleDisnaker}, "Tandatangani dan finalkan"},
}

// ErrStepNotAllowed reports a workflow step the user's role may not take.
var ErrStepNotAllowed = errors.New("report step not allowed for this role")

// Roles lists the roles that may take the step.
func (st ReportStep) Roles() []Role { return workflow[st].roles }

// Label is the Indonesian name of the step, as on its button.
func (st ReportStep) Label() string { return workflow[st].label }

// Past says in Indonesian what the step did, for the history: "diajukan".
func (st ReportStep) Past() string {
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
func (s ReportStatus) Apply(st ReportStep, r Role) (ReportStatus, error) {
	t, ok := workflow[st]
	if !ok {
		return s, Invalidf("langkah tidak dikenal: %s", Quote(string(st)))
	}
	if !slices.Contains(t.roles, r) {
		return s, ErrStepNotAllowed
	}
	if !slices.Contains(t.from, s) {
		return s, fmt.Errorf("%w: laporan berstatus %s tidak dapat: %s", ErrConflict, s.Label(), strings.ToLower(t.label))
	}
	return t.to, nil
}

// Steps lists the steps a user of role r may take from status s, in workflow order.
func (s ReportStatus) Steps(r Role) []ReportStep {
	var out []ReportStep
	for _, st := range ReportSteps {
		if _, err := s.Apply(st, r); err == nil {
			out = append(out, st)
		}
	}
	return out
}

// CanStartThread reports whether a review comment may open a new thread
// on a report in this status: while BPJS reviews it.
func (s ReportStatus) CanStartThread() bool { return s == ReportInReview }

// CanReply reports whether the threads of a report in this status take
// replies: from submission until it is signed.
func (s ReportStatus) CanReply() bool {
	return s == ReportSubmitted || s == ReportInReview || s == ReportReturned || s == ReportApproved
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

// FollowUp is one item of the rencana tindak lanjut: what, by whom, by when.
type FollowUp struct {
	Action string
	Owner  string
	Due    time.Time // zero when open-ended
}

// ReportContent is what the authors of a report write: the meeting, the
// legal basis, the narrative sections, the follow-up actions and the
// budget recommendation. The figures are not typed: they come from the data.
type ReportContent struct {
	Title           string
	Period          Period
	Basis           Basis
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
	Status ReportStatus
	ReportContent
	Signature Signature // set when final
	// Snapshot holds the frozen figures and text of a final report as
	// canonical JSON, and Checksum its SHA-256 in hex; both empty before.
	Snapshot  []byte
	Checksum  string
	CreatedBy int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// ReportSummary is a report as lists show it.
type ReportSummary struct {
	ID        int64
	Title     string
	Period    Period
	Basis     Basis
	Status    ReportStatus
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

// ReportSections lists the parts of a report a review comment can be
// attached to, in the order of the document.
var ReportSections = []Section{
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
	for _, s := range ReportSections {
		if s.Key == key {
			return s.Title
		}
	}
	return ""
}

// Text returns the text of a narrative section by key ("" for the others).
func (c ReportContent) Text(key string) string {
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
func (c ReportContent) Validate() error {
	fe := FieldErrors{}
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
func (c ReportContent) ReadyToSubmit() error {
	fe := FieldErrors{}
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
// admin user whose position, rank and NIP are on record.
func (u User) CanSign() error {
	if !slices.Contains(StepSign.Roles(), u.Role) {
		return ErrStepNotAllowed
	}
	fe := FieldErrors{}
	if strings.TrimSpace(u.Position) == "" {
		fe.Add("position", "jabatan penanda tangan belum tercatat pada akun")
	}
	if strings.TrimSpace(u.Rank) == "" {
		fe.Add("rank", "pangkat/golongan penanda tangan belum tercatat pada akun")
	}
	if len(u.NIP) != 18 || !allDigits(u.NIP) {
		fe.Add("nip", "NIP (18 angka) penanda tangan belum tercatat pada akun")
	}
	return fe.Err()
}

// ReportEvent is one line of a report's history.
type ReportEvent struct {
	At       time.Time
	Username string
	Action   string // a ReportStep, or "create", "update", "budget"
	From, To ReportStatus
	Note     string
}

// Label says in Indonesian what happened.
func (e ReportEvent) Label() string {
	switch e.Action {
	case "create":
		return "Draf dibuat"
	case "update":
		return "Isi laporan diubah"
	case "budget":
		return "Rekomendasi anggaran dipilih"
	}
	return ReportStep(e.Action).Past()
}

// ReportComment is a review comment on a section, or a reply to one.
type ReportComment struct {
	ID         int64
	ReportID   int64
	Section    string
	ParentID   int64 // 0 for a thread's first comment
	UserID     int64
	Author     string
	AuthorRole Role
	Body       string
	Resolved   bool
	At         time.Time
}

// Thread is a review comment with its replies, oldest first.
type Thread struct {
	ReportComment
	Replies []ReportComment
}

// Threads groups comments into threads in the order of ReportSections,
// then by age.
func Threads(comments []ReportComment) []Thread {
	var out []Thread
	for _, s := range ReportSections {
		for _, c := range comments {
			if c.ParentID != 0 || c.Section != s.Key {
				continue
			}
			t := Thread{ReportComment: c}
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

// DefaultLegalBasis is the legal basis a new report starts with; authors may edit it.
const DefaultLegalBasis = `1. Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional;
2. Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial;
3. Peraturan Pemerintah Nomor 44 Tahun 2015 tentang Penyelenggaraan Program Jaminan Kecelakaan Kerja dan Jaminan Kematian sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 82 Tahun 2019;
4. Peraturan Menteri Ketenagakerjaan Nomor 5 Tahun 2021 tentang Tata Cara Penyelenggaraan Program Jaminan Kecelakaan Kerja, Jaminan Kematian, dan Jaminan Hari Tua sebagaimana telah diubah dengan Peraturan Menteri Ketenagakerjaan Nomor 1 Tahun 2025;
5. Instruksi Presiden Nomor 2 Tahun 2021 tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan;
6. Surat Edaran Menteri Dalam Negeri Nomor 842.2/5193/SJ tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan;
7. Instruksi Presiden Nomor 8 Tahun 2025 tentang Optimalisasi Pelaksanaan Pengentasan Kemiskinan dan Penghapusan Kemiskinan Ekstrem;
8. Peraturan Wali Kota Cilegon Nomor 41 Tahun 2024.`

// DefaultAims are the three aims of a monev meeting, as the July 2024 meeting stated them.
const DefaultAims = `1. Memperoleh data tindak lanjut Pemerintah Kota Cilegon atas Instruksi Presiden Nomor 2 Tahun 2021, khususnya perlindungan jaminan sosial ketenagakerjaan bagi pekerja bukan penerima upah (informal);
2. Menginventarisasi potensi dan kendala perluasan kepesertaan;
3. Membangun komitmen bersama sebagai bahan laporan kepada Wali Kota dan bahan penyusunan APBD tahun berikutnya.`

// DefaultMethod says where a report's figures come from.
const DefaultMethod = `Angka dalam laporan ini diambil langsung dari basis data monev: daftar peserta dan masa kepesertaan yang diimpor Dinas Tenaga Kerja, pembayaran iuran menurut SP2D, tagihan dan klaim yang dilaporkan BPJS Ketenagakerjaan Cabang Cilegon, pagu anggaran (DPA), serta sasaran per kategori. Setiap angka dihitung sekali oleh aplikasi dengan definisi yang sama dengan halaman Analisis, lalu dibekukan saat laporan ditandatangani.`

// Letterhead is what the head (kop surat) of a Pemda office's documents prints.
type Letterhead struct {
	PemdaName  string // Kota Cilegon
	Government string // Pemerintah Kota Cilegon
	Office     string // Dinas Tenaga Kerja
	Address    string
	City       string // where documents are signed: Cilegon
}
