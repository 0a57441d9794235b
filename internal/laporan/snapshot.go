package laporan

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// SnapshotVersion is the layout of the snapshots this code writes: 2 adds
// the previous meeting's follow-up statuses (previous_follow_up).
const SnapshotVersion = 2

// Snapshot is what signing freezes: the document as signed and every
// figure it shows. It is stored as canonical JSON next to its SHA-256.
type Snapshot struct {
	Version int      `json:"version"`
	Report  Document `json:"report"`
	Figures Figures  `json:"figures"`
	// Previous is the status of the previous meeting's follow-up items on
	// the signing day; nil when there was no earlier signed report, or in a
	// snapshot of version 1.
	Previous *Carried `json:"previous_follow_up,omitempty"`
}

// Document is the text of a signed report, in the snapshot and the API.
type Document struct {
	ID          int64             `json:"id"`
	Title       string            `json:"title"`
	Period      string            `json:"period"`
	PeriodLabel string            `json:"period_label"`
	Basis       domain.Basis      `json:"basis"`
	Meeting     DocMeeting        `json:"meeting"`
	LegalBasis  string            `json:"legal_basis"`
	Sections    map[string]string `json:"sections"`
	Actions     []DocAction       `json:"follow_up"`
	Budget      *BudgetScenario   `json:"budget_recommendation"`
	Signature   *DocSignature     `json:"signature"`
}

// DocMeeting is the monev meeting of a document.
type DocMeeting struct {
	Date      string        `json:"date"` // "2024-07-17", "" when not set
	Place     string        `json:"place"`
	OpenedBy  string        `json:"opened_by"`
	Attendees []DocAttendee `json:"attendees"`
}

// DocAttendee is one person at the meeting.
type DocAttendee struct {
	Name        string `json:"name"`
	Position    string `json:"position"`
	Institution string `json:"institution"`
}

// DocAction is one follow-up item.
type DocAction struct {
	Action string `json:"action"`
	Owner  string `json:"owner"`
	Due    string `json:"due"`
}

// DocSignature is the signature block of a final report.
type DocSignature struct {
	Name     string `json:"name"`
	Position string `json:"position"`
	Rank     string `json:"rank"`
	NIP      string `json:"nip"`
	Place    string `json:"place"`
	Date     string `json:"date"`
}

// DocumentOf is the document of a report as the snapshot and the API write it.
func DocumentOf(r Report) Document {
	d := Document{ID: r.ID, Title: r.Title, Period: r.Period.String(), PeriodLabel: r.Period.Label(), Basis: r.Basis,
		Meeting:    DocMeeting{Date: isoDate(r.Meeting.On), Place: r.Meeting.Place, OpenedBy: r.Meeting.OpenedBy, Attendees: []DocAttendee{}},
		LegalBasis: r.LegalBasis, Sections: map[string]string{}, Actions: []DocAction{}, Budget: r.Budget}
	for _, a := range r.Attendees {
		d.Meeting.Attendees = append(d.Meeting.Attendees, DocAttendee(a))
	}
	for _, s := range Sections {
		if t := r.Text(s.Key); t != "" && s.Key != "legal_basis" {
			d.Sections[s.Key] = t
		}
	}
	for _, a := range r.Actions {
		d.Actions = append(d.Actions, DocAction{Action: a.Action, Owner: a.Owner, Due: isoDate(a.Due)})
	}
	if s := r.Signature; s.Name != "" {
		d.Signature = &DocSignature{Name: s.Name, Position: s.Position, Rank: s.Rank, NIP: s.NIP, Place: s.Place, Date: isoDate(s.On)}
	}
	return d
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// Freeze makes the snapshot of a report about to be signed (its Signature
// set), with its figures and the previous meeting's follow-up statuses
// (nil for none), and returns it as canonical JSON with its checksum.
func Freeze(r Report, f Figures, prev *Carried) (snapshot []byte, checksum string, err error) {
	raw, err := json.Marshal(Snapshot{Version: SnapshotVersion, Report: DocumentOf(r), Figures: f, Previous: prev})
	if err != nil {
		return nil, "", fmt.Errorf("laporan: freeze: %w", err)
	}
	canon, err := Canonical(raw)
	if err != nil {
		return nil, "", err
	}
	return canon, Checksum(canon), nil
}

// Canonical re-encodes JSON in one form whatever its source wrote:
// object keys sorted, no spaces, numbers as written, no HTML escaping. The
// database's jsonb reorders keys and spaces, so checksums are taken of
// this form.
func Canonical(raw []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("laporan: canonical json: %w", err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("laporan: canonical json: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Checksum is the SHA-256 of canonical JSON, in hex.
func Checksum(canonical []byte) string {
	sum := sha256.Sum256(canonical)
	return hex.EncodeToString(sum[:])
}

// ErrTampered reports a final report whose stored snapshot no longer
// matches its checksum, or whose text differs from the snapshot.
var ErrTampered = errors.New("laporan: the stored snapshot does not match its checksum")

// Open reads the snapshot of a final report and checks it: the checksum of
// its canonical form must be the stored one, and the report's text must be
// the text it froze. The snapshot is returned even when the check fails.
func Open(r Report) (Snapshot, error) {
	var s Snapshot
	if len(r.Snapshot) == 0 {
		return s, fmt.Errorf("laporan: report %d has no snapshot", r.ID)
	}
	if err := json.Unmarshal(r.Snapshot, &s); err != nil {
		return s, fmt.Errorf("laporan: read snapshot: %w", err)
	}
	canon, err := Canonical(r.Snapshot)
	if err != nil {
		return s, err
	}
	if Checksum(canon) != r.Checksum {
		return s, ErrTampered
	}
	now, err := json.Marshal(DocumentOf(r))
	if err != nil {
		return s, err
	}
	then, err := json.Marshal(s.Report)
	if err != nil {
		return s, err
	}
	if !bytes.Equal(now, then) {
		return s, fmt.Errorf("%w: the report's text was changed after signing", ErrTampered)
	}
	return s, nil
}
