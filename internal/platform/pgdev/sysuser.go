package pgdev

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
)

// sysUser is the postgres system user that the server programs run as when
// this program runs as root. A nil *sysUser means "run as the current user".
type sysUser struct {
	name    string
	uid     int
	gids    []int  // primary group first
	runuser string // path of runuser(1)
}

// serverUser returns the postgres system user when running as root, and nil
// otherwise.
func serverUser() (*sysUser, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	const name = "postgres"
	u, err := user.Lookup(name)
	if err != nil {
		return nil, fmt.Errorf("pgdev: running as root, so the server must run as the %q system user: %w", name, err)
	}
	s := &sysUser{name: name}
	if s.uid, err = strconv.Atoi(u.Uid); err != nil {
		return nil, fmt.Errorf("pgdev: uid of %q: %w", name, err)
	}
	groups, err := u.GroupIds()
	if err != nil {
		groups = nil // the primary group below is enough for the common case
	}
	for _, g := range append([]string{u.Gid}, groups...) {
		if gid, err := strconv.Atoi(g); err == nil && !slices.Contains(s.gids, gid) {
			s.gids = append(s.gids, gid)
		}
	}
	if s.runuser, err = exec.LookPath("runuser"); err != nil {
		return nil, fmt.Errorf("pgdev: running as root needs runuser(1) to run the server as %q: %w", name, err)
	}
	return s, nil
}

// command builds a command that runs path with args as this user, or as the
// current user when s is nil.
func (s *sysUser) command(path string, args ...string) *exec.Cmd {
	if s == nil {
		return exec.Command(path, args...)
	}
	return exec.Command(s.runuser, append([]string{"-u", s.name, "--", path}, args...)...)
}

// own gives dir to this user with mode 0700, as initdb and postgres demand.
func (s *sysUser) own(dir string) error {
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("pgdev: %w", err)
	}
	if s == nil {
		return nil
	}
	if err := os.Chown(dir, s.uid, s.gids[0]); err != nil {
		return fmt.Errorf("pgdev: give %s to %s: %w", dir, s.name, err)
	}
	return nil
}

// checkReach reports an error naming the first ancestor of dir that this
// user may not enter, which would otherwise surface as an obscure
// "Permission denied" from initdb or pg_ctl.
func (s *sysUser) checkReach(dir string) error {
	if s == nil {
		return nil
	}
	for p := filepath.Dir(dir); ; p = filepath.Dir(p) {
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("pgdev: %w", err)
		}
		if !s.canSearch(info) {
			return fmt.Errorf("pgdev: the %s user cannot reach %s because %s has mode %v; "+
				"choose a directory it can reach (e.g. under /tmp) or run chmod o+x %s",
				s.name, dir, p, info.Mode().Perm(), p)
		}
		if p == filepath.Dir(p) {
			return nil
		}
	}
}

// canSearch reports whether this user may enter the directory described by
// info, applying the owner, group and other bits in the order the kernel does.
func (s *sysUser) canSearch(info os.FileInfo) bool {
	perm := info.Mode().Perm()
	st, ok := info.Sys().(*syscall.Stat_t)
	switch {
	case !ok:
		return true // cannot tell; let the server programs decide
	case int(st.Uid) == s.uid:
		return perm&0o100 != 0
	case slices.Contains(s.gids, int(st.Gid)):
		return perm&0o010 != 0
	default:
		return perm&0o001 != 0
	}
}
