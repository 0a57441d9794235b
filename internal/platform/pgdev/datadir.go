package pgdev

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// prepareDir sets c.dir and makes sure it holds an initialised data
// directory: an existing one is used as it is, a missing or empty one is
// created and initdb'd, and an empty dir means a new temporary directory.
func (c *Cluster) prepareDir(dir string) error {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "monev-pg-*")
		if err != nil {
			return fmt.Errorf("pgdev: temporary data directory: %w", err)
		}
		c.dir, c.temp = tmp, true
		return c.initNew()
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("pgdev: data directory %q: %w", dir, err)
	}
	c.dir = abs
	if _, err := os.Stat(filepath.Join(abs, "PG_VERSION")); err == nil {
		return c.as.checkReach(abs)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return fmt.Errorf("pgdev: data directory: %w", err)
	}
	if err := os.Mkdir(abs, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return fmt.Errorf("pgdev: data directory: %w", err)
	}
	if empty, err := isEmpty(abs); err != nil {
		return fmt.Errorf("pgdev: data directory: %w", err)
	} else if !empty {
		return fmt.Errorf("pgdev: %s is neither empty nor a PostgreSQL data directory (no PG_VERSION); "+
			"empty it or choose another directory", abs)
	}
	return c.initNew()
}

// initNew hands the empty directory c.dir to the server user and runs initdb
// in it.
func (c *Cluster) initNew() error {
	if err := c.as.own(c.dir); err != nil {
		return err
	}
	if err := c.as.checkReach(c.dir); err != nil {
		return err
	}
	return c.initdb()
}

// initdb creates the cluster with a trusted postgres superuser and UTF-8
// encoding, in the C.UTF-8 locale when the system has it and in the plain C
// locale otherwise.
func (c *Cluster) initdb() error {
	args := []string{"-D", c.dir, "-U", "postgres", "--auth=trust", "-E", "UTF8"}
	if c.throwaway {
		args = append(args, "--no-sync")
	}
	out, err := c.initdbWith(slices.Concat(args, []string{"--locale=C.UTF-8"}))
	if err != nil && strings.Contains(out, "invalid locale name") {
		fmt.Fprintln(c.log, "pgdev: locale C.UTF-8 is not available; running initdb with --no-locale")
		out, err = c.initdbWith(slices.Concat(args, []string{"--no-locale"}))
	}
	if err != nil {
		return fmt.Errorf("pgdev: initdb: %w\n%s", err, strings.TrimSpace(out))
	}
	return nil
}

// initdbWith runs initdb with args and returns its output. The messages are
// kept in English so that initdb can recognise a missing locale.
func (c *Cluster) initdbWith(args []string) (string, error) {
	cmd := c.command("initdb", args...)
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "LC_ALL=") || strings.HasPrefix(kv, "LC_MESSAGES=")
	})
	cmd.Env = append(cmd.Env, "LC_MESSAGES=C")
	return c.run(cmd)
}

// isEmpty reports whether dir has no entries.
func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	return false, err
}
