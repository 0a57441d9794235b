package ui

import (
	"errors"
	"net/http"
	"os"

	"github.com/cilegon/monev/internal/imports"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// importJSON is the API's account of an import.
type importJSON struct {
	BatchID      int64         `json:"batch_id"`
	Kind         string        `json:"kind"`
	Status       string        `json:"status"`
	DryRun       bool          `json:"dry_run"`
	Rows         int64         `json:"rows"`
	New          int64         `json:"new"`
	Updated      int64         `json:"updated"`
	Unchanged    int64         `json:"unchanged"`
	ProblemCount int64         `json:"problem_count"`
	Message      string        `json:"message"`
	Problems     []problemJSON `json:"problems"`
}

type problemJSON struct {
	Line    int    `json:"line"`
	Column  string `json:"column,omitempty"`
	Message string `json:"message"`
}

// apiImport is POST /api/v1/imports/{workers|contributions|bills|claims}: a
// multipart "file" and an optional dry_run=true. It answers when the file is
// checked or imported: 200 with the counts, or 422 with every problem.
func (s *Handlers) apiImport(w http.ResponseWriter, r *http.Request) {
	kind, err := s.svc.Kind(r.PathValue("kind"))
	if err != nil {
		httpx.WriteJSONError(w, http.StatusNotFound, "unknown import kind; use workers, contributions or claims")
		return
	}
	up, err := s.receiveUpload(w, r, kind)
	var bad errUpload
	if errors.As(err, &bad) {
		httpx.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": "bad upload", "detail": bad.msg})
		return
	}
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	defer os.Remove(up.path)
	res, err := s.svc.Run(r.Context(), s.Actor(r), up.request(0))
	s.Metrics.Imports.WithLabelValues(kind.Name(), res.Batch.Status).Inc()
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	status := http.StatusOK
	if res.ProblemCount > 0 {
		status = http.StatusUnprocessableEntity
	}
	httpx.WriteJSON(w, status, toImportJSON(res))
}

func toImportJSON(res imports.Result) importJSON {
	b := res.Batch
	out := importJSON{BatchID: b.ID, Kind: b.Kind, Status: b.Status, DryRun: b.DryRun, Rows: b.Rows, New: b.New,
		Updated: b.Updated, Unchanged: b.Unchanged, ProblemCount: res.ProblemCount, Message: b.Message,
		Problems: make([]problemJSON, len(res.Problems))}
	for i, p := range res.Problems {
		out.Problems[i] = problemJSON{Line: p.Line, Column: p.Column, Message: p.Msg}
	}
	return out
}
