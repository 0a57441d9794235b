// Package password hashes and checks passwords with argon2id and applies the
// password rules (length, common passwords). It imports only the standard
// library and golang.org/x/crypto.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are the argon2id cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
	KeyLen  uint32
	SaltLen uint32
}

// DefaultParams follow OWASP's argon2id recommendation (19 MiB, 2 passes).
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1, KeyLen: 32, SaltLen: 16}

// hashing bounds how many argon2id hashes run at once: each takes
// DefaultParams.Memory of memory and a core, so a burst of sign-ins waits
// its turn instead of exhausting the machine.
var hashing = make(chan struct{}, max(2, runtime.NumCPU()))

// idKey is argon2.IDKey within the bound on concurrent hashing.
func idKey(pw, salt []byte, t, m uint32, threads uint8, keyLen uint32) []byte {
	hashing <- struct{}{}
	defer func() { <-hashing }()
	return argon2.IDKey(pw, salt, t, m, threads, keyLen)
}

// ErrMismatch reports a password that does not match its hash.
var ErrMismatch = errors.New("password: mismatch")

// Hash returns an encoded argon2id hash of pw in the PHC string format.
func Hash(pw string) (string, error) {
	return HashWith(pw, DefaultParams)
}

// HashWith hashes pw with the given parameters.
func HashWith(pw string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password: salt: %w", err)
	}
	key := idKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify checks pw against an encoded hash; it returns ErrMismatch when they
// differ and another error when the hash is malformed.
func Verify(pw, encoded string) error {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return errors.New("password: unsupported hash format")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return errors.New("password: unsupported argon2 version")
	}
	var p Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return fmt.Errorf("password: parameters: %w", err)
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return fmt.Errorf("password: salt: %w", err)
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil {
		return fmt.Errorf("password: key: %w", err)
	}
	got := idKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return ErrMismatch
	}
	return nil
}

// MinLength is the shortest password accepted.
const MinLength = 12

// Check applies the password rules and returns an Indonesian message for
// users, or "" when pw is acceptable.
func Check(pw, username string) string {
	switch {
	case len([]rune(pw)) < MinLength:
		return fmt.Sprintf("Kata sandi minimal %d karakter.", MinLength)
	case len(pw) > 256:
		return "Kata sandi terlalu panjang (maksimal 256 karakter)."
	case username != "" && strings.Contains(strings.ToLower(pw), strings.ToLower(username)):
		return "Kata sandi tidak boleh memuat nama pengguna."
	case isCommon(pw):
		return "Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain."
	}
	return ""
}
