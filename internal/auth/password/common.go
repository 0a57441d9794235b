package password

import (
	_ "embed"
	"strings"
	"unicode"
)

//go:embed common.txt
var commonList string

var common = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonList, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			m[strings.ToLower(line)] = true
		}
	}
	return m
}()

// isCommon reports a password on the list of common passwords, or one made
// of a single repeated character or a run of consecutive characters.
func isCommon(pw string) bool {
	lower := strings.ToLower(pw)
	if common[lower] {
		return true
	}
	runes := []rune(lower)
	same, ascending := true, true
	for i := 1; i < len(runes); i++ {
		same = same && runes[i] == runes[0]
		ascending = ascending && runes[i] == runes[i-1]+1
	}
	if same || ascending {
		return true
	}
	// The same word repeated, such as "cilegoncilegon".
	for n := 1; n <= len(runes)/2; n++ {
		if len(runes)%n == 0 && strings.Repeat(string(runes[:n]), len(runes)/n) == lower {
			return true
		}
	}
	return strings.IndexFunc(lower, func(r rune) bool { return !unicode.IsDigit(r) }) == -1 && len(lower) < 16
}
