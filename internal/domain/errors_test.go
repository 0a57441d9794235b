package domain_test

import (
	"errors"
	"testing"

	"github.com/cilegon/monev/internal/domain"
)

func TestFieldErrors(t *testing.T) {
	tests := []struct {
		name string
		fe   domain.FieldErrors
		want string
	}{
		{"empty", domain.FieldErrors{}, ""},
		{"one", domain.FieldErrors{"nik": "NIK harus 16 digit angka"}, "nik: NIK harus 16 digit angka"},
		{"sorted by key", domain.FieldErrors{"tanggal": "b", "nama": "a", "nik": "c"}, "nama: a; nik: c; tanggal: b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fe.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFieldErrorsAddAndErr(t *testing.T) {
	fe := domain.FieldErrors{}
	if err := fe.Err(); err != nil {
		t.Fatalf("empty Err() = %v, want nil", err)
	}
	fe.Add("nik", "pertama")
	fe.Add("nik", "kedua")
	err := fe.Err()
	var got domain.FieldErrors
	if !errors.As(err, &got) {
		t.Fatalf("Err() = %T, want FieldErrors", err)
	}
	if got["nik"] != "pertama" {
		t.Errorf("nik = %q, want the first message", got["nik"])
	}
}

func TestValueError(t *testing.T) {
	var err error = &domain.ValueError{Msg: "NIK harus 16 digit angka"}
	if err.Error() != "NIK harus 16 digit angka" {
		t.Errorf("Error() = %q", err.Error())
	}
	if errors.Is(err, domain.ErrNotFound) || errors.Is(domain.ErrNotFound, domain.ErrConflict) {
		t.Error("sentinel errors must be distinct")
	}
}
