package laporan

import (
	"net/http"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// followUpJSON is a follow-up item in the API.
type followUpJSON struct {
	ID          int64   `json:"id"`
	ReportID    int64   `json:"report_id"`
	ReportTitle string  `json:"report_title"`
	Text        string  `json:"text"`
	Owner       string  `json:"owner"`
	OwnerKind   string  `json:"owner_kind"`
	Due         *string `json:"due"`
	Status      string  `json:"status"`
	Overdue     bool    `json:"overdue"`
	UpdatedAt   string  `json:"updated_at"`
}

// FollowUps is GET /api/v1/followups?status=open|done|all (open when not
// given): the follow-up items the token's user may read (pimpinan: those
// of signed reports), by owner and due date; overdue is judged on today in WIB.
func (s *API) FollowUps(w http.ResponseWriter, r *http.Request) {
	scope, err := ParseFollowUpScope(r.URL.Query().Get("status"))
	if err != nil {
		httpx.WriteJSONError(w, http.StatusBadRequest, "status must be open, done or all")
		return
	}
	today := domain.Date(s.Now().In(domain.WIB).Date())
	list, err := s.svc.FollowUps(r.Context(), httpx.User(r), FollowUpFilter{Scope: scope}, today)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	items := make([]followUpJSON, len(list))
	for i, it := range list {
		items[i] = followUpJSON{ID: it.ID, ReportID: it.ReportID, ReportTitle: it.ReportTitle, Text: it.Action,
			Owner: it.OwnerLabel(), OwnerKind: string(it.OwnerKind), Due: dateJSON(it.Due), Status: string(it.Status),
			Overdue: it.Overdue(today), UpdatedAt: it.UpdatedAt.UTC().Format(time.RFC3339)}
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"items": items})
}
