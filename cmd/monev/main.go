// Command monev is the monitoring-and-evaluation dashboard of the APBD-funded
// BPJS Ketenagakerjaan programme for pekerja rentan. This package only wires
// things together: configuration from the environment, a signal-aware
// context and the subcommands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

const usage = `monev: monitoring and evaluation of APBD-funded BPJS Ketenagakerjaan contributions and claims

Usage:
  monev serve [--addr ADDR]              serve the web application and API
  monev dev                              local development: start PostgreSQL under .data/ (unless
                                         DATABASE_URL is set), migrate, load the demo, serve
  monev migrate up|down|version          manage the database schema
  monev demo                             load the Cilegon demo data into an empty database
  monev import workers|contributions|bills|claims|waiting FILE [--dry-run] [--pemda CODE]
                                         check and import a CSV or XLSX file (exit 1 when rejected)
  monev pemda add --code CODE            onboard a province (36) or kabupaten/kota (36.04) from
                                         Kemendagri's list: kecamatan, kelurahan/desa, categories
  monev pemda list                       list the Pemda with their regions and workers
  monev user add --username U --role R --password-stdin [--pemda CODE] [--scope CODES]
                                         add a user (roles: admin, disnaker, bpjs, pimpinan) of a
                                         Pemda, reading the Pemda of --scope too (36 or 36.72,36.04)
  monev token create --username U [--name N]
                                         print a new API bearer token for a user
  monev token list | monev token revoke --id N
                                         list tokens with their last use; revoke one
  monev aggregates check|rebuild         compare the monthly aggregates with the base tables, or recompute them
  monev settings due-date [--day N --month coverage|following]
                                         print or change when a coverage month's iuran is due
  monev report list                      list the monev reports
  monev report pdf --id N --out FILE [--summary]
                                         print a report (or its one-page summary for the Walikota) to PDF
  monev version                          print the version

Environment: DATABASE_URL, MONEV_ADDR, MONEV_PUBLIC_URL and more (see README.md).
`

// errUsage marks a command-line mistake: exit status 2.
var errUsage = errors.New("usage error")

// errRejected marks input that was refused and already explained on
// standard error: exit status 1 without another message.
var errRejected = errors.New("rejected")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, errUsage):
		fmt.Fprintln(os.Stderr, "monev:", err)
		os.Exit(2)
	case errors.Is(err, errRejected):
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "monev:", err)
		os.Exit(1)
	}
}

// run dispatches a subcommand; it is main without the process around it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: no command", errUsage)
	}
	cfg := configFromEnv()
	if args[0] == "dev" && os.Getenv("MONEV_LOG_FORMAT") == "" {
		cfg.LogFormat = "text"
	}
	log := newLogger(stderr, cfg)
	slog.SetDefault(log) // for packages that log without being handed a logger (pdf)
	cmd, rest := args[0], args[1:]
	if verbs[cmd] && len(rest) > 0 && isHelp(rest[0]) {
		fmt.Fprint(stdout, "Usage:\n"+commandUsage(cmd))
		return nil
	}
	err := dispatch(ctx, cfg, log, cmd, rest, stdin, stdout, stderr)
	var help *helpRequest
	if errors.As(err, &help) {
		fmt.Fprint(stdout, "Usage:\n"+commandUsage(cmd)+"\nFlags:\n")
		help.fs.SetOutput(stdout)
		help.fs.PrintDefaults()
		return nil
	}
	return err
}

// verbs are the commands whose first argument is a verb (migrate up, user
// add): their --help comes before the verb's flags are known.
var verbs = map[string]bool{"migrate": true, "aggregates": true, "user": true, "token": true, "pemda": true, "report": true}

func isHelp(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help" || arg == "help"
}

// commandUsage is the lines of the general usage that describe cmd.
func commandUsage(cmd string) string {
	var b strings.Builder
	in := false
	for line := range strings.Lines(usage) {
		switch {
		case strings.HasPrefix(line, "  monev "):
			in = strings.HasPrefix(line, "  monev "+cmd+" ") || strings.TrimSpace(line) == "monev "+cmd ||
				strings.Contains(line, "| monev "+cmd+" ")
		case !strings.HasPrefix(line, "   "):
			in = false
		}
		if in {
			b.WriteString(line)
		}
	}
	return b.String()
}

// helpRequest is a subcommand's -h or --help: run prints its flags on
// standard output and succeeds.
type helpRequest struct{ fs *flag.FlagSet }

func (h *helpRequest) Error() string { return h.fs.Name() + ": help requested" }

// dispatch runs one subcommand.
func dispatch(ctx context.Context, cfg config, log *slog.Logger, cmd string, rest []string,
	stdin io.Reader, stdout, stderr io.Writer) error {
	switch cmd {
	case "serve":
		return cmdServe(ctx, cfg, log, rest)
	case "dev":
		return cmdDev(ctx, cfg, log, rest, stdout)
	case "migrate":
		return cmdMigrate(ctx, cfg, rest, stdout)
	case "demo":
		return cmdDemo(ctx, cfg, rest, stdout)
	case "pemda":
		return cmdPemda(ctx, cfg, rest, stdout)
	case "user":
		return cmdUser(ctx, cfg, rest, stdin, stdout)
	case "token":
		return cmdToken(ctx, cfg, rest, stdout)
	case "import":
		return cmdImport(ctx, cfg, rest, stdout, stderr)
	case "aggregates":
		return cmdAggregates(ctx, cfg, rest, stdout)
	case "settings":
		return cmdSettings(ctx, cfg, rest, stdout)
	case "report":
		return cmdReport(ctx, cfg, log, rest, stdout)
	case "version":
		fmt.Fprintln(stdout, "monev", version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
}

// newLogger writes structured logs: JSON by default, text when
// MONEV_LOG_FORMAT=text.
func newLogger(w io.Writer, cfg config) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if strings.EqualFold(cfg.LogFormat, "text") {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// parseFlags parses a subcommand's flags, turning mistakes into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return &helpRequest{fs}
	}
	if err != nil {
		return fmt.Errorf("%w: %s: %v", errUsage, fs.Name(), err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: %s: unexpected argument %q", errUsage, fs.Name(), fs.Arg(0))
	}
	return nil
}
