package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/notify"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// mailsShown is how many queued e-mails the SMTP page lists.
const mailsShown = 20

// smtpForm shows the Pemda's SMTP settings (never the password), a test
// button and the latest queued e-mails with their state.
func (s *Handlers) smtpForm(w http.ResponseWriter, r *http.Request) {
	c, has, err := s.svc.SMTP(r.Context(), s.Actor(r))
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.renderSMTP(w, r, http.StatusOK, SMTPProps{SMTP: c, HasPassword: has})
}

// smtpSave stores the settings; an empty password keeps the stored one.
func (s *Handlers) smtpSave(w http.ResponseWriter, r *http.Request) {
	port, perr := strconv.Atoi(strings.TrimSpace(r.PostFormValue("port")))
	c := notify.SMTP{Host: r.PostFormValue("host"), Port: port, Username: r.PostFormValue("username"),
		Password: r.PostFormValue("password"), Sender: r.PostFormValue("sender"), StartTLS: r.PostFormValue("starttls") == "1"}
	if perr != nil {
		c.Port = 0 // reported by Validate
	}
	err := s.svc.SetSMTP(r.Context(), s.Actor(r), c)
	var errs domain.FieldErrors
	if errors.As(err, &errs) {
		_, has, _ := s.svc.SMTP(r.Context(), s.Actor(r))
		c.Password = ""
		s.renderSMTP(w, r, http.StatusUnprocessableEntity, SMTPProps{SMTP: c, HasPassword: has, Errors: errs})
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Pengaturan SMTP disimpan.")
	http.Redirect(w, r, "/admin/smtp", http.StatusSeeOther)
}

// smtpTest queues a test e-mail; the mail worker sends it.
func (s *Handlers) smtpTest(w http.ResponseWriter, r *http.Request) {
	to := strings.TrimSpace(r.PostFormValue("to"))
	err := s.svc.SendTest(r.Context(), s.Actor(r), to)
	var errs domain.FieldErrors
	if errors.As(err, &errs) {
		c, has, _ := s.svc.SMTP(r.Context(), s.Actor(r))
		s.renderSMTP(w, r, http.StatusUnprocessableEntity, SMTPProps{SMTP: c, HasPassword: has, Errors: errs, TestTo: to})
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Surel uji diantrekan ke "+to+"; statusnya tampil di tabel di bawah.")
	http.Redirect(w, r, "/admin/smtp", http.StatusSeeOther)
}

func (s *Handlers) renderSMTP(w http.ResponseWriter, r *http.Request, status int, p SMTPProps) {
	mails, err := s.svc.RecentMails(r.Context(), s.Actor(r), mailsShown)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	p.Mails = mails
	if p.TestTo == "" {
		p.TestTo = httpx.User(r).Username + "@"
		if prefs, err := s.svc.Prefs(r.Context(), httpx.User(r)); err == nil && prefs.Email != "" {
			p.TestTo = prefs.Email
		}
	}
	s.Render(w, r, status, "Pengaturan SMTP", "admin", SMTPPage(p))
}

// passwordHint says whether a password is stored, without showing it.
func passwordHint(has bool) string {
	if has {
		return "Tersimpan dan tidak ditampilkan. Kosongkan untuk tetap memakainya."
	}
	return "Belum ada kata sandi tersimpan."
}

// mailStatus is a queued e-mail's state, with the time of the next attempt
// while it waits after a failure.
func mailStatus(m notify.Mail) string {
	if m.Status == notify.MailPending && m.Attempts > 0 {
		return "Dicoba lagi " + domain.FormatDateTime(m.NextAttemptAt.In(domain.WIB))
	}
	return m.Status.Label()
}
