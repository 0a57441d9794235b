// Package imports is how files come into monev: an upload or a command
// checks a file against its kind's column table (declared by the feature
// that owns the data: registry, contributions, claims), records it as a
// batch with its problems, and imports it whole or not at all. The engine
// stages the rows with COPY, runs the kind's checks across rows and against
// the stored data, counts what would change and merges, in one
// transaction. Its pages are in ui/.
package imports

import (
	"fmt"
	"strconv"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/notice"
)

// Problem is a problem found in a file: its spreadsheet row (0 for
// the whole file), its column and an Indonesian message.
type Problem struct {
	Line   int
	Column string
	Msg    string
}

// Counts says what a file does to the data, row by row.
type Counts struct {
	Rows      int64 // valid rows staged
	New       int64
	Updated   int64
	Unchanged int64
}

// Outcome is what checking, and perhaps writing, a file gave.
type Outcome struct {
	Counts
	Problems     []Problem // found across rows, at most maxProblems
	ProblemCount int64     // all of them
	Written      bool      // the rows were merged and committed
}

// maxProblems is how many cross-row problems an import keeps.
const maxProblems = 10_000

// Options tune one import.
type Options struct {
	DryRun   bool             // check and count, write nothing
	Progress func(rows int64) // called now and then while rows are staged
	Batch    int64            // the import_batch the change is audited under
	File     string           // file name, for the audit log
}

// Batch is the record of one file: who brought it, what it held and
// what became of it.
type Batch struct {
	ID          int64
	Kind        string
	FileName    string
	FileSize    int64
	Checksum    string
	UploadToken string
	Username    string
	Status      string // queued, checking, checked, importing, imported, unchanged, rejected, failed, cancelled
	DryRun      bool
	Rows        int64
	New         int64
	Updated     int64
	Unchanged   int64
	ErrorCount  int64
	Message     string
	CreatedAt   time.Time
	CheckedAt   *time.Time
	FinishedAt  *time.Time
}

// batchNotice is what the uploader of a batch is told when it ends:
// imported (or nothing to change) or refused; other states tell nothing.
func batchNotice(pemda string, b Batch) (notice.Notice, bool) {
	n := notice.Notice{Pemda: pemda, Link: "/imports/" + strconv.FormatInt(b.ID, 10)}
	switch b.Status {
	case "imported":
		n.Kind, n.Title = notice.ImportFinished, "Impor selesai: "+b.FileName
		n.Body = fmt.Sprintf("%s baris baru, %s diubah, %s tetap.", domain.FormatInt(b.New), domain.FormatInt(b.Updated), domain.FormatInt(b.Unchanged))
	case "unchanged":
		n.Kind, n.Title, n.Body = notice.ImportFinished, "Impor selesai tanpa perubahan: "+b.FileName, "Semua baris sudah sama dengan data tersimpan."
	case "rejected":
		n.Kind, n.Title = notice.ImportRejected, "Impor ditolak: "+b.FileName
		n.Body = fmt.Sprintf("%s masalah ditemukan; tidak ada data yang diubah. Perbaiki berkas lalu unggah lagi.", domain.FormatInt(b.ErrorCount))
	case "failed":
		n.Kind, n.Title, n.Body = notice.ImportRejected, "Impor gagal: "+b.FileName, "Impor berhenti karena kesalahan sistem; tidak ada data yang diubah. Coba lagi."
	default:
		return n, false
	}
	return n, true
}
