package apptest

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"time"
)

// Multipart builds an upload form with the given fields and a file, and
// returns its body and content type.
func (a *App) Multipart(fields map[string]string, name, content string) (io.Reader, string) {
	a.T.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		a.T.Fatal(err)
	}
	_, _ = io.WriteString(fw, content)
	_ = mw.Close()
	return &buf, mw.FormDataContentType()
}

// Upload posts a file of a kind to the import page, as its upload form does.
func (a *App) Upload(c *http.Client, kind, name, content string) *http.Response {
	a.T.Helper()
	body, ctype := a.Multipart(map[string]string{"kind": kind}, name, content)
	resp, _ := a.Do(c, http.MethodPost, "/imports", body, map[string]string{"Content-Type": ctype})
	return resp
}

// WaitImport polls a batch page until its check or import has finished, and
// returns the page.
func (a *App) WaitImport(c *http.Client, path string) string {
	a.T.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		_, body := a.Get(c, path)
		if !strings.Contains(body, "http-equiv=\"refresh\"") {
			return body
		}
		time.Sleep(50 * time.Millisecond)
	}
	a.T.Fatalf("import %s did not finish", path)
	return ""
}
