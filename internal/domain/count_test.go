package domain_test

import (
	"testing"

	"github.com/cilegon/monev/internal/domain"
)

func TestParseCount(t *testing.T) {
	for in, want := range map[string]int64{"1528": 1528, "1.528": 1528, " 172.980 ": 172_980, "0": 0} {
		got, err := domain.ParseCount(in)
		if err != nil || got != want {
			t.Errorf("ParseCount(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-5", "1,5", "15.28", "abc", "99999999999999999999"} {
		_, err := domain.ParseCount(in)
		wantValueError(t, in, err)
	}
}

func TestParsePermille(t *testing.T) {
	for in, want := range map[string]int{"55": 550, "55,5": 555, "55.5": 555, "55 %": 550, "0": 0, "100": 1000, "43,5%": 435} {
		got, err := domain.ParsePermille(in)
		if err != nil || got != want {
			t.Errorf("ParsePermille(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "101", "55,55", "-1", "abc", "5,"} {
		_, err := domain.ParsePermille(in)
		wantValueError(t, in, err)
	}
}
