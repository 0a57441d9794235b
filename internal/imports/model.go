// Package imports is how files come into monev: an upload or a command
// checks a file against its kind's column table (declared by the feature
// that owns the data: registry, contributions, claims), records it as a
// batch with its problems, and imports it whole or not at all. The engine
// stages the rows with COPY, runs the kind's checks across rows and against
// the stored data, counts what would change and merges, in one
// transaction. Its pages are in ui/.
package imports

import "time"

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
