package pgdev

import (
	"bytes"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestThrowawayClusterIsRemovedOnStop(t *testing.T) {
	t.Parallel()
	c := start(t, Options{Throwaway: true, Database: `monev "test"`})
	url := c.URL(`monev "test"`)
	execSQL(t, url, `CREATE TABLE worker (id int PRIMARY KEY); INSERT INTO worker VALUES (1), (2)`)
	if got := count(t, url, "worker"); got != 2 {
		t.Errorf("worker rows = %d, want 2", got)
	}
	for name, want := range map[string]string{
		"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
		"max_connections": "200", "listen_addresses": "127.0.0.1", "server_encoding": "UTF8",
	} {
		if got := setting(t, url, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if _, err := os.Stat(c.LogFile()); err != nil {
		t.Errorf("server log: %v", err)
	}

	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(c.Dir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary data directory %s after Stop: %v, want it gone", c.Dir(), err)
	}
	if reachable(c.Port()) {
		t.Errorf("port %d still accepts connections after Stop", c.Port())
	}
	if err := c.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
	if err := c.StartServer(t.Context()); !errors.Is(err, ErrStopped) {
		t.Errorf("StartServer after Stop = %v, want ErrStopped", err)
	}
}

func TestPersistentClusterKeepsData(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	c := start(t, Options{Dir: dir, Database: "monev"})
	if c.Dir() != dir {
		t.Errorf("Dir() = %q, want %q", c.Dir(), dir)
	}
	if got := setting(t, c.URL("monev"), "fsync"); got != "on" {
		t.Errorf("fsync = %q in a persistent cluster, want on", got)
	}
	execSQL(t, c.URL("monev"), `CREATE TABLE worker (id int); INSERT INTO worker VALUES (1)`)
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); err != nil {
		t.Fatalf("data directory after Stop: %v", err)
	}

	again := start(t, Options{Dir: dir, Database: "monev"})
	if got := count(t, again.URL("monev"), "worker"); got != 1 {
		t.Errorf("worker rows after restart = %d, want 1", got)
	}
}

func TestStopServerAndStartServerKeepDataAndPort(t *testing.T) {
	t.Parallel()
	c := start(t, Options{Throwaway: true})
	port := c.Port()
	execSQL(t, c.URL(""), `CREATE TABLE worker (id int); INSERT INTO worker VALUES (1)`)

	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	if reachable(port) {
		t.Fatalf("port %d still accepts connections after StopServer", port)
	}
	if err := c.StopServer(); err != nil {
		t.Errorf("second StopServer: %v", err)
	}
	if err := c.StartServer(t.Context()); err != nil {
		t.Fatal(err)
	}
	if c.Port() != port {
		t.Errorf("port after StartServer = %d, want %d", c.Port(), port)
	}
	if got := count(t, c.URL(""), "worker"); got != 1 {
		t.Errorf("worker rows after StartServer = %d, want 1", got)
	}

	if err := c.Restart(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := count(t, c.URL(""), "worker"); got != 1 {
		t.Errorf("worker rows after Restart = %d, want 1", got)
	}
}

func TestStartReusesRunningServer(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	first := start(t, Options{Dir: dir})
	execSQL(t, first.URL(""), `CREATE TABLE worker (id int)`)

	var log bytes.Buffer
	second, err := Start(t.Context(), Options{Dir: dir, Port: first.Port() + 1, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if second.Port() != first.Port() {
		t.Errorf("reused port = %d, want %d", second.Port(), first.Port())
	}
	if !strings.Contains(log.String(), "reusing") {
		t.Errorf("log = %q, want a note about reusing the running server", log.String())
	}
	if got := count(t, second.URL(""), "worker"); got != 0 {
		t.Errorf("worker rows = %d, want 0", got)
	}
	if err := second.Stop(); err != nil {
		t.Fatal(err)
	}
	if reachable(first.Port()) {
		t.Errorf("port %d still accepts connections after Stop of the reusing cluster", first.Port())
	}
	if err := first.Stop(); err != nil {
		t.Errorf("Stop of a server already stopped elsewhere: %v", err)
	}
}

func TestPreferredPort(t *testing.T) {
	t.Parallel()
	free, err := choosePort(0, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := start(t, Options{Throwaway: true, PreferredPort: free})
	if c.Port() != free {
		t.Errorf("port = %d, want the free preferred port %d", c.Port(), free)
	}

	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	taken := busy.Addr().(*net.TCPAddr).Port
	other := start(t, Options{Throwaway: true, PreferredPort: taken})
	if other.Port() == taken {
		t.Errorf("port = %d, the preferred port that is taken", taken)
	}
}

func TestStartRefusesForeignDirectory(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Start(t.Context(), Options{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "PG_VERSION") {
		t.Errorf("Start in a non-empty foreign directory: err = %v, want one naming PG_VERSION", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Errorf("the foreign file was touched: %v", err)
	}
}

func TestStartReportsServerLogOnFailure(t *testing.T) {
	t.Parallel()
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	c, err := Start(t.Context(), Options{Throwaway: true, Port: port})
	if err == nil {
		c.Stop()
		t.Fatalf("Start on taken port %d succeeded", port)
	}
	if !strings.Contains(err.Error(), "Address already in use") {
		t.Errorf("err = %v, want the server log line about the taken port", err)
	}
}
