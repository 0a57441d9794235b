package laporan

import (
	"net/http"
	"strconv"
	"time"

	"github.com/cilegon/monev/internal/platform/httpx"
)

// API is the JSON API of monev reports.
type API struct {
	*httpx.Site
	svc *Service
}

// NewAPI returns the API handlers of svc.
func NewAPI(site *httpx.Site, svc *Service) *API { return &API{Site: site, svc: svc} }

// reportItemJSON is a report in the API's list.
type reportItemJSON struct {
	ID          int64   `json:"id"`
	Title       string  `json:"title"`
	Period      string  `json:"period"`
	PeriodLabel string  `json:"period_label"`
	Basis       string  `json:"basis"`
	Status      string  `json:"status"`
	MeetingOn   *string `json:"meeting_on"`
	SignedOn    *string `json:"signed_on"`
	Checksum    *string `json:"checksum"`
	UpdatedAt   string  `json:"updated_at"`
}

// reportJSON is one report: its text, its figures (frozen for a final
// report) and, for a final report, the figures that changed since signing.
type reportJSON struct {
	reportItemJSON
	Frozen      bool             `json:"frozen"`
	ChecksumOK  *bool            `json:"checksum_valid"`
	Document    Document         `json:"report"`
	Figures     Figures          `json:"figures"`
	DataChanged []figureDiffJSON `json:"data_changed"`
	Previous    *Carried         `json:"previous_follow_up"`
}

// figureDiffJSON is a figure as signed and as the data gives it now, both formatted as printed.
type figureDiffJSON struct {
	Label  string `json:"label"`
	Signed string `json:"signed"`
	Now    string `json:"now"`
}

func dateJSON(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func textJSON(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Reports is GET /api/v1/reports: the reports the token's user may read
// (pimpinan: final ones), newest period first.
func (s *API) Reports(w http.ResponseWriter, r *http.Request) {
	u := httpx.User(r)
	var only []Status
	if !Draft.VisibleTo(u.Role) {
		only = []Status{Final}
	}
	list, err := s.svc.Reports(r.Context(), u.Pemda, only...)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	items := make([]reportItemJSON, len(list))
	for i, it := range list {
		items[i] = reportItemJSON{ID: it.ID, Title: it.Title, Period: it.Period.String(), PeriodLabel: it.Period.Label(),
			Basis: string(it.Basis), Status: string(it.Status), MeetingOn: dateJSON(it.MeetingOn), SignedOn: dateJSON(it.SignedOn),
			Checksum: textJSON(it.Checksum), UpdatedAt: it.UpdatedAt.UTC().Format(time.RFC3339)}
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"items": items})
}

// Report is GET /api/v1/reports/{id}: the report with its frozen
// figures, or, before signing, the figures as the data stands.
func (s *API) Report(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		httpx.WriteJSONError(w, http.StatusNotFound, http.StatusText(http.StatusNotFound))
		return
	}
	rep, err := s.svc.ReportFor(r.Context(), httpx.User(r), id)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	doc, err := s.svc.Shown(r.Context(), rep, s.Now())
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	out := reportJSON{
		reportItemJSON: reportItemJSON{ID: rep.ID, Title: rep.Title, Period: rep.Period.String(), PeriodLabel: rep.Period.Label(),
			Basis: string(rep.Basis), Status: string(rep.Status), MeetingOn: dateJSON(rep.Meeting.On), SignedOn: dateJSON(rep.Signature.On),
			Checksum: textJSON(rep.Checksum), UpdatedAt: rep.UpdatedAt.UTC().Format(time.RFC3339)},
		Frozen: doc.Frozen, Document: DocumentOf(rep), Figures: doc.Figures, DataChanged: []figureDiffJSON{},
		Previous: doc.Previous,
	}
	if doc.Frozen {
		ok := doc.Tampered == nil
		out.ChecksumOK = &ok
	}
	for _, c := range doc.Changes {
		out.DataChanged = append(out.DataChanged, figureDiffJSON{Label: c.Label, Signed: c.Old, Now: c.New})
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
