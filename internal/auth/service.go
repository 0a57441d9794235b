package auth

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/auth/password"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
)

// Service is the one entry point to accounts, sign-in, sessions and API
// tokens, for the web pages, the API guard and the command line alike.
type Service struct {
	db       *store
	audit    *audit.Log
	sessions *SessionStore
	attempts keyLock
	// Now is the clock; tests set it.
	Now func() time.Time
}

// NewService returns the account service of db.
func NewService(db *database.DB) *Service {
	return &Service{db: &store{db}, audit: audit.New(db), sessions: &SessionStore{db: db}, Now: time.Now}
}

// dummyHash keeps the time of a sign-in with an unknown username close to
// that of a wrong password.
var dummyHash, _ = password.Hash("monev-dummy-password")

// SignIn checks a username and password typed at the sign-in page from an
// address, and returns the user. It refuses with ErrThrottled after
// MaxLoginFailures failures of the username from the address within
// LoginWindow, and with ErrBadCredentials for an unknown user, a wrong
// password or a deactivated account. Attempts of one username from one
// address are checked one at a time, so parallel guesses are counted like
// sequential ones. Successes and failures are audited; actor carries the
// request's address and id.
func (s *Service) SignIn(ctx context.Context, actor domain.Actor, username, pw string) (domain.User, error) {
	key := "login:" + username + "@" + actor.IP
	defer s.attempts.lock(key)()
	failures, err := s.db.loginFailures(ctx, s.Now().Add(-LoginWindow), key)
	if err != nil {
		return domain.User{}, err
	}
	if failures >= MaxLoginFailures {
		return domain.User{}, ErrThrottled
	}
	u, hash, err := s.db.userByUsername(ctx, username)
	if errors.Is(err, domain.ErrNotFound) {
		hash = dummyHash
	} else if err != nil {
		return domain.User{}, err
	}
	if perr := password.Verify(pw, hash); perr != nil || err != nil || !u.Active {
		if rerr := s.db.recordLoginFailure(ctx, key); rerr != nil {
			return domain.User{}, rerr
		}
		s.auditSession(ctx, actor, u, username, "login_failed", "Gagal masuk")
		return domain.User{}, ErrBadCredentials
	}
	_ = s.db.clearLoginFailures(ctx, key)
	s.auditSession(ctx, actor, u, username, "login", "Masuk")
	return u, nil
}

// SignedOut records that u ended their session.
func (s *Service) SignedOut(ctx context.Context, actor domain.Actor, u domain.User) {
	s.auditSession(ctx, actor, u, u.Username, "logout", "Keluar")
}

// auditSession records a sign-in event; an unknown username is recorded
// under the default Pemda. A failure to record does not stop the sign-in.
func (s *Service) auditSession(ctx context.Context, actor domain.Actor, u domain.User, username, action, summary string) {
	a := domain.ActorFor(u, actor.IP, actor.RequestID)
	a.Username = username
	if a.Pemda == "" {
		a.Pemda = domain.DefaultPemda
	}
	_ = s.audit.Record(ctx, a, action, "session", u.ID, summary)
}

// User returns a user of a Pemda by id; it serves the session guard.
func (s *Service) User(ctx context.Context, pemda string, id int64) (domain.User, error) {
	return s.db.user(ctx, pemda, id)
}

// UserByUsername returns a user by username, whatever their Pemda.
func (s *Service) UserByUsername(ctx context.Context, username string) (domain.User, error) {
	u, _, err := s.db.userByUsername(ctx, username)
	return u, err
}

// UserByAPIToken returns the owner of a bearer token and notes its use;
// domain.ErrNotFound when the token is unknown or revoked.
func (s *Service) UserByAPIToken(ctx context.Context, token string) (domain.User, error) {
	return s.db.userByAPIToken(ctx, token)
}

// Users lists the users of a Pemda.
func (s *Service) Users(ctx context.Context, pemda string) ([]domain.User, error) {
	return s.db.users(ctx, pemda)
}

// CreateUser adds an account in the actor's Pemda (or, for a command-line
// operator, the Pemda u names) with a password that passes the rules; a
// username already taken is a domain.ConflictError on "username".
func (s *Service) CreateUser(ctx context.Context, actor domain.Actor, u domain.User, pw string) (domain.User, error) {
	if !actor.Role.CanManageUsers() {
		return domain.User{}, domain.ErrForbidden
	}
	if msg := password.Check(pw, u.Username); msg != "" {
		return domain.User{}, &domain.ConflictError{Fields: domain.FieldErrors{"password": msg}}
	}
	hash, err := password.Hash(pw)
	if err != nil {
		return domain.User{}, err
	}
	u, err = s.db.createUser(ctx, actor, u, hash)
	if errors.Is(err, domain.ErrConflict) && strings.Contains(err.Error(), "nip") {
		return u, domain.Refuse("nip", "NIP ini sudah tercatat pada akun lain")
	}
	if errors.Is(err, domain.ErrConflict) {
		return u, domain.Refuse("username", "nama pengguna ini sudah dipakai")
	}
	return u, err
}

// CreateUserWithHash is CreateUser with a password already hashed, for the
// demo and the tests, which give many accounts one password hashed once.
func (s *Service) CreateUserWithHash(ctx context.Context, actor domain.Actor, u domain.User, hash string) (domain.User, error) {
	if !actor.Role.CanManageUsers() {
		return domain.User{}, domain.ErrForbidden
	}
	return s.db.createUser(ctx, actor, u, hash)
}

// CheckPassword reports whether pw is the password of an account, without
// throttling or auditing: the development server uses it to show only demo
// accounts whose password is still the demo's.
func (s *Service) CheckPassword(ctx context.Context, username, pw string) bool {
	_, hash, err := s.db.userByUsername(ctx, username)
	return err == nil && password.Verify(pw, hash) == nil
}

// UpdateUser changes an account's role, names, signature details, whether
// it signs reports and whether it may sign in, checked as ValidateAccount
// does; problems are a domain.FieldErrors. An administrator cannot take
// away their own admin role, deactivate themselves, or make themselves a
// signatory: another administrator must. A NIP belongs to one account.
// Every change is audited with old and new values; reports already signed
// keep the signer block they were signed with.
func (s *Service) UpdateUser(ctx context.Context, actor domain.Actor, u domain.User) (domain.User, error) {
	if !actor.Role.CanManageUsers() {
		return domain.User{}, domain.ErrForbidden
	}
	errs := ValidateAccount(u, false, "", "")
	if u.ID == actor.UserID && (!u.Active || u.Role != domain.RoleAdmin) {
		errs.Add("role", "Anda tidak dapat mencabut peran admin atau menonaktifkan akun Anda sendiri")
	}
	if u.ID == actor.UserID && u.Signatory {
		if old, err := s.db.user(ctx, u.Pemda, u.ID); err != nil {
			return u, err
		} else if !old.Signatory {
			errs.Add("signatory", "Anda tidak dapat menetapkan diri sendiri sebagai penanda tangan; minta administrator lain")
		}
	}
	if errs.Err() != nil {
		return u, errs
	}
	u, err := s.db.updateUser(ctx, actor, u)
	if errors.Is(err, domain.ErrConflict) {
		return u, domain.FieldErrors{"nip": "NIP ini sudah tercatat pada akun lain"}
	}
	return u, err
}

// ResetPassword sets a new password for an account, as an administrator;
// every session of the account ends.
func (s *Service) ResetPassword(ctx context.Context, actor domain.Actor, u domain.User, pw string) error {
	if !actor.Role.CanManageUsers() {
		return domain.ErrForbidden
	}
	_, err := s.setPassword(ctx, actor, u, pw)
	return err
}

// ChangePassword sets the signed-in user's own password after checking the
// current one; problems are a domain.FieldErrors on "current", "password"
// or "confirm". Every session of the user ends; the returned user carries
// the new session epoch, for the session that made the change to go on.
func (s *Service) ChangePassword(ctx context.Context, actor domain.Actor, u domain.User, current, pw, confirm string) (domain.User, error) {
	errs := domain.FieldErrors{}
	_, hash, err := s.db.userByUsername(ctx, u.Username)
	if err != nil {
		return u, err
	}
	if err := password.Verify(current, hash); errors.Is(err, password.ErrMismatch) {
		errs.Add("current", "Kata sandi saat ini salah.")
	} else if err != nil {
		return u, err
	}
	CheckNewPassword(errs, pw, confirm, u.Username)
	if errs.Err() != nil {
		return u, errs
	}
	u.SessionEpoch, err = s.setPassword(ctx, actor, u, pw)
	return u, err
}

func (s *Service) setPassword(ctx context.Context, actor domain.Actor, u domain.User, pw string) (int64, error) {
	hash, err := password.Hash(pw)
	if err != nil {
		return 0, err
	}
	return s.db.setPassword(ctx, actor, u.Pemda, u.ID, hash)
}

// Tokens lists the API tokens of a Pemda with their last use.
func (s *Service) Tokens(ctx context.Context, pemda string) ([]APIToken, error) {
	return s.db.apiTokens(ctx, pemda)
}

// CreateToken makes a new bearer token for a user and returns it; only its
// hash is kept, so it cannot be shown again.
func (s *Service) CreateToken(ctx context.Context, actor domain.Actor, u domain.User, name string) (string, error) {
	if !actor.Role.CanManageUsers() {
		return "", domain.ErrForbidden
	}
	return s.db.createAPIToken(ctx, actor, u, name)
}

// RevokeToken stops a token of a Pemda from working.
func (s *Service) RevokeToken(ctx context.Context, actor domain.Actor, pemda string, id int64) error {
	if !actor.Role.CanManageUsers() {
		return domain.ErrForbidden
	}
	return s.db.revokeAPIToken(ctx, actor, pemda, id)
}

// Sessions is the store of browser sessions.
func (s *Service) Sessions() *SessionStore { return s.sessions }
