package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
)

func cmdDemo(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.RequireCurrentSchema(ctx); err != nil {
		return fmt.Errorf("%w; run `monev migrate up` first", err)
	}
	if err := demo.Load(ctx, db, cliActor(domain.DefaultPemda)); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "demo data loaded")
	printDemoLogins(stdout)
	return nil
}

func printDemoLogins(w io.Writer) {
	fmt.Fprintf(w, "\nDemo logins (password for all: %s)\n", demo.Password)
	for _, u := range demo.Users {
		fmt.Fprintf(w, "  %-10s %s\n", u.Username, u.Role.Label())
	}
}
