package loadgen

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Server is a monev server running as a child process.
type Server struct {
	Base string
	cmd  *exec.Cmd
}

// StartServer runs `binary serve` on a free loopback port with the given
// extra environment and waits until /readyz answers.
func StartServer(ctx context.Context, binary string, env []string, logFile string) (*Server, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(binary, "serve", "--addr", addr)
	cmd.Env = append(os.Environ(), env...)
	if logFile != "" {
		f, err := os.Create(logFile)
		if err != nil {
			return nil, err
		}
		cmd.Stdout, cmd.Stderr = f, f
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &Server{Base: "http://" + addr, cmd: cmd}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get(s.Base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			s.Stop()
			return nil, fmt.Errorf("loadgen: monev serve did not become ready")
		}
	}
}

// Stop ends the server with SIGTERM and waits for it.
func (s *Server) Stop() error {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	return s.cmd.Wait()
}

// RSS is the server's resident memory now, in bytes.
func (s *Server) RSS() (int64, error) { return ResidentMemory(s.cmd.Process.Pid, "VmRSS") }

// PeakRSS is the server's peak resident memory, in bytes.
func (s *Server) PeakRSS() (int64, error) { return ResidentMemory(s.cmd.Process.Pid, "VmHWM") }

// ResidentMemory reads a memory figure (VmRSS, VmHWM) of a process from
// /proc, in bytes.
func ResidentMemory(pid int, field string) (int64, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("loadgen: %s not found for process %d", field, pid)
}
