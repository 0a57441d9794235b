package httpx

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/platform/database"
)

// TestReadRouting: GET and HEAD may read from the replica, other methods
// never; a change sends the browser's reads to the primary for the
// replica's allowed lag, and without a replica no cookie is set.
func TestReadRouting(t *testing.T) {
	var readOnly bool
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { readOnly = database.IsReadOnly(r.Context()) })
	do := func(s *Site, method string, cookie bool) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, "/workers", nil)
		if cookie {
			r.AddCookie(&http.Cookie{Name: PrimaryCookie, Value: "1"})
		}
		w := httptest.NewRecorder()
		s.readRouting(next).ServeHTTP(w, r)
		return w
	}
	withReplica := &Site{Config: Config{ReplicaMaxLag: 30 * time.Second}}
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		if do(withReplica, m, false); !readOnly {
			t.Errorf("%s is not marked read-only", m)
		}
		if do(withReplica, m, true); readOnly {
			t.Errorf("%s right after a change is marked read-only", m)
		}
	}
	w := do(withReplica, http.MethodPost, false)
	if readOnly {
		t.Error("POST is marked read-only")
	}
	res := w.Result()
	if c := res.Cookies(); len(c) != 1 || c[0].Name != PrimaryCookie || c[0].MaxAge < 30 || c[0].MaxAge > 35 {
		t.Errorf("POST with a replica set cookies %v, want %s for about 30 s", c, PrimaryCookie)
	}
	if c := do(&Site{}, http.MethodPost, false).Result().Cookies(); len(c) != 0 {
		t.Errorf("POST without a replica set cookies %v", c)
	}
}
