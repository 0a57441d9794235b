package ui

import (
	"strconv"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/imports"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/web/components"
)

// ImportNewProps is the upload form.
type ImportNewProps struct {
	Kind      string
	KindLabel string
	Kinds     []components.Choice
	Columns   []sheet.Spec
	Error     string
}

// ImportShowProps is one import batch and a page of its problems.
type ImportShowProps struct {
	Batch      imports.Batch
	KindLabel  string
	Problems   []imports.Problem
	Page       int
	PerPage    int
	CanConfirm bool
}

// Running reports whether the batch waits its turn or is being checked or
// written.
func (p ImportShowProps) Running() bool {
	return p.Batch.Status == "queued" || p.Batch.Status == "checking" || p.Batch.Status == "importing"
}

// Pages is how many pages of problems there are.
func (p ImportShowProps) Pages() int {
	n := min(p.Batch.ErrorCount, 10_000)
	return max(1, int((n+int64(p.PerPage)-1)/int64(p.PerPage)))
}

// PageHref links another page of problems.
func (p ImportShowProps) PageHref(page int) string {
	return "/imports/" + strconv.FormatInt(p.Batch.ID, 10) + "?page=" + strconv.Itoa(page)
}

// ImportListProps is the history of imports.
type ImportListProps struct {
	Batches    []imports.Batch
	Total      int64
	Page       int
	PerPage    int
	CanUpload  bool
	KindLabels map[string]string // kind code → Indonesian name
}

// KindName is the Indonesian name of a batch's kind, or its code when unknown.
func (p ImportListProps) KindName(kind string) string {
	if l, ok := p.KindLabels[kind]; ok {
		return l
	}
	return kind
}

// Pages is how many pages of batches there are.
func (p ImportListProps) Pages() int {
	return max(1, int((p.Total+int64(p.PerPage)-1)/int64(p.PerPage)))
}

// statusLabel is a batch status in Indonesian with its badge class.
func statusLabel(status string) (string, string) {
	switch status {
	case "queued":
		return "Antre", "badge-muted"
	case "checking":
		return "Sedang diperiksa", "badge-muted"
	case "checked":
		return "Sudah diperiksa", "badge-warn"
	case "importing":
		return "Sedang diimpor", "badge-muted"
	case "imported":
		return "Berhasil diimpor", "badge-surplus"
	case "unchanged":
		return "Tidak ada perubahan", "badge-muted"
	case "rejected":
		return "Ditolak", "badge-deficit"
	case "failed":
		return "Gagal", "badge-deficit"
	case "cancelled":
		return "Dibatalkan", "badge-deficit"
	}
	return status, "badge-muted"
}

func statusText(s string) string  { t, _ := statusLabel(s); return t }
func statusClass(s string) string { _, c := statusLabel(s); return c }

func fileSize(n int64) string {
	switch {
	case n >= 1<<20:
		return domain.FormatDecimal(n, 1<<20, 1) + " MB"
	case n >= 1<<10:
		return domain.FormatDecimal(n, 1<<10, 0) + " KB"
	}
	return domain.FormatInt(n) + " B"
}

func lineLabel(line int) string {
	if line == 0 {
		return "Berkas"
	}
	return domain.FormatInt(int64(line))
}
