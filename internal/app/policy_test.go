package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/domain"
)

// samplePath fills a route pattern's parameters with sample values.
func samplePath(pattern string) string {
	r := strings.NewReplacer("{id}", "999999", "{nik}", "3672015708900012", "{kind}", "workers", "{file}", "peserta.csv", "{format}", "csv", "{month}", "2024-07",
		"{check}", "invalid_nik", "{comment}", "999999", "{note}", "999999", "{role}", "bpjs",
		"*", "app.css")
	return r.Replace(pattern)
}

// TestEveryRouteHasARoleRule walks the router itself, so that a route added
// without a rule, or a rule without a route, fails here.
func TestEveryRouteHasARoleRule(t *testing.T) {
	a := apptest.New(t)
	seen := map[string]bool{}
	err := chi.Walk(a.App.Routes(), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		key := method + " " + route
		seen[key] = true
		if _, ok := a.App.Policy()[key]; !ok {
			t.Errorf("route %s has no role rule", key)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for key := range a.App.Policy() {
		if !seen[key] {
			t.Errorf("role rule for %s has no route", key)
		}
	}
}

// TestRoleRules calls every route as an anonymous user and as each role, and
// checks it is allowed or denied as its rule says.
func TestRoleRules(t *testing.T) {
	a := apptest.New(t)
	clients := map[domain.Role]*http.Client{}
	tokens := map[domain.Role]string{}
	for _, r := range domain.Roles {
		clients[r] = a.Login(r)
		tokens[r] = a.Token(r)
	}
	for key, rule := range a.App.Policy() {
		method, pattern, _ := strings.Cut(key, " ")
		path := samplePath(pattern)
		if pattern == "/logout" {
			continue // tested on its own: it ends the session the other checks use
		}
		t.Run(key, func(t *testing.T) {
			// Anonymous.
			resp, _ := a.Do(a.Client(), method, path, nil, nil)
			switch {
			case rule.Public:
				if resp.StatusCode == http.StatusForbidden || strings.HasPrefix(resp.Header.Get("Location"), "/login") {
					t.Errorf("anonymous: public route answered %d %q", resp.StatusCode, resp.Header.Get("Location"))
				}
			case rule.API:
				if resp.StatusCode != http.StatusUnauthorized {
					t.Errorf("anonymous: API answered %d, want 401", resp.StatusCode)
				}
			case method == http.MethodGet:
				if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
					t.Errorf("anonymous: answered %d to %q, want a redirect to /login", resp.StatusCode, resp.Header.Get("Location"))
				}
			default:
				if resp.StatusCode != http.StatusUnauthorized {
					t.Errorf("anonymous: answered %d, want 401", resp.StatusCode)
				}
			}
			if rule.Public {
				return
			}
			for _, role := range domain.Roles {
				var resp *http.Response
				if rule.API {
					resp, _ = a.Do(a.Client(), method, path, nil, map[string]string{"Authorization": "Bearer " + tokens[role]})
				} else {
					resp, _ = a.Do(clients[role], method, path, nil, nil)
				}
				denied := resp.StatusCode == http.StatusForbidden
				if rule.Allows(role) && (denied || resp.StatusCode == http.StatusUnauthorized) {
					t.Errorf("%s: allowed by the rule but answered %d", role, resp.StatusCode)
				}
				if !rule.Allows(role) && !denied {
					t.Errorf("%s: denied by the rule but answered %d", role, resp.StatusCode)
				}
			}
		})
	}
}
