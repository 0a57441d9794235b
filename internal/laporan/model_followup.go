package laporan

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// OwnerKind is who answers for a follow-up item: an institution at the
// meeting, or a named user of monev.
type OwnerKind string

// The owners of follow-up items.
const (
	OwnerDisnaker  OwnerKind = "disnaker"
	OwnerBPJS      OwnerKind = "bpjs"
	OwnerBPKAD     OwnerKind = "bpkad"
	OwnerBappeda   OwnerKind = "bappeda"
	OwnerKelurahan OwnerKind = "kelurahan"
	OwnerUser      OwnerKind = "user" // a named user: FollowUp.OwnerUserID
)

// OwnerKinds lists the institutions that own follow-up items, in the order
// forms and filters offer them (a named user comes after them).
var OwnerKinds = []OwnerKind{OwnerDisnaker, OwnerBPJS, OwnerBPKAD, OwnerBappeda, OwnerKelurahan}

// ParseOwnerKind reads an owner code; "" is no filter to callers that allow it.
func ParseOwnerKind(s string) (OwnerKind, error) {
	k := OwnerKind(strings.TrimSpace(s))
	if slices.Contains(OwnerKinds, k) || k == OwnerUser {
		return k, nil
	}
	return "", domain.Invalidf("penanggung jawab tidak dikenal: %s", domain.Quote(s))
}

// Label is the Indonesian name of the owner.
func (k OwnerKind) Label() string {
	switch k {
	case OwnerDisnaker:
		return "Dinas Tenaga Kerja"
	case OwnerBPJS:
		return "BPJS Ketenagakerjaan"
	case OwnerBPKAD:
		return "BPKAD"
	case OwnerBappeda:
		return "Bappeda"
	case OwnerKelurahan:
		return "Kelurahan"
	case OwnerUser:
		return "Pengguna"
	}
	return domain.NoValue
}

// FollowUpStatus is how far a follow-up item has come.
type FollowUpStatus string

// The statuses of a follow-up item.
const (
	FollowUpTodo      FollowUpStatus = "belum"
	FollowUpDoing     FollowUpStatus = "proses"
	FollowUpDone      FollowUpStatus = "selesai"
	FollowUpCancelled FollowUpStatus = "batal"
)

// FollowUpStatuses lists every status of a follow-up item.
var FollowUpStatuses = []FollowUpStatus{FollowUpTodo, FollowUpDoing, FollowUpDone, FollowUpCancelled}

// ParseFollowUpStatus reads a follow-up status code.
func ParseFollowUpStatus(s string) (FollowUpStatus, error) {
	if st := FollowUpStatus(strings.TrimSpace(s)); slices.Contains(FollowUpStatuses, st) {
		return st, nil
	}
	return "", domain.Invalidf("status tindak lanjut tidak dikenal: %s", domain.Quote(s))
}

// Label is the Indonesian name of the status.
func (s FollowUpStatus) Label() string {
	switch s {
	case FollowUpTodo:
		return "Belum dimulai"
	case FollowUpDoing:
		return "Dalam proses"
	case FollowUpDone:
		return "Selesai"
	case FollowUpCancelled:
		return "Batal"
	}
	return domain.NoValue
}

// Open reports whether the item still waits for work: belum or proses.
func (s FollowUpStatus) Open() bool { return s == FollowUpTodo || s == FollowUpDoing }

// FollowUpItem is a follow-up item as the Tindak lanjut page, the API and
// reminders see it: the item with the report it came from.
type FollowUpItem struct {
	FollowUp
	ReportID     int64
	ReportTitle  string
	ReportStatus Status
	ReportPeriod domain.Period
	UpdatedAt    time.Time
}

// Overdue reports whether the item is still open after its due date, on day asOf.
func (f FollowUp) Overdue(asOf time.Time) bool {
	return f.Status.Open() && !f.Due.IsZero() && f.Due.Before(domain.Date(asOf.Date()))
}

// OwnerLabel is the owner as lists show it: what the authors wrote, else the kind's name.
func (f FollowUp) OwnerLabel() string {
	if strings.TrimSpace(f.Owner) != "" {
		return f.Owner
	}
	return f.OwnerKind.Label()
}

// CanUpdateFollowUp reports whether actor may change the status of item f:
// admin and disnaker any item, bpjs the items owned by BPJS or by
// themselves; pimpinan reads.
func CanUpdateFollowUp(a domain.Actor, f FollowUp) bool {
	switch a.Role {
	case domain.RoleAdmin, domain.RoleDisnaker:
		return true
	case domain.RoleBPJS:
		return f.OwnerKind == OwnerBPJS || (f.OwnerKind == OwnerUser && f.OwnerUserID == a.UserID)
	}
	return false
}

// FollowUpScope selects follow-up items by status: "open" (belum, proses),
// "done" (selesai, batal) or "all".
type FollowUpScope string

// The scopes of the follow-up list.
const (
	ScopeOpen FollowUpScope = "open"
	ScopeDone FollowUpScope = "done"
	ScopeAll  FollowUpScope = "all"
)

// ParseFollowUpScope reads a scope; "" is open.
func ParseFollowUpScope(s string) (FollowUpScope, error) {
	switch sc := FollowUpScope(strings.TrimSpace(s)); sc {
	case "":
		return ScopeOpen, nil
	case ScopeOpen, ScopeDone, ScopeAll:
		return sc, nil
	}
	return ScopeOpen, domain.Invalidf("status harus open, done atau all, bukan %s", domain.Quote(s))
}

// statuses are the follow-up statuses a scope keeps.
func (sc FollowUpScope) statuses() []string {
	switch sc {
	case ScopeOpen:
		return []string{string(FollowUpTodo), string(FollowUpDoing)}
	case ScopeDone:
		return []string{string(FollowUpDone), string(FollowUpCancelled)}
	}
	return []string{} // not nil: a NULL array would match nothing
}

// FollowUpFilter selects follow-up items for the list, its export and the API.
type FollowUpFilter struct {
	Scope   FollowUpScope
	Owner   OwnerKind // "" for every owner
	Overdue bool      // only those overdue on the day asked
}

// FollowUpNote is one dated entry in an item's history: a status change or
// a note, with its evidence.
type FollowUpNote struct {
	ID         int64
	FollowUpID int64
	On         time.Time // the day it happened, as the user gave it
	From, To   FollowUpStatus
	Note       string
	Link       string
	FileName   string // "" without an uploaded file
	FileType   string
	FileSize   int
	ByName     string
	At         time.Time // when it was recorded
}

// Evidence is a file uploaded as proof that an item was done.
type Evidence struct {
	Name string
	Type string // application/pdf, image/png or image/jpeg
	Data []byte
}

// MaxEvidenceBytes is the largest evidence file accepted: 5 MB.
const MaxEvidenceBytes = 5 << 20

// evidenceTypes are the file types accepted as evidence, by their sniffed type.
var evidenceTypes = []string{"application/pdf", "image/png", "image/jpeg"}

// StatusChange is a change of a follow-up item's status, or a note on it
// (the same status), on a day, with evidence.
type StatusChange struct {
	Status FollowUpStatus
	On     time.Time
	Note   string
	Link   string
	File   *Evidence // nil without a file
}

// Validate checks a change made on day today, keyed by form field:
// "status", "on", "link", "evidence". The file's type is judged by its
// content, not by its name.
func (c *StatusChange) Validate(today time.Time) error {
	fe := domain.FieldErrors{}
	if !slices.Contains(FollowUpStatuses, c.Status) {
		fe.Add("status", "pilih status tindak lanjut")
	}
	if c.On.IsZero() {
		fe.Add("on", "tanggal belum diisi")
	} else if c.On.After(domain.Date(today.Date())) {
		fe.Add("on", "tanggal tidak boleh di masa depan")
	}
	c.Note, c.Link = strings.TrimSpace(c.Note), strings.TrimSpace(c.Link)
	if c.Link != "" {
		if u, err := url.Parse(c.Link); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			fe.Add("link", "tautan bukti harus alamat web lengkap yang diawali https:// atau http://")
		}
	}
	if f := c.File; f != nil {
		switch {
		case len(f.Data) == 0:
			fe.Add("evidence", "berkas bukti "+domain.Quote(f.Name)+" kosong")
		case len(f.Data) > MaxEvidenceBytes:
			fe.Add("evidence", "berkas bukti "+domain.Quote(f.Name)+" lebih besar dari 5 MB; perkecil atau pindai ulang dengan resolusi lebih rendah")
		default:
			f.Type, _, _ = strings.Cut(http.DetectContentType(f.Data), ";")
			if !slices.Contains(evidenceTypes, f.Type) {
				fe.Add("evidence", "berkas bukti "+domain.Quote(f.Name)+" bukan PDF, PNG atau JPEG; unggah dokumen PDF atau foto PNG/JPEG")
			}
		}
	}
	return fe.Err()
}

// FileSize says a size in bytes the Indonesian way: "820 KB", "6,2 MB".
func FileSize(n int) string {
	if n < 1<<20 {
		return domain.FormatInt(int64((n+1023)/1024)) + " KB"
	}
	tenths := (int64(n)*10 + 1<<19) / (1 << 20)
	return fmt.Sprintf("%d,%d MB", tenths/10, tenths%10)
}

// Carried is the status of the previous meeting's follow-up items as a
// report shows it under "Status tindak lanjut rapat sebelumnya": live
// until the report is signed, then frozen in its snapshot.
type Carried struct {
	ReportID  int64         `json:"report_id"`
	Title     string        `json:"title"`
	MeetingOn string        `json:"meeting_on"` // "2024-07-17", "" when not recorded
	AsOf      string        `json:"as_of"`      // the day the statuses were read
	Items     []CarriedItem `json:"items"`
}

// CarriedItem is one follow-up item of the previous meeting with its status.
type CarriedItem struct {
	ID     int64          `json:"id"`
	Action string         `json:"action"`
	Owner  string         `json:"owner"`
	Due    string         `json:"due"`
	Status FollowUpStatus `json:"status"`
	Note   string         `json:"note"`    // the latest note, "" without one
	NoteOn string         `json:"note_on"` // its day
}

// DueDay is the item's due date, zero when open-ended.
func (c CarriedItem) DueDay() time.Time { return day(c.Due) }

// NoteDay is the day of the latest note, zero without one.
func (c CarriedItem) NoteDay() time.Time { return day(c.NoteOn) }

// MeetingDay is the previous meeting's day, zero when not recorded.
func (c Carried) MeetingDay() time.Time { return day(c.MeetingOn) }

// AsOfDay is the day the statuses were read.
func (c Carried) AsOfDay() time.Time { return day(c.AsOf) }

// day reads "2024-07-17", zero when empty.
func day(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

// previousOf picks, among the final reports of a Pemda, the meeting before
// report r: the latest by period end (then signing day, then id) whose
// period ends no later than r's, not r itself, and signed no later than r
// when r is signed. ok is false when there is none.
func previousOf(r Report, finals []Summary) (Summary, bool) {
	var best Summary
	found := false
	for _, s := range finals {
		if s.ID == r.ID || s.Period.To > r.Period.To {
			continue
		}
		if !r.Signature.On.IsZero() && s.SignedOn.After(r.Signature.On) {
			continue
		}
		if !found || later(s, best) {
			best, found = s, true
		}
	}
	return best, found
}

func later(a, b Summary) bool {
	switch {
	case a.Period.To != b.Period.To:
		return a.Period.To > b.Period.To
	case !a.SignedOn.Equal(b.SignedOn):
		return a.SignedOn.After(b.SignedOn)
	}
	return a.ID > b.ID
}
