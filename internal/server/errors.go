package server

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/web"
	"github.com/cilegon/monev/web/pages"
)

// errorPages are the calm, Indonesian explanations of each status.
var errorPages = map[int]pages.ErrorProps{
	http.StatusBadRequest:            {Title: "Permintaan tidak valid", Message: "Periksa kembali isian atau alamat halaman."},
	http.StatusUnauthorized:          {Title: "Silakan masuk", Message: "Sesi Anda sudah berakhir. Masuk kembali untuk melanjutkan.", Back: "/login"},
	http.StatusForbidden:             {Title: "Tidak ada akses", Message: "Peran Anda tidak memiliki akses ke halaman atau tindakan ini."},
	http.StatusNotFound:              {Title: "Halaman tidak ditemukan", Message: "Data atau halaman yang Anda cari tidak ada, atau sudah dihapus."},
	http.StatusConflict:              {Title: "Data bentrok", Message: "Data yang sama sudah ada atau baru saja diubah orang lain."},
	http.StatusRequestEntityTooLarge: {Title: "Berkas terlalu besar", Message: "Ukuran berkas melebihi batas unggah."},
	http.StatusInternalServerError:   {Title: "Terjadi kesalahan", Message: "Terjadi kesalahan di server. Kejadian ini sudah dicatat; silakan coba lagi."},
	http.StatusServiceUnavailable:    {Title: "Basis data sedang tidak tersedia", Message: "Coba lagi beberapa saat lagi."},
}

// fail maps an error to a response: not found → 404, conflict → 409,
// anything else → 500 with the cause logged but never shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	s.renderError(w, r, s.statusOf(r, err))
}

// failJSON is fail for the JSON API.
func (s *Server) failJSON(w http.ResponseWriter, r *http.Request, err error) {
	status := s.statusOf(r, err)
	writeJSONError(w, status, http.StatusText(status))
}

func (s *Server) statusOf(r *http.Request, err error) int {
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, domain.ErrConflict):
		return http.StatusConflict
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge
	case database.Unavailable(err):
		s.log.Warn("database unavailable", "err", err, "request_id", requestID(r.Context()), "path", r.URL.Path)
		return http.StatusServiceUnavailable
	}
	s.log.Error("request failed", "err", err, "request_id", requestID(r.Context()), "path", r.URL.Path)
	return http.StatusInternalServerError
}

// renderError writes the error page of a status; inside the layout when a
// user is signed in.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int) {
	p, ok := errorPages[status]
	if !ok {
		p = pages.ErrorProps{Title: http.StatusText(status)}
	}
	p.Status = status
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	if currentUser(r).ID != 0 {
		s.render(w, r, status, p.Title, "", pages.Error(p))
		return
	}
	s.write(w, r, status, web.Bare(web.Frame{Title: p.Title, Version: s.cfg.Version}), pages.Error(p))
}

// writeJSON writes v as a JSON response.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// writeJSONError writes {"error": msg}.
func writeJSONError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
