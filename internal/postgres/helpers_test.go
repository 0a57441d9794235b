package postgres_test

import (
	"testing"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

func mustMonth(t testing.TB, s string) domain.Month {
	t.Helper()
	m, err := domain.ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func mustPeriod(t testing.TB, s string) domain.Period {
	t.Helper()
	p, err := domain.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func datePtr(s string) *time.Time {
	d := date(s)
	return &d
}

func rupiahPtr(r domain.Rupiah) *domain.Rupiah { return &r }

var testActor = domain.OperatorActor("3672", "test")
