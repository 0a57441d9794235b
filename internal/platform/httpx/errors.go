package httpx

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/web"
)

// errorPages are the calm, Indonesian explanations of each status.
var errorPages = map[int]web.ErrorProps{
	http.StatusBadRequest:            {Title: "Permintaan tidak valid", Message: "Periksa kembali isian atau alamat halaman."},
	http.StatusUnauthorized:          {Title: "Silakan masuk", Message: "Sesi Anda sudah berakhir. Masuk kembali untuk melanjutkan.", Back: "/login"},
	http.StatusForbidden:             {Title: "Tidak ada akses", Message: "Peran Anda tidak memiliki akses ke halaman atau tindakan ini."},
	http.StatusNotFound:              {Title: "Halaman tidak ditemukan", Message: "Data atau halaman yang Anda cari tidak ada, atau sudah dihapus."},
	http.StatusConflict:              {Title: "Data bentrok", Message: "Data yang sama sudah ada atau baru saja diubah orang lain."},
	http.StatusRequestEntityTooLarge: {Title: "Berkas terlalu besar", Message: "Ukuran berkas melebihi batas unggah."},
	http.StatusInternalServerError:   {Title: "Terjadi kesalahan", Message: "Terjadi kesalahan di server. Kejadian ini sudah dicatat; silakan coba lagi."},
	http.StatusServiceUnavailable:    {Title: "Basis data sedang tidak tersedia", Message: "Coba lagi beberapa saat lagi."},
}

// Fail maps an error to a response: not found → 404, conflict → 409,
// forbidden → 403, an unreachable database → 503, anything else → 500 with the cause logged but
// never shown.
func (s *Site) Fail(w http.ResponseWriter, r *http.Request, err error) {
	s.RenderError(w, r, s.statusOf(r, err))
}

// FailJSON is Fail for the JSON API.
func (s *Site) FailJSON(w http.ResponseWriter, r *http.Request, err error) {
	status := s.statusOf(r, err)
	WriteJSONError(w, status, http.StatusText(status))
}

// FailInput answers an API call: a user's mistake (domain.ValueError) with
// 400 {"error": what, "detail": its Indonesian message}, anything else as
// FailJSON does.
func (s *Site) FailInput(w http.ResponseWriter, r *http.Request, what string, err error) {
	var bad *domain.ValueError
	if errors.As(err, &bad) {
		WriteJSON(w, http.StatusBadRequest, map[string]string{"error": what, "detail": bad.Msg})
		return
	}
	s.FailJSON(w, r, err)
}

func (s *Site) statusOf(r *http.Request, err error) int {
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, domain.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, domain.ErrForbidden):
		return http.StatusForbidden
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge
	case database.Unavailable(err):
		s.Log.Warn("database unavailable", "err", err, "request_id", RequestID(r.Context()), "path", r.URL.Path)
		return http.StatusServiceUnavailable
	}
	s.Log.Error("request failed", "err", err, "request_id", RequestID(r.Context()), "path", r.URL.Path)
	return http.StatusInternalServerError
}

// RenderError writes the error page of a status; inside the frame when a
// user is signed in.
func (s *Site) RenderError(w http.ResponseWriter, r *http.Request, status int) {
	p, ok := errorPages[status]
	if !ok {
		p = web.ErrorProps{Title: http.StatusText(status)}
	}
	p.Status = status
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	if User(r).ID != 0 {
		s.Render(w, r, status, p.Title, "", web.Error(p))
		return
	}
	s.RenderBare(w, r, status, p.Title, web.Error(p))
}

// WriteJSON writes v as a JSON response.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// WriteJSONError writes {"error": msg}.
func WriteJSONError(w http.ResponseWriter, status int, msg string) {
	WriteJSON(w, status, map[string]string{"error": msg})
}

// SetDownload sets the headers of a file download; format is "csv" or "xlsx".
func SetDownload(w http.ResponseWriter, name, format string) {
	ctype := "text/csv; charset=utf-8"
	if format == "xlsx" {
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
}

// PageNumber reads ?page=, 1 when absent or wrong.
func PageNumber(r *http.Request) int {
	p, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || p < 1 {
		return 1
	}
	return p
}

// IDParam reads the {id} of the path, answering 404 when it is not a number.
func (s *Site) IDParam(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.RenderError(w, r, http.StatusNotFound)
		return 0, false
	}
	return id, true
}
