package ui

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/imports"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// jobs runs imports in the background, so a large file can be checked and
// written while its page shows progress. Shutdown cancels them: a running
// import then rolls back and its batch is marked cancelled.
type jobs struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newJobs() *jobs {
	ctx, cancel := context.WithCancel(context.Background())
	return &jobs{ctx: ctx, cancel: cancel}
}

// start runs fn in the background under the jobs' context.
func (j *jobs) start(fn func(ctx context.Context)) {
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		fn(j.ctx)
	}()
}

// stop cancels every job and waits for them, at most until ctx ends.
func (j *jobs) stop(ctx context.Context) {
	j.cancel()
	done := make(chan struct{})
	go func() { j.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
}

// errUpload is a problem with an uploaded file that the user can fix.
type errUpload struct{ msg string }

func (e errUpload) Error() string { return e.msg }

// upload is a file received from a browser or an API client and kept on
// disk until its import is confirmed.
type upload struct {
	kind  sheet.Kind
	name  string
	path  string
	token string
	dry   bool
}

// request is the importer's request for the upload.
func (up upload) request(batch int64) imports.Request {
	return imports.Request{Kind: up.kind, Path: up.path, FileName: up.name, DryRun: up.dry, Batch: batch, Token: up.token}
}

// receiveUpload streams the multipart form's "file" part to the upload
// directory, never holding it in memory, and reads the "kind" and "dry_run"
// fields that come with it. The body is limited to the configured size.
func (s *Handlers) receiveUpload(w http.ResponseWriter, r *http.Request, kind sheet.Kind) (upload, error) {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.UploadLimit)
	mr, err := r.MultipartReader()
	if err != nil {
		return upload{}, errUpload{"Kirim berkas melalui formulir unggah."}
	}
	up := upload{kind: kind}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return up, s.uploadError(err)
		}
		switch part.FormName() {
		case "kind":
			v, _ := io.ReadAll(io.LimitReader(part, 64))
			if up.kind, err = s.svc.Kind(string(v)); err != nil {
				return up, errUpload{"Pilih jenis data: peserta, iuran atau klaim."}
			}
		case "dry_run":
			v, _ := io.ReadAll(io.LimitReader(part, 16))
			up.dry = strings.EqualFold(string(v), "true") || string(v) == "1"
		case "file":
			if err := s.saveUpload(part, &up); err != nil {
				return up, err
			}
		}
		part.Close()
	}
	switch {
	case up.path == "":
		return up, errUpload{"Pilih berkas CSV atau XLSX untuk diunggah."}
	case up.kind.Schema == nil:
		os.Remove(up.path)
		return up, errUpload{"Pilih jenis data: peserta, iuran atau klaim."}
	}
	return up, nil
}

func (s *Handlers) saveUpload(part *multipart.Part, up *upload) error {
	up.name = filepath.Base(part.FileName())
	if up.name == "" || up.name == "." {
		return errUpload{"Pilih berkas CSV atau XLSX untuk diunggah."}
	}
	if err := os.MkdirAll(s.cfg.UploadDir, 0o700); err != nil {
		return err
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	up.token = hex.EncodeToString(b)
	up.path = s.uploadPath(up.token)
	f, err := os.OpenFile(up.path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	n, err := io.Copy(f, part)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(up.path)
		return s.uploadError(err)
	}
	if n == 0 {
		os.Remove(up.path)
		return errUpload{"Berkas yang diunggah kosong."}
	}
	return nil
}

func (s *Handlers) uploadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return errUpload{fmt.Sprintf("Berkas terlalu besar: batas unggah %d MB. Pecah berkas menjadi beberapa bagian atau minta administrator menaikkan MONEV_UPLOAD_LIMIT_MB.", s.cfg.UploadLimit>>20)}
	}
	return err
}

// uploadPath is where an upload with this token waits.
func (s *Handlers) uploadPath(token string) string {
	return filepath.Join(s.cfg.UploadDir, token+".upload")
}

// runImport checks or imports an upload in the background. A checked upload
// stays on disk for its confirmation; anything else is removed when done.
func (s *Handlers) runImport(actor domain.Actor, up upload, batch int64) {
	s.jobs.start(func(ctx context.Context) {
		res, err := s.svc.Run(ctx, actor, up.request(batch))
		s.Metrics.Imports.WithLabelValues(up.kind.Name(), res.Batch.Status).Inc()
		if err != nil {
			s.Log.Error("import failed", "err", err, "batch", res.Batch.ID, "request_id", actor.RequestID)
		}
		if err != nil || !up.dry || res.ProblemCount > 0 {
			os.Remove(up.path)
		}
	})
}

// cleanUploads removes uploads nobody confirmed within a day.
func (s *Handlers) cleanUploads() {
	entries, _ := os.ReadDir(s.cfg.UploadDir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
			os.Remove(filepath.Join(s.cfg.UploadDir, e.Name()))
		}
	}
}
