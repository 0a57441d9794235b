// Command bench measures monev against PostgreSQL's own limits (make
// bench; with -national, make bench-national: see national.go): a 1.000.000-row import against psql \copy of the same file, the
// dashboard and the balance API at 10.000 and 1.000.000 workers under
// concurrent clients, the same figures computed straight from the base
// tables, and the PDF of a monev report. It runs everything on a throwaway
// cluster, prints a table and writes bench-results.json.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/platform/pgdev"
)

// results are the figures the issue names, in its units.
type results struct {
	Machine      string  `json:"machine"`
	When         string  `json:"when"`
	ImportRows   int64   `json:"import_rows"`
	ImportRowsPS float64 `json:"import_rows_per_s"`
	CopyRowsPS   float64 `json:"psql_copy_rows_per_s"`
	ImportVsCopy float64 `json:"import_vs_copy"`
	ImportRSSMB  float64 `json:"import_peak_rss_mb"`

	DashboardP50Small float64 `json:"dashboard_p50_ms_small"`
	DashboardP99Small float64 `json:"dashboard_p99_ms_small"`
	DashboardP50Large float64 `json:"dashboard_p50_ms_large"`
	DashboardP99Large float64 `json:"dashboard_p99_ms_large"`
	DashboardP99Ratio float64 `json:"dashboard_p99_ratio"`
	APIRPSLarge       float64 `json:"api_rps_large"`
	APIP99Large       float64 `json:"api_p99_ms_large"`
	DirectSQLLarge    float64 `json:"direct_sql_ms_large"`
	AggregateSQLLarge float64 `json:"aggregate_sql_ms_large"`
	ReportPDF         float64 `json:"report_pdf_ms"`

	LoadSmallS float64  `json:"generate_small_s"`
	LoadLargeS float64  `json:"generate_large_s"`
	Notes      []string `json:"notes,omitempty"`
}

func main() {
	rows := flag.Int("rows", 1_000_000, "rows of the import file")
	large := flag.Int("large", 1_000_000, "workers of the large programme")
	small := flag.Int("small", 10_000, "workers of the small programme")
	clients := flag.Int("clients", 4, "concurrent clients")
	out := flag.String("out", "", "where to write the results (default bench-results.json, or bench-national.json with -national)")
	national := flag.Bool("national", false, "the national benchmark instead: 500 Pemda, 10.000.000 workers (make bench-national)")
	scale := flag.Float64("scale", 1, "with -national: scale every count but the number of Pemda, e.g. 0.01 while developing")
	firstLoad := flag.Int("first-load", 0, "with -national: workers of the new Pemda's first registry (default 1.000.000 × scale)")
	delta := flag.Int("delta", 0, "with -national: workers of the monthly update (default 20.000 × scale)")
	server := flag.String("server", "", "with -national: a running PostgreSQL's URL (default: a throwaway cluster)")
	keep := flag.String("keep", "", "with -national and -server: keep the loaded database under this name, or reuse it when it\n"+
		"exists (loaded at the same -scale); each run measures a copy of it")
	loadOnly := flag.Bool("load-only", false, "with -keep: load the kept database (when it is empty) and stop")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if *national {
		if *out == "" {
			*out = "bench-national.json"
		}
		opt := scaledOptions(*scale, *clients)
		if *firstLoad > 0 {
			opt.FirstLoad = *firstLoad
		}
		if *delta > 0 {
			opt.Delta = *delta
		}
		opt.Keep, opt.LoadOnly = *keep, *loadOnly
		if *keep != "" && *server == "" {
			fmt.Fprintln(os.Stderr, "bench: -keep needs -server (a throwaway cluster keeps nothing)")
			os.Exit(2)
		}
		if _, err := runNational(ctx, opt, *server, "", *out); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if *out == "" {
		*out = "bench-results.json"
	}
	if err := run(ctx, *rows, *large, *small, *clients, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, rows, large, small, clients int, out string) error {
	work, err := os.MkdirTemp("", "monev-bench-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := os.Chmod(work, 0o755); err != nil {
		return err
	}
	bin := filepath.Join(work, "monev")
	step("building monev")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/monev").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	step("starting PostgreSQL")
	c, err := pgdev.Start(ctx, pgdev.Options{})
	if err != nil {
		return err
	}
	defer c.Stop()
	b := &bench{ctx: ctx, cluster: c, bin: bin, work: work, clients: clients,
		res: results{Machine: machine(), When: time.Now().UTC().Format(time.RFC3339)}}
	for _, f := range []func() error{
		func() error { return b.importVsCopy(rows) },
		func() error { return b.pages(small, large) },
		b.reportPDF,
	} {
		if err := f(); err != nil {
			return err
		}
	}
	b.print()
	data, _ := json.MarshalIndent(b.res, "", "  ")
	return os.WriteFile(out, append(data, '\n'), 0o644)
}

func step(msg string) { fmt.Fprintf(os.Stderr, "== %s: %s\n", time.Now().Format("15:04:05"), msg) }

// machine describes where the benchmark ran.
func machine() string {
	cpu := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if name, ok := strings.CutPrefix(line, "model name"); ok {
				cpu = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		mem = strings.Fields(strings.SplitN(string(b), "\n", 2)[0])[1] + " kB"
	}
	pg, _ := exec.Command("psql", "--version").Output()
	return fmt.Sprintf("%d × %s, %s RAM, %s, %s/%s, %s", runtime.NumCPU(), cpu, mem, runtime.Version(), runtime.GOOS,
		runtime.GOARCH, strings.TrimSpace(string(pg)))
}
