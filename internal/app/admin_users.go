package app

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/password"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/pages"
)

var (
	usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)
	nipPattern      = regexp.MustCompile(`^[0-9]{18}$`)
)

// userList lists the Pemda's users with the form to add one.
func (s *App) userList(w http.ResponseWriter, r *http.Request) {
	s.renderUsers(w, r, http.StatusOK, pages.UserForm{Role: string(domain.RoleDisnaker), Active: true}, nil)
}

func (s *App) renderUsers(w http.ResponseWriter, r *http.Request, status int, form pages.UserForm, errs domain.FieldErrors) {
	users, err := s.db.Users(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, status, "Pengguna", "admin", pages.AdminUsers(pages.AdminUsersProps{
		Users: users, Form: form, Errors: errs, Roles: roleOptions()}))
}

// userCreate adds a user.
func (s *App) userCreate(w http.ResponseWriter, r *http.Request) {
	form := userFormFrom(r)
	u, errs := validateUser(form, true)
	if errs.Err() == nil {
		hash, err := password.Hash(form.Password)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		u.Pemda = httpx.User(r).Pemda
		_, err = s.db.CreateUser(r.Context(), s.Actor(r), u, hash)
		if errors.Is(err, domain.ErrConflict) {
			errs.Add("username", "nama pengguna ini sudah dipakai")
		} else if err != nil {
			s.Fail(w, r, err)
			return
		}
	}
	if errs.Err() != nil {
		form.Password, form.Confirm = "", ""
		s.renderUsers(w, r, http.StatusUnprocessableEntity, form, errs)
		return
	}
	s.Flash(r, "ok", "Pengguna "+u.Username+" ditambahkan.")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

// userEdit shows one user's details and the password reset.
func (s *App) userEdit(w http.ResponseWriter, r *http.Request) {
	u, ok := s.userOf(w, r)
	if !ok {
		return
	}
	s.renderUserEdit(w, r, http.StatusOK, formOf(u), nil, nil)
}

func (s *App) renderUserEdit(w http.ResponseWriter, r *http.Request, status int, form pages.UserForm, errs, pwErrs domain.FieldErrors) {
	s.Render(w, r, status, "Pengguna "+form.Username, "admin", pages.AdminUserEdit(pages.AdminUserEditProps{
		Form: form, Errors: errs, PasswordErrors: pwErrs, Roles: roleOptions(), Self: form.ID == httpx.User(r).ID}))
}

// userUpdate changes a user's role, names and whether they may sign in.
func (s *App) userUpdate(w http.ResponseWriter, r *http.Request) {
	old, ok := s.userOf(w, r)
	if !ok {
		return
	}
	form := userFormFrom(r)
	form.ID, form.Username = old.ID, old.Username
	u, errs := validateUser(form, false)
	if old.ID == httpx.User(r).ID && (!u.Active || u.Role != domain.RoleAdmin) {
		errs.Add("role", "Anda tidak dapat mencabut peran admin atau menonaktifkan akun Anda sendiri")
	}
	if errs.Err() != nil {
		s.renderUserEdit(w, r, http.StatusUnprocessableEntity, form, errs, nil)
		return
	}
	u.ID, u.Pemda = old.ID, old.Pemda
	if _, err := s.db.UpdateUser(r.Context(), s.Actor(r), u); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Pengguna "+old.Username+" disimpan.")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

// userResetPassword sets a new password for a user.
func (s *App) userResetPassword(w http.ResponseWriter, r *http.Request) {
	u, ok := s.userOf(w, r)
	if !ok {
		return
	}
	pw, confirm := r.PostFormValue("password"), r.PostFormValue("confirm")
	errs := domain.FieldErrors{}
	checkNewPassword(errs, pw, confirm, u.Username)
	if errs.Err() != nil {
		s.renderUserEdit(w, r, http.StatusUnprocessableEntity, formOf(u), nil, errs)
		return
	}
	if err := s.setPassword(r, u, pw); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Kata sandi "+u.Username+" diganti. Sampaikan kata sandi baru secara langsung, bukan lewat pesan terbuka.")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

// userOf finds the user named in the path, in the admin's own Pemda.
func (s *App) userOf(w http.ResponseWriter, r *http.Request) (domain.User, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.RenderError(w, r, http.StatusNotFound)
		return domain.User{}, false
	}
	u, err := s.db.User(r.Context(), httpx.User(r).Pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return u, false
	}
	return u, true
}

func (s *App) setPassword(r *http.Request, u domain.User, pw string) error {
	hash, err := password.Hash(pw)
	if err != nil {
		return err
	}
	return s.db.SetPassword(r.Context(), s.Actor(r), u.Pemda, u.ID, hash)
}

// checkNewPassword applies the password rules to a new password and its
// confirmation.
func checkNewPassword(errs domain.FieldErrors, pw, confirm, username string) {
	if msg := password.Check(pw, username); msg != "" {
		errs.Add("password", msg)
	} else if pw != confirm {
		errs.Add("confirm", "Konfirmasi tidak sama dengan kata sandi baru.")
	}
}

// validateUser checks a user form; a new user also needs a username and a
// password.
func validateUser(f pages.UserForm, isNew bool) (domain.User, domain.FieldErrors) {
	errs := domain.FieldErrors{}
	role, err := domain.ParseRole(f.Role)
	if err != nil {
		errs.Add("role", "pilih peran")
	}
	if isNew {
		if !usernamePattern.MatchString(f.Username) {
			errs.Add("username", "2–64 huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka")
		}
		checkNewPassword(errs, f.Password, f.Confirm, f.Username)
	}
	if f.FullName == "" {
		errs.Add("full_name", "nama lengkap wajib diisi")
	}
	if f.NIP != "" && !nipPattern.MatchString(f.NIP) {
		errs.Add("nip", "NIP harus 18 digit angka")
	}
	return domain.User{Username: f.Username, FullName: f.FullName, Role: role, Institution: f.Institution,
		Position: f.Position, Rank: f.Rank, NIP: f.NIP, Active: f.Active || isNew}, errs
}

func userFormFrom(r *http.Request) pages.UserForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return pages.UserForm{
		Username: strings.ToLower(v("username")), FullName: v("full_name"), Role: v("role"),
		Institution: v("institution"), Position: v("position"), Rank: v("rank"), NIP: v("nip"),
		Active: r.PostFormValue("active") == "on", Password: r.PostFormValue("password"), Confirm: r.PostFormValue("confirm"),
	}
}

func formOf(u domain.User) pages.UserForm {
	return pages.UserForm{ID: u.ID, Username: u.Username, FullName: u.FullName, Role: string(u.Role),
		Institution: u.Institution, Position: u.Position, Rank: u.Rank, NIP: u.NIP, Active: u.Active}
}

func roleOptions() []pages.Option {
	var opts []pages.Option
	for _, r := range domain.Roles {
		opts = append(opts, pages.Option{Value: string(r), Label: r.Label()})
	}
	return opts
}
