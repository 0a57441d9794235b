package pgdev

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

// RunThrowaway runs a command against a throwaway PostgreSQL cluster: it
// starts one in a temporary directory, sets TEST_DATABASE_URL for the
// command, and removes the cluster when the command ends. When
// TEST_DATABASE_URL is already set it just runs the command. It returns the
// command's exit code.
func RunThrowaway(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := os.Environ()
	if os.Getenv("TEST_DATABASE_URL") == "" {
		c, err := Start(ctx, Options{Throwaway: true})
		if err != nil {
			fmt.Fprintln(os.Stderr, "pgtemp:", err)
			return 1
		}
		defer c.Stop()
		url := c.URL("postgres")
		fmt.Fprintf(os.Stderr, "pgtemp: throwaway PostgreSQL at %s (data in %s)\n", url, c.Dir())
		env = append(env, "TEST_DATABASE_URL="+url, "PGTEMP_DIR="+c.Dir())
	}
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr, cmd.Env = os.Stdin, os.Stdout, os.Stderr, env
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		fmt.Fprintln(os.Stderr, "pgtemp:", err)
		return 1
	}
	return 0
}
