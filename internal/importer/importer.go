// Package importer checks and imports spreadsheet files: ingest reads and
// parses them, postgres stages, checks and merges them in one transaction,
// and every file is recorded as an import batch with its problems. The
// command line, the web pages and the API all import through it.
package importer

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
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/ingest"
	"github.com/cilegon/monev/internal/postgres"
	"github.com/cilegon/monev/internal/settings"
)

// Importer imports files into one database.
type Importer struct {
	DB     *postgres.DB
	Limits ingest.Limits
}

// Request is one file to check or import.
type Request struct {
	Kind     ingest.Kind
	Path     string // the file on disk
	FileName string // as the user named it
	DryRun   bool   // check only
	Batch    int64  // continue this batch (the web's confirm step); 0 starts a new one
	Token    string // upload token kept with a checked web upload
}

// Result is what became of a file.
type Result struct {
	Batch        postgres.ImportBatch
	Problems     []ingest.RowError // the problems kept, in row order
	ProblemCount int64             // all of them
	Previous     *postgres.ImportBatch
}

// maxKept is how many problems a batch keeps for paging.
const maxKept = 10_000

// Run checks a file and, unless it is a dry run or anything is wrong,
// imports it. Problems in the file are not errors: they are in the Result
// and the batch. An error means the check itself failed (the database went
// away, the context ended); then nothing was written either.
func (im *Importer) Run(ctx context.Context, actor domain.Actor, req Request) (Result, error) {
	var res Result
	size, sum, err := checksum(req.Path)
	if err != nil {
		return res, err
	}
	if req.Batch != 0 {
		res.Batch, err = im.DB.ImportBatchByID(ctx, actor.Pemda, req.Batch)
		if err == nil && res.Batch.Checksum != sum {
			err = fmt.Errorf("importer: batch %d was checked with another file", req.Batch)
		}
		if err != nil {
			// The batch exists: record that it stopped, whatever stopped it.
			res.Batch.ID = req.Batch
			_ = im.finish(actor.Pemda, &res, failedStatus(ctx), "Impor terhenti; tidak ada data yang berubah.")
			return res, err
		}
	} else {
		res.Batch, err = im.create(ctx, actor, req, size, sum)
	}
	if err != nil {
		return res, err
	}
	if prev, err := im.DB.LastImportOf(ctx, actor.Pemda, string(req.Kind), sum); err == nil {
		res.Previous = &prev
	} else if !errors.Is(err, domain.ErrNotFound) {
		_ = im.finish(actor.Pemda, &res, failedStatus(ctx), "Impor terhenti; tidak ada data yang berubah.")
		return res, err
	}
	if !req.DryRun {
		res.Batch.Status = "importing"
		if err := im.DB.SetImportStatus(ctx, actor.Pemda, res.Batch); err != nil {
			return res, err
		}
	}
	out, problems, total, err := im.check(ctx, actor, req, res.Batch.ID)
	if err != nil {
		_ = im.finish(actor.Pemda, &res, failedStatus(ctx), "Pemeriksaan atau impor terhenti; tidak ada data yang berubah.")
		return res, err
	}
	res.Problems, res.ProblemCount = problems, total
	res.Batch.Rows, res.Batch.New, res.Batch.Updated, res.Batch.Unchanged = out.Rows, out.New, out.Updated, out.Unchanged
	res.Batch.ErrorCount = res.ProblemCount
	status, msg := outcome(req, out, res)
	return res, im.finish(actor.Pemda, &res, status, msg)
}

// Prepare records a file as a new batch without checking it yet, so that a
// page can show the batch while Run (with Request.Batch set) checks it.
func (im *Importer) Prepare(ctx context.Context, actor domain.Actor, req Request) (postgres.ImportBatch, error) {
	size, sum, err := checksum(req.Path)
	if err != nil {
		return postgres.ImportBatch{}, err
	}
	return im.create(ctx, actor, req, size, sum)
}

func (im *Importer) create(ctx context.Context, actor domain.Actor, req Request, size int64, sum string) (postgres.ImportBatch, error) {
	return im.DB.CreateImportBatch(ctx, actor, postgres.ImportBatch{
		Kind: string(req.Kind), FileName: req.FileName, FileSize: size, Checksum: sum, UploadToken: req.Token, DryRun: req.DryRun})
}

// check decodes the file and hands its rows to the store. It returns the
// store's outcome, the problems kept (the decoder's and the store's, in row
// order) and how many problems there are in all.
func (im *Importer) check(ctx context.Context, actor domain.Actor, req Request, batch int64) (postgres.ImportOutcome, []ingest.RowError, int64, error) {
	var out postgres.ImportOutcome
	ref, err := im.reference(ctx, actor.Pemda)
	if err != nil {
		return out, nil, 0, err
	}
	f, err := os.Open(req.Path)
	if err != nil {
		return out, nil, 0, err
	}
	defer f.Close()
	dec, err := ingest.NewDecoder(f, req.Kind, ref, im.Limits)
	var fileErr *ingest.FileError
	if errors.As(err, &fileErr) {
		return out, fileErr.Problems, int64(len(fileErr.Problems)), nil
	}
	if err != nil {
		return out, nil, 0, err
	}
	defer dec.Close()
	opt := postgres.ImportOptions{DryRun: req.DryRun, Batch: batch, File: req.FileName, Progress: func(rows int64) {
		_ = im.DB.SetImportProgress(ctx, actor.Pemda, batch, rows)
	}}
	rows := decoderRows{dec}
	switch req.Kind {
	case ingest.Workers:
		out, err = im.DB.ImportWorkers(ctx, actor, workerRows{rows}, opt)
	case ingest.Contributions:
		out, err = im.DB.ImportContributions(ctx, actor, contributionRows{rows}, opt)
	case ingest.Claims:
		out, err = im.DB.ImportClaims(ctx, actor, claimRows{rows}, opt)
	default:
		err = fmt.Errorf("importer: unknown kind %q", req.Kind)
	}
	if err != nil {
		return out, nil, 0, err
	}
	problems := slices.Clone(dec.Errors())
	for _, p := range out.Problems {
		problems = append(problems, ingest.RowError{Line: p.Line, Column: p.Column, Msg: p.Msg})
	}
	slices.SortStableFunc(problems, func(a, b ingest.RowError) int { return cmp.Compare(a.Line, b.Line) })
	return out, problems[:min(len(problems), maxKept)], int64(dec.ErrorCount()) + out.ProblemCount, nil
}

// outcome names the status of a finished check or import and explains it.
func outcome(req Request, out postgres.ImportOutcome, res Result) (string, string) {
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
func (im *Importer) finish(pemda string, res *Result, status, msg string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res.Batch.Status, res.Batch.Message = status, msg
	problems := make([]postgres.ImportProblem, len(res.Problems))
	for i, p := range res.Problems {
		problems[i] = postgres.ImportProblem{Line: p.Line, Column: p.Column, Msg: p.Msg}
	}
	if err := im.DB.SaveImportProblems(ctx, pemda, res.Batch.ID, problems); err != nil {
		return err
	}
	return im.DB.SetImportStatus(ctx, pemda, res.Batch)
}

func failedStatus(ctx context.Context) string {
	if ctx.Err() != nil {
		return "cancelled"
	}
	return "failed"
}

func (im *Importer) reference(ctx context.Context, pemda string) (ingest.Reference, error) {
	ref, err := settings.NewService(im.DB.DB).Reference(ctx, pemda)
	return ingest.Reference{Categories: ref.Categories, Kelurahan: ref.Kelurahan}, err
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
