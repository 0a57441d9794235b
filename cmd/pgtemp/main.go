// Command pgtemp runs a command against a throwaway PostgreSQL cluster
// (pgdev.RunThrowaway); make test runs the test suite through it.
//
//	go run ./cmd/pgtemp -- go test ./...
package main

import (
	"fmt"
	"os"

	"github.com/cilegon/monev/internal/platform/pgdev"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: pgtemp -- COMMAND [ARGS...]")
		os.Exit(2)
	}
	os.Exit(pgdev.RunThrowaway(args))
}
