package pgdev

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ErrNoBinaries reports that the PostgreSQL server programs are not installed.
var ErrNoBinaries = errors.New("PostgreSQL server programs (initdb, pg_ctl) not found. " +
	"Install them with `sudo apt-get install postgresql` (Debian/Ubuntu), " +
	"or start one with `docker compose up -d db` and set DATABASE_URL.")

// BinDir returns the directory holding initdb and pg_ctl: the one on PATH,
// else the newest /usr/lib/postgresql/*/bin (Debian, Ubuntu), else
// /usr/local/pgsql/bin (built from source). It returns ErrNoBinaries when
// none holds both.
func BinDir() (string, error) {
	if initdb, err := exec.LookPath("initdb"); err == nil {
		// Follow a symlink such as /usr/local/bin/initdb to the directory
		// that also holds the other programs (pg_dump, pg_restore).
		if real, err := filepath.EvalSymlinks(initdb); err == nil && hasPrograms(filepath.Dir(real)) {
			return filepath.Dir(real), nil
		}
		if dir := filepath.Dir(initdb); hasPrograms(dir) {
			return dir, nil
		}
	}
	debian, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(debian, func(a, b string) int { return compareVersions(versionOf(b), versionOf(a)) })
	for _, dir := range append(debian, "/usr/local/pgsql/bin") {
		if hasPrograms(dir) {
			return dir, nil
		}
	}
	return "", ErrNoBinaries
}

// Program finds another PostgreSQL program, such as pg_dump or pg_restore:
// next to initdb when it is there, else on PATH.
func Program(name string) (string, error) {
	if dir, err := BinDir(); err == nil {
		if p := filepath.Join(dir, name); isExecutable(p) {
			return p, nil
		}
	}
	p, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("pgdev: %s not found: install PostgreSQL's client programs (apt-get install postgresql-client)", name)
	}
	return p, nil
}

func isExecutable(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir() && info.Mode().Perm()&0o111 != 0
}

// hasPrograms reports whether dir holds executable initdb and pg_ctl.
func hasPrograms(dir string) bool {
	for _, name := range []string{"initdb", "pg_ctl"} {
		if !isExecutable(filepath.Join(dir, name)) {
			return false
		}
	}
	return true
}

// versionOf extracts the version from a path like /usr/lib/postgresql/15/bin.
func versionOf(binDir string) string {
	return filepath.Base(filepath.Dir(binDir))
}

// compareVersions orders dotted versions numerically, so that "15" comes
// after "9.6"; parts that are not numbers compare as zero.
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := range max(len(as), len(bs)) {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x - y
		}
	}
	return 0
}
