package ui

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// auditList browses the audit log with filters.
func (s *Handlers) auditList(w http.ResponseWriter, r *http.Request) {
	pemda := httpx.User(r).Pemda
	f, bad := auditFilterFrom(r)
	page, perPage := httpx.PageNumber(r), 50
	entries, total, err := s.audit.Entries(r.Context(), pemda, f, (page-1)*perPage, perPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	names, err := s.audit.Usernames(r.Context(), pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Log audit", "admin", AdminAudit(AdminAuditProps{
		Entries: entries, Total: total, Page: page, PerPage: perPage, Query: r.URL.Query(), Usernames: names, Notice: bad}))
}

// auditExport writes the filtered audit log as CSV or XLSX, and records
// the export in the log itself.
func (s *Handlers) auditExport(w http.ResponseWriter, r *http.Request) {
	format := r.PathValue("format")
	if format != "csv" && format != "xlsx" {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	f, _ := auditFilterFrom(r)
	if err := s.audit.Record(r.Context(), s.Actor(r), "export", "audit_log", "", "Ekspor log audit"); err != nil {
		s.Fail(w, r, err)
		return
	}
	httpx.SetDownload(w, "log-audit."+format, format)
	t, err := sheet.NewTableWriter(w, format, "Log audit",
		[]string{"waktu", "pengguna", "aksi", "entitas", "id", "ringkasan", "nilai_lama", "nilai_baru", "alamat_ip", "id_permintaan"})
	if err == nil {
		err = s.audit.Each(r.Context(), httpx.User(r).Pemda, f, func(e audit.Entry) error {
			return t.Row(e.At.In(domain.WIB).Format("2006-01-02 15:04:05"), e.Username, e.Action, e.Entity, e.EntityID,
				e.Summary, jsonText(e.OldValues), jsonText(e.NewValues), e.IP, e.RequestID)
		})
	}
	if err == nil {
		err = t.Close()
	}
	if err != nil {
		s.AbortStream(r, s.audit, "audit_log", "Ekspor log audit", err)
	}
}

// auditFilterFrom reads the filters; a malformed date is ignored with a note.
func auditFilterFrom(r *http.Request) (audit.Filter, string) {
	q := r.URL.Query()
	f := audit.Filter{Username: q.Get("user"), Action: q.Get("action"), Entity: q.Get("entity"),
		EntityID: q.Get("entity_id"), Text: strings.TrimSpace(q.Get("q"))}
	var bad []string
	for _, d := range []struct {
		key string
		to  *time.Time
	}{{"from", &f.From}, {"to", &f.To}} {
		if v := q.Get(d.key); v != "" {
			t, err := domain.ParseDate(v)
			if err != nil {
				bad = append(bad, err.Error())
				continue
			}
			*d.to = t
		}
	}
	return f, strings.Join(bad, "; ")
}

func jsonText(v map[string]any) string {
	if v == nil {
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}
