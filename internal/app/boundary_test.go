package app_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"io"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/cilegon/monev/"

// features are the feature folders under internal/. A feature holds its
// model, store, service and API in its root package and its pages in ui/;
// another package reaches it only through that root.
var features = []string{"admin", "analysis", "auth", "claims", "contributions", "imports", "laporan", "notify", "panduan", "quality", "registry", "settings"}

// maxFiles is how many hand-written non-test files (.go and .templ, not the
// generated _templ.go) one package may have before it wants splitting.
const maxFiles = 40

// pkg is what `go list -json` says of a package.
type pkg struct {
	ImportPath string
	Dir        string
	Standard   bool
	GoFiles    []string
	Imports    []string
	Deps       []string
}

// layer names where a package of this module stands: domain, platform,
// web, feature, app, or tool (commands, the demo, load generators and the
// migrations, which may import anything below them).
func layer(path string) string {
	rel := strings.TrimPrefix(path, module)
	switch {
	case rel == "internal/domain" || strings.HasPrefix(rel, "internal/domain/"):
		return "domain"
	case strings.HasPrefix(rel, "internal/platform/"):
		return "platform"
	case rel == "web" || strings.HasPrefix(rel, "web/"):
		return "web"
	case rel == "internal/app" || strings.HasPrefix(rel, "internal/app/"):
		return "app"
	case feature(path) != "":
		return "feature"
	case strings.HasPrefix(rel, "cmd/"), rel == "migrations", rel == "internal/demo", rel == "internal/loadgen",
		strings.HasPrefix(rel, "internal/tools/"):
		return "tool"
	}
	return ""
}

// feature is the feature a package belongs to, or "".
func feature(path string) string {
	rel := strings.TrimPrefix(path, module+"internal/")
	name, _, _ := strings.Cut(rel, "/")
	if strings.HasPrefix(path, module+"internal/") && slices.Contains(features, name) {
		return name
	}
	return ""
}

// own reports whether path is a package of this module.
func own(path string) bool { return strings.HasPrefix(path, module) }

// packages lists every package of the module with `go list`.
func packages(t *testing.T) []pkg {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	cmd := exec.Command(goBin, "list", "-json", module+"...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 20 {
		t.Fatalf("go list found %d packages", len(pkgs))
	}
	return pkgs
}

// TestBoundaries checks the dependency rules docs/architecture.md states:
//   - every package stands in a known layer;
//   - domain depends on the standard library only (domaintest on domain too);
//   - platform and web import nothing of the module but domain, platform,
//     web and migrations: never a feature, the app or a tool;
//   - a feature imports another feature only through its root package
//     (never its ui/), never the app or a tool, and the features' imports
//     of each other have no cycle;
//   - nothing that renders HTML (imports templ, or is a ui/ package)
//     imports pgx, and only platform/httpx imports chi and scs;
//   - in a feature's root package only the store*.go files import pgx;
//   - no package has more than maxFiles hand-written non-test files.
func TestBoundaries(t *testing.T) {
	pkgs := packages(t)
	std := map[string]bool{}
	for _, p := range pkgs {
		if p.Standard {
			std[p.ImportPath] = true
		}
	}
	uses := map[string]map[string]bool{} // feature → features it imports
	for _, p := range pkgs {
		path, l := p.ImportPath, layer(p.ImportPath)
		if l == "" {
			t.Errorf("%s stands in no layer; add it to layer() and docs/architecture.md", path)
			continue
		}
		if l == "domain" {
			for _, d := range p.Deps {
				if !isStd(d) && d != module+"internal/domain" {
					t.Errorf("%s depends on %s; domain may use the standard library only", path, d)
				}
			}
		}
		renders := slices.Contains(p.Imports, "github.com/a-h/templ") || strings.HasSuffix(path, "/ui")
		for _, imp := range p.Imports {
			switch {
			case (l == "platform" || l == "web") && own(imp) && !slices.Contains([]string{"domain", "platform", "web"}, layer(imp)) &&
				imp != module+"migrations":
				t.Errorf("%s imports %s; platform and web import no feature, app or tool", path, imp)
			case l == "feature" && own(imp) && (layer(imp) == "app" || layer(imp) == "tool"):
				t.Errorf("%s imports %s; a feature never imports the app or a tool", path, imp)
			case l == "feature" && feature(imp) != "" && feature(imp) != feature(path):
				if imp != module+"internal/"+feature(imp) {
					t.Errorf("%s imports %s; reach feature %s through its root package", path, imp, feature(imp))
				}
				if uses[feature(path)] == nil {
					uses[feature(path)] = map[string]bool{}
				}
				uses[feature(path)][feature(imp)] = true
			}
			if renders && strings.HasPrefix(imp, "github.com/jackc/pgx") {
				t.Errorf("%s renders HTML and imports %s; reach the data through the feature's service", path, imp)
			}
			if (strings.HasPrefix(imp, "github.com/go-chi/") || strings.HasPrefix(imp, "github.com/alexedwards/scs")) &&
				path != module+"internal/platform/httpx" {
				t.Errorf("%s imports %s; only platform/httpx does", path, imp)
			}
		}
		if l == "feature" && !strings.HasSuffix(path, "/ui") {
			for _, f := range pgxOutsideStore(t, p) {
				t.Errorf("%s imports pgx outside a store*.go file; its SQL belongs in the feature's store", f)
			}
		}
		if n := handWritten(t, p); n > maxFiles {
			t.Errorf("%s has %d hand-written non-test files; split it (at most %d)", path, n, maxFiles)
		}
	}
	for _, f := range features {
		if cycle := findCycle(uses, f, nil); cycle != nil {
			t.Errorf("features import each other in a cycle: %s", strings.Join(cycle, " → "))
			break
		}
	}
}

// isStd reports whether an import path is the standard library's: its first
// element has no dot.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// handWritten counts a package's non-test .go files that templ did not
// generate, and its .templ files.
func handWritten(t *testing.T, p pkg) int {
	t.Helper()
	n := 0
	for _, f := range p.GoFiles {
		if !strings.HasSuffix(f, "_templ.go") {
			n++
		}
	}
	templs, err := filepath.Glob(filepath.Join(p.Dir, "*.templ"))
	if err != nil {
		t.Fatal(err)
	}
	return n + len(templs)
}

// pgxOutsideStore lists the package's non-test files, other than
// store*.go, that import pgx.
func pgxOutsideStore(t *testing.T, p pkg) []string {
	t.Helper()
	var found []string
	for _, name := range p.GoFiles {
		if strings.HasPrefix(name, "store") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(p.Dir, name), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if strings.HasPrefix(strings.Trim(imp.Path.Value, `"`), "github.com/jackc/pgx") {
				found = append(found, filepath.Join(p.Dir, name))
			}
		}
	}
	return found
}

// findCycle returns a path from f back to a feature already on path, or nil.
func findCycle(uses map[string]map[string]bool, f string, path []string) []string {
	if i := slices.Index(path, f); i >= 0 {
		return append(slices.Clone(path[i:]), f)
	}
	path = append(path, f)
	next := make([]string, 0, len(uses[f]))
	for g := range uses[f] {
		next = append(next, g)
	}
	slices.Sort(next)
	for _, g := range next {
		if c := findCycle(uses, g, path); c != nil {
			return c
		}
	}
	return nil
}

// TestBoundaryRulesBite feeds the rules' helpers the cases they exist for,
// so that a rule cannot quietly stop matching.
func TestBoundaryRulesBite(t *testing.T) {
	for path, want := range map[string]string{
		module + "internal/domain":            "domain",
		module + "internal/domain/domaintest": "domain",
		module + "internal/platform/sheet":    "platform",
		module + "web/components":             "web",
		module + "internal/registry":          "feature",
		module + "internal/registry/ui":       "feature",
		module + "internal/app/apptest":       "app",
		module + "cmd/monev":                  "tool",
		module + "internal/unknown":           "",
	} {
		if got := layer(path); got != want {
			t.Errorf("layer(%s) = %q, want %q", path, got, want)
		}
	}
	if !isStd("net/http") || isStd("github.com/jackc/pgx/v5") || isStd("golang.org/x/crypto/argon2") {
		t.Error("isStd misjudges an import path")
	}
	uses := map[string]map[string]bool{"a": {"b": true}, "b": {"c": true}, "c": {"a": true}}
	if c := findCycle(uses, "a", nil); strings.Join(c, " ") != "a b c a" {
		t.Errorf("findCycle = %v", c)
	}
	delete(uses["c"], "a")
	if c := findCycle(uses, "a", nil); c != nil {
		t.Errorf("findCycle without a cycle = %v", c)
	}
}
