package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/settings"
)

// cmdDemo is `monev demo`: the Cilegon demo, or with --workers a synthetic
// programme of any size (--out DIR writes it as import files instead).
func cmdDemo(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	workers := fs.Int("workers", 0, "generate a synthetic programme with this many workers instead of the Cilegon demo")
	years := fs.Int("years", 5, "years of history of the synthetic programme (up to December 2024)")
	seed := fs.Uint64("seed", 1, "seed of the synthetic programme")
	out := fs.String("out", "", "write the synthetic programme as import CSV files into this directory")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if (*out != "" || fs.Lookup("years").Value.String() != "5" || fs.Lookup("seed").Value.String() != "1") && *workers == 0 {
		return fmt.Errorf("%w: --years, --seed and --out go with --workers N", errUsage)
	}
	db, err := openOwnerDB(ctx, cfg) // the bulk load drops and rebuilds constraints
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.RequireCurrentSchema(ctx); err != nil {
		return fmt.Errorf("%w; run `monev migrate up` first", err)
	}
	start := time.Now()
	opt := demo.Synthetic{Pemda: domain.DefaultPemda, Workers: *workers, Years: *years, Seed: *seed}
	switch {
	case *workers == 0:
		err = demo.Load(ctx, db, cliActor(domain.DefaultPemda))
	case *out != "":
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
		ref, err := settings.NewService(db).Reference(ctx, opt.Pemda)
		if err != nil {
			return err
		}
		if err := demo.WriteFiles(*out, opt, ref); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote peserta.csv, iuran.csv and klaim.csv for %d workers to %s in %s\n", *workers, *out, time.Since(start).Round(time.Millisecond))
		return nil
	default:
		err = demo.Generate(ctx, db, cliActor(domain.DefaultPemda), opt)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "demo data loaded in %s\n", time.Since(start).Round(time.Millisecond))
	printDemoLogins(stdout)
	return nil
}

func printDemoLogins(w io.Writer) {
	fmt.Fprintf(w, "\nDemo logins (password for all: %s)\n", demo.Password)
	for _, u := range demo.Users {
		fmt.Fprintf(w, "  %-10s %-30s %s\n", u.Username, u.Role.Label(), u.Position)
	}
}
