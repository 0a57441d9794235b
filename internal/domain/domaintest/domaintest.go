// Package domaintest builds the domain's values in tests: days, months and
// periods from their written form, pointers to them, and the actor tests
// act as. It imports the standard library and domain only.
package domaintest

import (
	"errors"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Actor is the command-line operator of Kota Cilegon that tests act as.
var Actor = domain.OperatorActor(domain.DefaultPemda, "test")

// Date reads a day written as 2024-07-17; it panics on anything else.
func Date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// DatePtr is a pointer to Date(s).
func DatePtr(s string) *time.Time {
	d := Date(s)
	return &d
}

// RupiahPtr is a pointer to r.
func RupiahPtr(r domain.Rupiah) *domain.Rupiah { return &r }

// Month reads a month such as 2024-07, failing the test on anything else.
func Month(t testing.TB, s string) domain.Month {
	t.Helper()
	m, err := domain.ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Period reads a period such as 2024-S1, failing the test on anything else.
func Period(t testing.TB, s string) domain.Period {
	t.Helper()
	p, err := domain.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// ConflictField returns the field and message of a domain.ConflictError
// with one field, failing the test for any other error.
func ConflictField(t testing.TB, err error) (string, string) {
	t.Helper()
	var c *domain.ConflictError
	if !errors.As(err, &c) || !errors.Is(err, domain.ErrConflict) || len(c.Fields) != 1 {
		t.Fatalf("error %v: want a ConflictError with one field that is a domain.ErrConflict", err)
	}
	for f, msg := range c.Fields {
		return f, msg
	}
	return "", ""
}

// ErrOf is the error of a call that returns a value too.
func ErrOf[T any](_ T, err error) error { return err }
