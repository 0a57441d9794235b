package pgdev

import (
	"fmt"
	"net"
	"strconv"
)

// choosePort returns port when it is set, else preferred when it is free,
// else a port the kernel reports free on 127.0.0.1. Another process may take
// it before the server binds; Start retries with a new port when that happens.
func choosePort(port, preferred int) (int, error) {
	if port != 0 {
		return port, nil
	}
	if preferred != 0 && portFree(preferred) {
		return preferred, nil
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgdev: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// portFree reports whether nothing listens on port on 127.0.0.1.
func portFree(port int) bool {
	l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return false
	}
	l.Close()
	return true
}
