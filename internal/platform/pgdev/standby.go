package pgdev

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
)

// StartStandby makes a streaming replica of c, for tests of reading from a
// replica: pg_basebackup -R copies c's data directory into a new temporary
// one, writing the standby.signal and primary_conninfo that make the server
// started there follow c. The standby is read-only, listens on its own port
// and is removed by its Stop like any temporary cluster. c must be a server
// this process may replicate from as postgres (initdb's pg_hba trusts local
// replication connections).
func (c *Cluster) StartStandby(ctx context.Context) (*Cluster, error) {
	s := &Cluster{bin: c.bin, throwaway: c.throwaway, log: c.log, as: c.as}
	tmp, err := os.MkdirTemp("", "monev-pg-standby-*")
	if err != nil {
		return nil, fmt.Errorf("pgdev: standby data directory: %w", err)
	}
	s.dir, s.temp = tmp, true
	if err := s.as.own(s.dir); err != nil {
		os.RemoveAll(s.dir)
		return nil, err
	}
	out, err := s.run(s.command("pg_basebackup", "-D", s.dir, "-d", c.URL("postgres"), "-R", "-X", "stream", "-c", "fast"))
	if err != nil {
		os.RemoveAll(s.dir)
		return nil, fmt.Errorf("pgdev: pg_basebackup: %w\n%s", err, strings.TrimSpace(out))
	}
	if err := s.launch(ctx, Options{}); err != nil {
		return nil, errors.Join(err, s.Stop())
	}
	return s, nil
}
