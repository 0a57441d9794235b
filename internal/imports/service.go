package imports

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/internal/settings"
)

// Service checks and imports files into one database; the command line,
// the web pages and the API all import through it.
type Service struct {
	db       *store
	settings *settings.Service
	kinds    []sheet.Kind
	queue    *queue
	// Limits protect the server from crafted files.
	Limits sheet.Limits
}

// NewService returns the import service of db for the given kinds, which
// resolves names in files against set.
func NewService(db *database.DB, set *settings.Service, kinds ...sheet.Kind) *Service {
	return &Service{db: &store{db}, settings: set, kinds: kinds, queue: newQueue()}
}

// Kinds are the kinds of file the service imports, in menu order.
func (s *Service) Kinds() []sheet.Kind { return s.kinds }

// Kind finds a kind by its code or any other name people give it
// ("peserta", "iuran", "klaim"), in any case.
func (s *Service) Kind(name string) (sheet.Kind, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, k := range s.kinds {
		if n == k.Name() || slices.Contains(k.Names(), n) {
			return k, nil
		}
	}
	var names []string
	for _, k := range s.kinds {
		names = append(names, strings.ToLower(k.Title()))
	}
	return sheet.Kind{}, &domain.ValueError{Msg: "jenis data tidak dikenal: " + strconv.Quote(name) + "; gunakan " + orList(names)}
}

// schemas are the kinds' schemas, for naming the kind a file looks like.
func (s *Service) schemas() []sheet.Schema {
	out := make([]sheet.Schema, len(s.kinds))
	for i, k := range s.kinds {
		out[i] = k.Schema
	}
	return out
}

// orList joins names as "a, b atau c".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " atau " + names[len(names)-1]
}

// Request is one file to check or import.
type Request struct {
	Kind     sheet.Kind
	Path     string // the file on disk
	FileName string // as the user named it
	DryRun   bool   // check only
	Batch    int64  // continue this batch (the web's confirm step); 0 starts a new one
	Token    string // upload token kept with a checked web upload
}

// Result is what became of a file.
type Result struct {
	Batch        Batch
	Problems     []sheet.RowError // the problems kept, in row order
	ProblemCount int64            // all of them
	Previous     *Batch
}

// maxKept is how many problems a batch keeps for paging.
const maxKept = 10_000

// Run checks a file and, unless it is a dry run or anything is wrong,
// imports it. The batch waits as "queued" for its turn (see MaxJobs),
// holding no database connection, and keeps its lease while it waits and
// runs. Problems in the file are not errors: they are in the Result and the
// batch. An error means the check itself failed (the database went away,
// the context ended); then nothing was written either.
func (s *Service) Run(ctx context.Context, actor domain.Actor, req Request) (Result, error) {
	var res Result
	size, sum, err := checksum(req.Path)
	if err != nil {
		return res, err
	}
	if req.Batch != 0 {
		res.Batch, err = s.db.importBatchByID(ctx, actor.Pemda, req.Batch)
		if err == nil && res.Batch.Checksum != sum {
			err = fmt.Errorf("imports: batch %d was checked with another file", req.Batch)
		}
		if err != nil {
			// The batch exists: record that it stopped, whatever stopped it.
			res.Batch.ID = req.Batch
			_ = s.finish(actor.Pemda, &res, failedStatus(ctx), "Impor terhenti; tidak ada data yang berubah.")
			return res, err
		}
	} else {
		res.Batch, err = s.create(ctx, actor, req, size, sum)
	}
	if err != nil {
		return res, err
	}
	defer s.hold(actor.Pemda, res.Batch.ID)()
	release, err := s.queue.wait(ctx, actor.Pemda)
	if err != nil {
		_ = s.finish(actor.Pemda, &res, failedStatus(ctx), "Impor dibatalkan sebelum gilirannya; tidak ada data yang berubah.")
		return res, err
	}
	defer release()
	res.Batch.Status = "checking"
	if !req.DryRun {
		res.Batch.Status = "importing"
	}
	if err := s.db.setImportStatus(ctx, actor.Pemda, res.Batch); err != nil {
		return res, err
	}
	if prev, err := s.db.lastImportOf(ctx, actor.Pemda, req.Kind.Name(), sum); err == nil {
		res.Previous = &prev
	} else if !errors.Is(err, domain.ErrNotFound) {
		_ = s.finish(actor.Pemda, &res, failedStatus(ctx), "Impor terhenti; tidak ada data yang berubah.")
		return res, err
	}
	out, problems, total, err := s.check(ctx, actor, req, res.Batch.ID)
	if err != nil {
		_ = s.finish(actor.Pemda, &res, failedStatus(ctx), "Pemeriksaan atau impor terhenti; tidak ada data yang berubah.")
		return res, err
	}
	res.Problems, res.ProblemCount = problems, total
	res.Batch.Rows, res.Batch.New, res.Batch.Updated, res.Batch.Unchanged = out.Rows, out.New, out.Updated, out.Unchanged
	res.Batch.ErrorCount = res.ProblemCount
	status, msg := outcome(req, out, res)
	return res, s.finish(actor.Pemda, &res, status, msg)
}

// Prepare records a file as a new batch without checking it yet, so that a
// page can show the batch while Run (with Request.Batch set) checks it.
func (s *Service) Prepare(ctx context.Context, actor domain.Actor, req Request) (Batch, error) {
	size, sum, err := checksum(req.Path)
	if err != nil {
		return Batch{}, err
	}
	return s.create(ctx, actor, req, size, sum)
}

func (s *Service) create(ctx context.Context, actor domain.Actor, req Request, size int64, sum string) (Batch, error) {
	return s.db.createImportBatch(ctx, actor, Batch{
		Kind: req.Kind.Name(), FileName: req.FileName, FileSize: size, Checksum: sum, UploadToken: req.Token, DryRun: req.DryRun})
}

// check decodes the file and hands its rows to the store. It returns the
// store's outcome, the problems kept (the decoder's and the store's, in row
// order) and how many problems there are in all.
func (s *Service) check(ctx context.Context, actor domain.Actor, req Request, batch int64) (Outcome, []sheet.RowError, int64, error) {
	var out Outcome
	ref, err := s.reference(ctx, actor.Pemda)
	if err != nil {
		return out, nil, 0, err
	}
	f, err := os.Open(req.Path)
	if err != nil {
		return out, nil, 0, err
	}
	defer f.Close()
	dec, err := req.Kind.Open(f, ref, s.Limits, s.schemas())
	var fileErr *sheet.FileError
	if errors.As(err, &fileErr) {
		return out, fileErr.Problems, int64(len(fileErr.Problems)), nil
	}
	if err != nil {
		return out, nil, 0, err
	}
	defer dec.Close()
	opt := Options{DryRun: req.DryRun, Batch: batch, File: req.FileName, Progress: func(rows int64) {
		_ = s.db.setImportProgress(ctx, actor.Pemda, batch, rows)
	}}
	out, err = s.db.runImport(ctx, actor, req.Kind, dec, opt)
	if err != nil {
		return out, nil, 0, err
	}
	problems := slices.Clone(dec.Errors())
	for _, p := range out.Problems {
		problems = append(problems, sheet.RowError{Line: p.Line, Column: p.Column, Msg: p.Msg})
	}
	slices.SortStableFunc(problems, func(a, b sheet.RowError) int { return cmp.Compare(a.Line, b.Line) })
	return out, problems[:min(len(problems), maxKept)], int64(dec.ErrorCount()) + out.ProblemCount, nil
}

// outcome names the status of a finished check or import and explains it.
func outcome(req Request, out Outcome, res Result) (string, string) {
	switch {
	case res.ProblemCount > 0 && req.DryRun:
		return "checked", fmt.Sprintf("Berkas berisi %d masalah; perbaiki lalu unggah ulang.", res.ProblemCount)
	case res.ProblemCount > 0:
		return "rejected", fmt.Sprintf("Berkas ditolak karena %d masalah; tidak ada data yang berubah.", res.ProblemCount)
	case out.New+out.Updated == 0:
		msg := fmt.Sprintf("Tidak ada perubahan: ke-%d baris sudah sama dengan data tersimpan.", out.Unchanged)
		if res.Previous != nil && res.Previous.FinishedAt != nil {
			msg += fmt.Sprintf(" Berkas yang sama sudah diimpor pada %s oleh %s.",
				domain.FormatDateTime(res.Previous.FinishedAt.In(domain.WIB)), res.Previous.Username)
		}
		if req.DryRun {
			return "checked", msg
		}
		return "unchanged", msg
	case req.DryRun:
		return "checked", fmt.Sprintf("Siap diimpor: %d baris baru, %d diubah, %d tetap.", out.New, out.Updated, out.Unchanged)
	}
	return "imported", fmt.Sprintf("Berhasil diimpor: %d baris baru, %d diubah, %d tetap.", out.New, out.Updated, out.Unchanged)
}

// finish records the final status, message and problems of a batch. It
// uses its own context so that a cancelled import is still recorded.
func (s *Service) finish(pemda string, res *Result, status, msg string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res.Batch.Status, res.Batch.Message = status, msg
	problems := make([]Problem, len(res.Problems))
	for i, p := range res.Problems {
		problems[i] = Problem{Line: p.Line, Column: p.Column, Msg: p.Msg}
	}
	if err := s.db.saveImportProblems(ctx, pemda, res.Batch.ID, problems); err != nil {
		return err
	}
	return s.db.setImportStatus(ctx, pemda, res.Batch)
}

func failedStatus(ctx context.Context) string {
	if ctx.Err() != nil {
		return "cancelled"
	}
	return "failed"
}

// reference is what names in a Pemda's files are resolved against.
func (s *Service) reference(ctx context.Context, pemda string) (sheet.Reference, error) {
	return s.settings.Reference(ctx, pemda)
}

func checksum(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return n, hex.EncodeToString(h.Sum(nil)), err
}

// Batch returns one batch of a Pemda.
func (s *Service) Batch(ctx context.Context, pemda string, id int64) (Batch, error) {
	return s.db.importBatchByID(ctx, pemda, id)
}

// Batches lists a Pemda's batches, newest first, and how many there are.
func (s *Service) Batches(ctx context.Context, pemda string, offset, limit int) ([]Batch, int64, error) {
	return s.db.importBatches(ctx, pemda, offset, limit)
}

// Problems returns a page of a batch's problems, in row order.
func (s *Service) Problems(ctx context.Context, pemda string, id int64, offset, limit int) ([]Problem, error) {
	return s.db.importProblems(ctx, pemda, id, offset, limit)
}

// Confirm queues a checked batch for its import, once: it moves the batch
// from checked to queued in one statement, so a second confirmation (a
// double click, two tabs) finds it no longer checked and gets
// domain.ErrConflict instead of starting a second job.
func (s *Service) Confirm(ctx context.Context, pemda string, id int64) (Batch, error) {
	return s.db.confirmImport(ctx, pemda, id)
}

// MarkStale marks as failed the batches, of every Pemda, whose lease ran
// out: the process that queued or ran them died. It is the server's
// background work, never a page's; it returns how many it marked.
func (s *Service) MarkStale(ctx context.Context) (int64, error) {
	return s.db.markStaleImports(ctx)
}
