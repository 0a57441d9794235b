package pgdev

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// ErrStopped reports a call to StartServer or Restart after Stop.
var ErrStopped = errors.New("pgdev: cluster stopped")

// Options configures a cluster.
type Options struct {
	// Dir is the data directory; it is created and initdb'd when empty or
	// missing. An empty Dir means a new temporary directory that Stop removes.
	Dir string
	// Port is the TCP port on 127.0.0.1; 0 means choose one: PreferredPort
	// when it is free, else any free port.
	Port int
	// PreferredPort is the port tried first when Port is 0.
	PreferredPort int
	// Log receives the output of initdb and pg_ctl; nil discards it. The
	// server itself logs to LogFile, server.log inside Dir.
	Log io.Writer
	// Throwaway turns off fsync, synchronous_commit and full_page_writes:
	// fast for tests, but data may be lost in a crash.
	Throwaway bool
	// Database is created after start unless it exists; "" means none.
	Database string
	// BinDir is the directory holding initdb and pg_ctl; "" means BinDir().
	BinDir string
}

// Cluster is a PostgreSQL server started, or found running, in one data
// directory. It listens on 127.0.0.1 only and trusts every local connection
// as the postgres superuser.
type Cluster struct {
	bin       string
	dir       string
	temp      bool // Stop removes dir
	port      int
	throwaway bool
	log       io.Writer
	as        *sysUser // nil: run the server programs as the current user

	mu      sync.Mutex
	running bool
	stopped bool
}

// Start prepares the data directory and starts a server in it, or reuses
// the server already running there (left by a run that crashed), then waits
// until it accepts connections and creates Options.Database. ctx bounds the
// wait and the queries; the server keeps running until Stop.
func Start(ctx context.Context, o Options) (*Cluster, error) {
	c := &Cluster{bin: o.BinDir, throwaway: o.Throwaway, log: o.Log}
	if c.log == nil {
		c.log = io.Discard
	}
	if c.bin == "" {
		bin, err := BinDir()
		if err != nil {
			return nil, fmt.Errorf("pgdev: %w", err)
		}
		c.bin = bin
	} else if !hasPrograms(c.bin) {
		return nil, fmt.Errorf("pgdev: %s: %w", c.bin, ErrNoBinaries)
	}
	as, err := serverUser()
	if err != nil {
		return nil, err
	}
	c.as = as
	if err := c.prepareDir(o.Dir); err != nil {
		if c.temp {
			os.RemoveAll(c.dir)
		}
		return nil, err
	}
	if err := c.launch(ctx, o); err != nil {
		return nil, errors.Join(err, c.Stop())
	}
	if o.Database != "" {
		if err := c.ensureDatabase(ctx, o.Database); err != nil {
			return nil, errors.Join(err, c.Stop())
		}
	}
	return c, nil
}

// launch reuses the server running in c.dir or starts one. When it chose the
// port itself and another process took it first, it tries a new one.
func (c *Cluster) launch(ctx context.Context, o Options) error {
	port, running, err := c.runningPort()
	if err != nil {
		return err
	}
	if running {
		fmt.Fprintf(c.log, "pgdev: reusing the server already running in %s on port %d\n", c.dir, port)
		c.port, c.running = port, true
		if err := c.waitReady(ctx); err != nil {
			c.running = false // not shown to be ours: leave it alone
			return fmt.Errorf("%w\npg_ctl status reports a server running in %s on port %d, but it does not "+
				"accept connections; if no server runs there, remove %s",
				err, c.dir, port, filepath.Join(c.dir, "postmaster.pid"))
		}
		return nil
	}
	preferred := o.PreferredPort
	for attempt := 1; ; attempt++ {
		if c.port, err = choosePort(o.Port, preferred); err != nil {
			return err
		}
		err = c.startServer(ctx)
		if err == nil || o.Port != 0 || attempt == 3 || !errors.Is(err, errPortInUse) {
			return err
		}
		fmt.Fprintf(c.log, "pgdev: port %d was taken; trying another\n", c.port)
		preferred = 0
	}
}

// URL returns the connection string for database as the postgres superuser,
// e.g. "postgres://postgres@127.0.0.1:5433/monev?sslmode=disable". An empty
// database means "postgres".
func (c *Cluster) URL(database string) string {
	if database == "" {
		database = "postgres"
	}
	u := url.URL{
		Scheme:   "postgres",
		User:     url.User("postgres"),
		Host:     net.JoinHostPort("127.0.0.1", strconv.Itoa(c.port)),
		Path:     "/" + database,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// Port returns the TCP port the server listens on at 127.0.0.1.
func (c *Cluster) Port() int { return c.port }

// Dir returns the absolute path of the data directory.
func (c *Cluster) Dir() string { return c.dir }

// LogFile returns the path of the server's log file.
func (c *Cluster) LogFile() string { return filepath.Join(c.dir, "server.log") }

// Stop shuts the server down and waits for it; for a temporary cluster it
// then removes the data directory. Calling it again does nothing.
func (c *Cluster) Stop() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return nil
	}
	c.stopped = true
	err := c.stopServer()
	if c.temp {
		if err != nil {
			c.killServer() // its data is about to go anyway
		}
		if rmErr := os.RemoveAll(c.dir); rmErr != nil {
			err = errors.Join(err, fmt.Errorf("pgdev: remove temporary cluster: %w", rmErr))
		}
	}
	return err
}

// StopServer shuts the server down but keeps the data directory, so that
// tests can see how the programme behaves when the database goes away.
func (c *Cluster) StopServer() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stopServer()
}

// StartServer starts a server stopped by StopServer again, on the same port.
func (c *Cluster) StartServer(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return ErrStopped
	}
	if c.running {
		return nil
	}
	return c.startServer(ctx)
}

// Restart stops the server and starts it again on the same port: the
// database goes away and comes back.
func (c *Cluster) Restart(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return ErrStopped
	}
	if err := c.stopServer(); err != nil {
		return err
	}
	return c.startServer(ctx)
}
