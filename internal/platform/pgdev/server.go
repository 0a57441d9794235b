package pgdev

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// errPortInUse marks a start that failed because another process holds the port.
var errPortInUse = errors.New("port already in use")

// command builds a command running one of the server programs, as the
// server user when this program runs as root.
func (c *Cluster) command(program string, args ...string) *exec.Cmd {
	cmd := c.as.command(filepath.Join(c.bin, program), args...)
	// The server user may not be able to enter our working directory.
	cmd.Dir = "/"
	// A Ctrl-C at the terminal goes to the foreground process group; keeping
	// pg_ctl, and so the postmaster it forks, out of it leaves the shutdown
	// to Stop.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// run runs cmd, copying its output to the log, and returns that output.
func (c *Cluster) run(cmd *exec.Cmd) (string, error) {
	var out bytes.Buffer
	w := io.MultiWriter(c.log, &out)
	cmd.Stdout, cmd.Stderr = w, w
	err := cmd.Run()
	return out.String(), err
}

// pgctl runs pg_ctl with args and returns its output.
func (c *Cluster) pgctl(args ...string) (string, error) {
	return c.run(c.command("pg_ctl", args...))
}

// startServer starts the server on c.port and waits until it accepts
// connections. The caller holds c.mu or owns c alone.
func (c *Cluster) startServer(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("pgdev: start server: %w", err)
	}
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200", c.port)
	if c.throwaway {
		opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	}
	out, err := c.pgctl("start", "-D", c.dir, "-l", c.LogFile(), "-w", "-t", "60", "-o", opts)
	if err != nil {
		c.killServer()
		tail := c.logTail()
		if strings.Contains(tail, "Address already in use") {
			err = fmt.Errorf("%w (%d): %w", errPortInUse, c.port, err)
		}
		return fmt.Errorf("pgdev: start server in %s on port %d: %w\n%s\nserver log %s:\n%s",
			c.dir, c.port, err, strings.TrimSpace(out), c.LogFile(), tail)
	}
	c.running = true
	if err := c.waitReady(ctx); err != nil {
		c.killServer()
		c.running = false
		return fmt.Errorf("%w\nserver log %s:\n%s", err, c.LogFile(), c.logTail())
	}
	return nil
}

// stopServer shuts the server down, letting it end sessions and write a
// checkpoint, and waits until it is gone. The caller holds c.mu.
func (c *Cluster) stopServer() error {
	if !c.running {
		return nil
	}
	out, err := c.pgctl("stop", "-D", c.dir, "-m", "fast", "-w", "-t", "60")
	if err != nil {
		// It may have gone already, e.g. stopped by another Cluster value
		// that reused it.
		if running, _ := c.serverRunning(); running {
			return fmt.Errorf("pgdev: stop server in %s: %w\n%s", c.dir, err, strings.TrimSpace(out))
		}
	}
	c.running = false
	return nil
}

// killServer stops a server that failed to start properly, without waiting
// for sessions or a checkpoint.
func (c *Cluster) killServer() {
	if running, _ := c.serverRunning(); running {
		_, _ = c.pgctl("stop", "-D", c.dir, "-m", "immediate", "-w", "-t", "60")
	}
}

// serverRunning reports whether a server runs in c.dir, as pg_ctl status sees it.
func (c *Cluster) serverRunning() (bool, error) {
	out, err := c.run(c.command("pg_ctl", "status", "-D", c.dir))
	var exit *exec.ExitError
	switch {
	case err == nil:
		return true, nil
	case errors.As(err, &exit) && (exit.ExitCode() == 3 || exit.ExitCode() == 4):
		return false, nil // 3: not running; 4: no accessible data directory
	default:
		return false, fmt.Errorf("pgdev: pg_ctl status: %w\n%s", err, strings.TrimSpace(out))
	}
}

// runningPort returns the port of the server that pg_ctl status reports
// running in c.dir, read from postmaster.pid, whose 4th line is the port.
func (c *Cluster) runningPort() (port int, running bool, err error) {
	if _, err := os.Stat(filepath.Join(c.dir, "postmaster.pid")); errors.Is(err, os.ErrNotExist) {
		return 0, false, nil
	}
	if running, err = c.serverRunning(); err != nil || !running {
		return 0, false, err
	}
	data, err := os.ReadFile(filepath.Join(c.dir, "postmaster.pid"))
	if err != nil {
		return 0, false, fmt.Errorf("pgdev: running server: %w", err)
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) < 4 {
		return 0, false, fmt.Errorf("pgdev: running server: %s/postmaster.pid has no port line", c.dir)
	}
	if port, err = strconv.Atoi(strings.TrimSpace(lines[3])); err != nil {
		return 0, false, fmt.Errorf("pgdev: running server: port in postmaster.pid: %w", err)
	}
	return port, true, nil
}

// logTail returns the last lines of the server log, to explain a failure.
func (c *Cluster) logTail() string {
	const maxBytes, maxLines = 4096, 20
	f, err := os.Open(c.LogFile())
	if err != nil {
		return fmt.Sprintf("(cannot read: %v)", err)
	}
	defer f.Close()
	cut := false
	if info, err := f.Stat(); err == nil && info.Size() > maxBytes {
		_, err = f.Seek(-maxBytes, io.SeekEnd)
		cut = err == nil
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return fmt.Sprintf("(cannot read: %v)", err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if cut && len(lines) > 1 {
		lines = lines[1:] // the first line is likely cut in the middle
	}
	if len(lines) > maxLines {
		lines = lines[len(lines)-maxLines:]
	}
	return strings.Join(lines, "\n")
}
