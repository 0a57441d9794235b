package domain_test

import (
	"errors"
	"testing"

	"github.com/cilegon/monev/internal/domain"
)

// wantValueError fails unless err is a *domain.ValueError with a message.
func wantValueError(t testing.TB, input string, err error) {
	t.Helper()
	var ve *domain.ValueError
	if !errors.As(err, &ve) {
		t.Fatalf("%q: error %v (%T) is not a *domain.ValueError", input, err, err)
	}
	if ve.Msg == "" {
		t.Fatalf("%q: empty error message", input)
	}
}
