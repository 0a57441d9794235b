package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/components"
)

// userList lists the Pemda's users with the form to add one.
func (s *Handlers) userList(w http.ResponseWriter, r *http.Request) {
	s.renderUsers(w, r, http.StatusOK, UserForm{Role: string(domain.RoleDisnaker), Active: true}, nil)
}

func (s *Handlers) renderUsers(w http.ResponseWriter, r *http.Request, status int, form UserForm, errs domain.FieldErrors) {
	users, err := s.auth.Users(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, status, "Pengguna", "admin", AdminUsers(AdminUsersProps{
		Users: users, Form: form, Errors: errs, Roles: roleOptions()}))
}

// userCreate adds a user.
func (s *Handlers) userCreate(w http.ResponseWriter, r *http.Request) {
	form := userFormFrom(r)
	u := form.user()
	u.Pemda, u.Active = httpx.User(r).Pemda, true
	errs := auth.ValidateAccount(u, true, form.Password, form.Confirm)
	if errs.Err() == nil {
		var err error
		u, err = s.auth.CreateUser(r.Context(), s.Actor(r), u, form.Password)
		var refused *domain.ConflictError
		if errors.As(err, &refused) {
			errs = refused.Fields
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
func (s *Handlers) userEdit(w http.ResponseWriter, r *http.Request) {
	u, ok := s.userOf(w, r)
	if !ok {
		return
	}
	s.renderUserEdit(w, r, http.StatusOK, formOf(u), nil, nil)
}

func (s *Handlers) renderUserEdit(w http.ResponseWriter, r *http.Request, status int, form UserForm, errs, pwErrs domain.FieldErrors) {
	s.Render(w, r, status, "Pengguna "+form.Username, "admin", AdminUserEdit(AdminUserEditProps{
		Form: form, Errors: errs, PasswordErrors: pwErrs, Roles: roleOptions(), Self: form.ID == httpx.User(r).ID}))
}

// userUpdate changes a user's role, names and whether they may sign in.
func (s *Handlers) userUpdate(w http.ResponseWriter, r *http.Request) {
	old, ok := s.userOf(w, r)
	if !ok {
		return
	}
	form := userFormFrom(r)
	form.ID, form.Username = old.ID, old.Username
	u := form.user()
	u.ID, u.Pemda = old.ID, old.Pemda
	_, err := s.auth.UpdateUser(r.Context(), s.Actor(r), u)
	var errs domain.FieldErrors
	if errors.As(err, &errs) {
		s.renderUserEdit(w, r, http.StatusUnprocessableEntity, form, errs, nil)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Pengguna "+old.Username+" disimpan.")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

// userResetPassword sets a new password for a user.
func (s *Handlers) userResetPassword(w http.ResponseWriter, r *http.Request) {
	u, ok := s.userOf(w, r)
	if !ok {
		return
	}
	pw, confirm := r.PostFormValue("password"), r.PostFormValue("confirm")
	errs := domain.FieldErrors{}
	auth.CheckNewPassword(errs, pw, confirm, u.Username)
	if errs.Err() != nil {
		s.renderUserEdit(w, r, http.StatusUnprocessableEntity, formOf(u), nil, errs)
		return
	}
	if err := s.auth.ResetPassword(r.Context(), s.Actor(r), u, pw); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Kata sandi "+u.Username+" diganti. Sampaikan kata sandi baru secara langsung, bukan lewat pesan terbuka.")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

// userOf finds the user named in the path, in the admin's own Pemda.
func (s *Handlers) userOf(w http.ResponseWriter, r *http.Request) (domain.User, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.RenderError(w, r, http.StatusNotFound)
		return domain.User{}, false
	}
	u, err := s.auth.User(r.Context(), httpx.User(r).Pemda, id)
	if err != nil {
		s.Fail(w, r, err)
		return u, false
	}
	return u, true
}

func userFormFrom(r *http.Request) UserForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return UserForm{
		Username: strings.ToLower(v("username")), FullName: v("full_name"), Role: v("role"),
		Institution: v("institution"), Position: v("position"), Rank: v("rank"), NIP: v("nip"),
		Signatory: r.PostFormValue("signatory") == "on",
		Active:    r.PostFormValue("active") == "on", Password: r.PostFormValue("password"), Confirm: r.PostFormValue("confirm"),
	}
}

// user is the account the form describes; an unknown role is left empty.
func (f UserForm) user() domain.User {
	role, _ := domain.ParseRole(f.Role)
	return domain.User{Username: f.Username, FullName: f.FullName, Role: role, Institution: f.Institution,
		Position: f.Position, Rank: f.Rank, NIP: f.NIP, Signatory: f.Signatory, Active: f.Active}
}

func formOf(u domain.User) UserForm {
	return UserForm{ID: u.ID, Username: u.Username, FullName: u.FullName, Role: string(u.Role),
		Institution: u.Institution, Position: u.Position, Rank: u.Rank, NIP: u.NIP, Signatory: u.Signatory, Active: u.Active}
}

func roleOptions() []components.Choice {
	var opts []components.Choice
	for _, r := range domain.Roles {
		opts = append(opts, components.Choice{Value: string(r), Label: r.Label()})
	}
	return opts
}
