// Package auth is who may use monev: user accounts and their passwords
// (argon2id, in password/), sign-in with throttling, browser sessions kept
// in PostgreSQL, and API tokens. The sign-in, password and token pages are
// in ui/; the administration of users and tokens is internal/admin's, which
// reaches accounts through Service.
package auth

import (
	"errors"
	"regexp"
	"time"

	"github.com/cilegon/monev/internal/auth/password"
	"github.com/cilegon/monev/internal/domain"
)

// Sign-in throttling: after this many failures of one username from one
// address within the window, that username is refused from that address
// until the window since the last failure passes. A refused attempt is not
// counted, so the lock ends; colleagues at the same address, and the same
// account from another address, are not affected.
const (
	MaxLoginFailures = 5
	LoginWindow      = 15 * time.Minute
)

// ErrThrottled reports a sign-in refused because of earlier failures.
var ErrThrottled = errors.New("auth: too many failed sign-ins")

// ErrBadCredentials reports an unknown user, a wrong password or a
// deactivated account; the three are not told apart.
var ErrBadCredentials = errors.New("auth: wrong username or password")

var (
	usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)
	nipPattern      = regexp.MustCompile(`^[0-9]{18}$`)
)

// APIToken describes a bearer token without its secret.
type APIToken struct {
	ID         int64
	UserID     int64
	Username   string
	Name       string
	Prefix     string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// CheckNewPassword applies the password rules to a new password and its
// confirmation, adding any problem to errs under "password" or "confirm".
func CheckNewPassword(errs domain.FieldErrors, pw, confirm, username string) {
	if msg := password.Check(pw, username); msg != "" {
		errs.Add("password", msg)
	} else if pw != confirm {
		errs.Add("confirm", "Konfirmasi tidak sama dengan kata sandi baru.")
	}
}

// ValidateAccount checks an account as the administration form sets it: a
// role, a full name and an 18-digit NIP when one is given, which a
// signatory must have; a new account also needs a valid username and
// password.
func ValidateAccount(u domain.User, isNew bool, pw, confirm string) domain.FieldErrors {
	errs := domain.FieldErrors{}
	if _, err := domain.ParseRole(string(u.Role)); err != nil {
		errs.Add("role", "pilih peran")
	}
	if isNew {
		if !usernamePattern.MatchString(u.Username) {
			errs.Add("username", "2–64 huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka")
		}
		CheckNewPassword(errs, pw, confirm, u.Username)
	}
	if u.FullName == "" {
		errs.Add("full_name", "nama lengkap wajib diisi")
	}
	if u.NIP != "" && !nipPattern.MatchString(u.NIP) {
		errs.Add("nip", "NIP harus 18 digit angka")
	}
	if u.Signatory && u.NIP == "" {
		errs.Add("nip", "penanda tangan laporan harus mempunyai NIP")
	}
	return errs
}
