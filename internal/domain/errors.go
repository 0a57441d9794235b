package domain

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrNotFound reports that a requested record does not exist; the store maps pgx.ErrNoRows to it.
var ErrNotFound = errors.New("not found")

// ErrConflict reports a clash with an existing record; the store maps unique violations to it.
var ErrConflict = errors.New("conflict")

// ErrForbidden reports that the actor's role may not do what was asked;
// services check it, behind the routes' role rules.
var ErrForbidden = errors.New("forbidden")

// ConflictError is a change the stored data does not allow, such as a NIK
// that is already registered or a spell that overlaps another, with a
// message per field for the form that asked for it.
type ConflictError struct {
	Fields FieldErrors
}

// Error returns the messages.
func (e *ConflictError) Error() string { return "conflict: " + e.Fields.Error() }

// Unwrap makes errors.Is(err, ErrConflict) hold.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// Refuse returns a ConflictError with one message for one field.
func Refuse(field, msg string) error {
	return &ConflictError{Fields: FieldErrors{field: msg}}
}

// ValueError is an invalid user-typed value; Msg is a complete Indonesian sentence fragment for users.
type ValueError struct{ Msg string }

// Error returns the Indonesian message.
func (e *ValueError) Error() string { return e.Msg }

// FieldErrors maps a form or import field name to its Indonesian message; it implements error.
type FieldErrors map[string]string

// Error joins the messages as "field: message" pairs sorted by field name, separated by "; ".
func (fe FieldErrors) Error() string {
	keys := make([]string, 0, len(fe))
	for k := range fe {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(k)
		b.WriteString(": ")
		b.WriteString(fe[k])
	}
	return b.String()
}

// Add records msg for field unless the field already has a message, so the first problem found wins.
func (fe FieldErrors) Add(field, msg string) {
	if _, ok := fe[field]; !ok {
		fe[field] = msg
	}
}

// Err returns fe as an error, or nil when it holds no messages (avoiding a non-nil empty error).
func (fe FieldErrors) Err() error {
	if len(fe) == 0 {
		return nil
	}
	return fe
}

// Invalidf builds a *ValueError from an Indonesian format string.
func Invalidf(format string, args ...any) error {
	return &ValueError{Msg: fmt.Sprintf(format, args...)}
}

// Quote shows user input inside a message: quoted, and cut short so a pasted
// paragraph does not flood the page.
func Quote(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = string(r[:max]) + "…"
	}
	return strconv.Quote(s)
}
