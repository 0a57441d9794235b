package httpx

import (
	"net/url"
	"strings"
	"unicode"
)

// SafeNext keeps a redirect chosen by the client (sign-in's and the Pemda
// switcher's next=) on this site: a path (with its query) that parses
// without a scheme or host, once control characters, which browsers drop,
// are removed; anything else goes to /.
func SafeNext(next string) string {
	next = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, next)
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") ||
		strings.HasPrefix(next, "//") || strings.ContainsRune(next, '\\') {
		return "/"
	}
	return next
}
