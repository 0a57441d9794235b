package httpx

import "testing"

// TestSafeNext: only a same-site path survives, whatever a browser would
// make of the rest once it drops control characters.
func TestSafeNext(t *testing.T) {
	for next, want := range map[string]string{
		"/workers?page=2": "/workers?page=2", "/\t/evil.example": "/", "//evil.example": "/", "/\\evil.example": "/",
		"https://evil.example/": "/", "evil.example": "/", "": "/", "/\n/evil.example/x": "/",
	} {
		if got := SafeNext(next); got != want {
			t.Errorf("SafeNext(%q) = %q, want %q", next, got, want)
		}
	}
}
