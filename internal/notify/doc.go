// Package notify tells users what needs them: it owns the inbox (the
// notifications features post through internal/platform/notice), each
// user's e-mail preferences, a Pemda's SMTP settings and the mail queue,
// which a worker goroutine (Mailer) sends with retries and back-off,
// never from inside a request. Its pages live in ui/. It imports no other
// feature; features never import it (they post through platform/notice).
package notify
