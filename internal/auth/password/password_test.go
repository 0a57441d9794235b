package password

import (
	"errors"
	"strings"
	"testing"
)

func TestHashVerify(t *testing.T) {
	h, err := Hash("kata-sandi-yang-panjang")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q has the wrong format", h)
	}
	if err := Verify("kata-sandi-yang-panjang", h); err != nil {
		t.Errorf("Verify(right password) = %v", err)
	}
	if err := Verify("kata-sandi-yang-salah", h); !errors.Is(err, ErrMismatch) {
		t.Errorf("Verify(wrong password) = %v, want ErrMismatch", err)
	}
	h2, _ := Hash("kata-sandi-yang-panjang")
	if h == h2 {
		t.Error("two hashes of one password are equal: salt is not random")
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x$AA$AA"} {
		if err := Verify("x", bad); err == nil || errors.Is(err, ErrMismatch) {
			t.Errorf("Verify with malformed hash %q = %v, want a format error", bad, err)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		pw, user string
		ok       bool
	}{
		{"monev-admin-2024", "admin", false},
		{"pendek", "", false},
		{"password1234", "", false},
		{"PASSWORD1234", "", false},
		{"aaaaaaaaaaaaaaa", "", false},
		{"cilegoncilegon", "", false},
		{"1234567890123", "", false},
		{"abcdefghijklmnop", "", false},
		{"kopi-tubruk-pagi-hari", "rina", true},
		{"Nelayan Pulomerak 7", "budi", true},
		{"8461937205184629", "", true},
	}
	for _, tt := range tests {
		msg := Check(tt.pw, tt.user)
		if (msg == "") != tt.ok {
			t.Errorf("Check(%q, %q) = %q, want ok=%v", tt.pw, tt.user, msg, tt.ok)
		}
	}
}
