package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/loadgen"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/settings"
)

type bench struct {
	ctx     context.Context
	cluster *pgdev.Cluster
	bin     string
	work    string
	clients int
	res     results
}

// database creates a database and returns its URL.
func (b *bench) database(name string) (string, error) {
	if err := b.psql(b.cluster.URL("postgres"), "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	return b.cluster.URL(name), nil
}

func (b *bench) psql(url, command string) error {
	psql, err := pgdev.Program("psql")
	if err != nil {
		return err
	}
	if out, err := exec.CommandContext(b.ctx, psql, "-v", "ON_ERROR_STOP=1", "-q", "-d", url, "-c", command).CombinedOutput(); err != nil {
		return fmt.Errorf("psql %q: %v\n%s", command, err, out)
	}
	return nil
}

// monev runs the monev command against a database and returns its process
// state (for peak memory) and the time it took.
func (b *bench) monev(url string, args ...string) (*os.ProcessState, time.Duration, error) {
	cmd := exec.CommandContext(b.ctx, b.bin, args...)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+url)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	if err != nil {
		return cmd.ProcessState, 0, fmt.Errorf("monev %s: %v\n%s", strings.Join(args, " "), err, tail(out.String()))
	}
	return cmd.ProcessState, time.Since(start), nil
}

func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-10):], "\n")
}

// importVsCopy imports a workers file through monev and copies the same
// file with psql into an unindexed table with the same columns.
func (b *bench) importVsCopy(rows int) error {
	url, err := b.database("bench_import")
	if err != nil {
		return err
	}
	if _, _, err := b.monev(url, "migrate", "up"); err != nil {
		return err
	}
	step(fmt.Sprintf("writing a %d-row workers file", rows))
	dir := filepath.Join(b.work, "files")
	if _, _, err := b.monev(url, "demo", "--workers", fmt.Sprint(rows), "--years", "5", "--seed", "11", "--out", dir); err != nil {
		return err
	}
	file, header, err := truncate(filepath.Join(dir, "peserta.csv"), rows)
	if err != nil {
		return err
	}
	b.res.ImportRows = int64(rows)

	step("psql \\copy into an unindexed table")
	cols := make([]string, len(header))
	for i, h := range header {
		cols[i] = h + " text"
	}
	if err := b.psql(url, "CREATE TABLE copy_target ("+strings.Join(cols, ", ")+")"); err != nil {
		return err
	}
	start := time.Now()
	if err := b.psql(url, `\copy copy_target FROM '`+file+`' WITH (FORMAT csv, HEADER true)`); err != nil {
		return err
	}
	copyTook := time.Since(start)
	b.res.CopyRowsPS = float64(rows) / copyTook.Seconds()

	step("monev import workers")
	state, took, err := b.monev(url, "import", "workers", file)
	if err != nil {
		return err
	}
	b.res.ImportRowsPS = float64(rows) / took.Seconds()
	b.res.ImportVsCopy = b.res.ImportRowsPS / b.res.CopyRowsPS
	if ru, ok := state.SysUsage().(*syscall.Rusage); ok {
		b.res.ImportRSSMB = float64(ru.Maxrss) / 1024
	}
	b.res.Notes = append(b.res.Notes, fmt.Sprintf("psql \\copy took %.1f s, monev import %.1f s", copyTook.Seconds(), took.Seconds()))
	return nil
}

// truncate keeps the header and the first n rows of a CSV file.
func truncate(path string, n int) (string, []string, error) {
	in, err := os.Open(path)
	if err != nil {
		return "", nil, err
	}
	defer in.Close()
	outPath := strings.TrimSuffix(path, ".csv") + "-" + fmt.Sprint(n) + ".csv"
	out, err := os.Create(outPath)
	if err != nil {
		return "", nil, err
	}
	defer out.Close()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	w := bufio.NewWriter(out)
	var header []string
	for i := 0; i <= n && sc.Scan(); i++ {
		line := sc.Text()
		if i == 0 {
			line = strings.TrimPrefix(line, "\ufeff")
			header = strings.Split(line, ",")
		}
		fmt.Fprintln(w, line)
	}
	if err := w.Flush(); err != nil {
		return "", nil, err
	}
	return outPath, header, sc.Err()
}

// dashboardRequests are the dashboard's periods both benchmarks request.
var dashboardRequests = []loadgen.Request{
	{Name: "dashboard year", Path: "/?period=2024"},
	{Name: "dashboard quarter", Path: "/?period=2024-Q3"},
	{Name: "dashboard month range", Path: "/?from=2024-01&to=2024-07&basis=cash"},
}

// pages measures the dashboard and the balance API at two sizes.
func (b *bench) pages(small, large int) error {
	smallURL, smallLoad, err := b.programme("bench_small", small)
	if err != nil {
		return err
	}
	largeURL, largeLoad, err := b.programme("bench_large", large)
	if err != nil {
		return err
	}
	b.res.LoadSmallS, b.res.LoadLargeS = smallLoad.Seconds(), largeLoad.Seconds()

	dash := dashboardRequests
	api := []loadgen.Request{
		{Name: "api series by month", Path: "/api/v1/balance/series?from=2024-01&to=2024-12&by=month", Token: true},
		{Name: "api series by quarter", Path: "/api/v1/balance/series?from=2024-01&to=2024-12&by=quarter&basis=accrual", Token: true},
		{Name: "api balance", Path: "/api/v1/balance?from=2024-01&to=2024-07", Token: true},
	}
	for _, size := range []struct {
		name string
		url  string
		p50  *float64
		p99  *float64
	}{{"small", smallURL, &b.res.DashboardP50Small, &b.res.DashboardP99Small}, {"large", largeURL, &b.res.DashboardP50Large, &b.res.DashboardP99Large}} {
		step("dashboard at the " + size.name + " size")
		srv, c, err := b.serve(size.url)
		if err != nil {
			return err
		}
		loadgen.Run(b.ctx, c, b.clients, 20, dash) // warm up
		stats, _ := loadgen.Run(b.ctx, c, b.clients, 150, dash)
		fmt.Fprint(os.Stderr, loadgen.Table(stats.Summaries()))
		all := stats.Summaries()[len(stats.Summaries())-1]
		*size.p50, *size.p99 = ms(all.P50), ms(all.P99)
		if all.Errors > 0 {
			b.res.Notes = append(b.res.Notes, fmt.Sprintf("%d dashboard errors at the %s size", all.Errors, size.name))
		}
		if size.name == "large" {
			step("API at the large size")
			loadgen.Run(b.ctx, c, b.clients, 20, api)
			ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
			stats, took := loadgen.Run(ctx, c, 2*b.clients, 0, api)
			cancel()
			fmt.Fprint(os.Stderr, loadgen.Table(stats.Summaries()))
			all := stats.Summaries()[len(stats.Summaries())-1]
			b.res.APIRPSLarge = float64(all.Requests) / took.Seconds()
			b.res.APIP99Large = ms(all.P99)
		}
		srv.Stop()
	}
	b.res.DashboardP99Ratio = b.res.DashboardP99Large / b.res.DashboardP99Small
	return b.directSQL(largeURL)
}

// programme creates a database with a synthetic programme of n workers.
func (b *bench) programme(name string, n int) (string, time.Duration, error) {
	url, err := b.database(name)
	if err != nil {
		return "", 0, err
	}
	if _, _, err := b.monev(url, "migrate", "up"); err != nil {
		return "", 0, err
	}
	step(fmt.Sprintf("generating %d workers", n))
	_, took, err := b.monev(url, "demo", "--workers", fmt.Sprint(n), "--years", "5", "--seed", "1")
	if err != nil {
		return "", 0, err
	}
	return url, took, b.settle(url)
}

// settle vacuums and analyzes a freshly loaded database and writes a
// checkpoint, so that neither autovacuum nor the checkpointer works on two
// cores while the pages are measured: the figures are those of a database
// at rest, as a city's server is between imports.
func (b *bench) settle(url string) error {
	if err := b.psql(url, "VACUUM (ANALYZE)"); err != nil {
		return err
	}
	return b.psql(url, "CHECKPOINT")
}

// serve starts monev on a database and signs pimpinan in, with a token.
func (b *bench) serve(url string) (*loadgen.Server, *loadgen.Client, error) {
	srv, err := loadgen.StartServer(b.ctx, b.bin, []string{"DATABASE_URL=" + url, "MONEV_LOG_LEVEL=warn"},
		filepath.Join(b.work, "server.log"))
	if err != nil {
		return nil, nil, err
	}
	c, err := loadgen.Login(srv.Base, "pimpinan", demo.Password)
	if err != nil {
		srv.Stop()
		return nil, nil, err
	}
	tok := exec.CommandContext(b.ctx, b.bin, "token", "create", "--username", "pimpinan")
	tok.Env = append(os.Environ(), "DATABASE_URL="+url)
	out, err := tok.Output()
	if err != nil {
		srv.Stop()
		return nil, nil, err
	}
	c.Token = strings.TrimSpace(string(out))
	return srv, c, nil
}

// directSQL times the balance of the dashboard's periods computed from the
// base tables and from the aggregates, in-process.
func (b *bench) directSQL(url string) error {
	step("direct SQL over the base tables at the large size")
	db, err := database.Open(b.ctx, url)
	if err != nil {
		return err
	}
	defer db.Close()
	periods := []domain.Period{domain.YearPeriod(2024), domain.QuarterPeriod(2024, 3),
		domain.RangePeriod(domain.NewMonth(2024, 1), domain.NewMonth(2024, 7))}
	periods = append(periods, domain.YearPeriod(2024).Split(domain.ByMonth)...)
	timeIt := func(f func() error) (float64, error) {
		var runs []float64
		for i := 0; i < 7; i++ {
			start := time.Now()
			if err := f(); err != nil {
				return 0, err
			}
			runs = append(runs, ms(time.Since(start)))
		}
		slices.Sort(runs)
		return runs[len(runs)/2], nil
	}
	b.res.DirectSQLLarge, err = timeIt(func() error {
		_, err := analysisOf(db).DirectBalanceSeries(b.ctx, domain.DefaultPemda, periods, domain.BasisCash)
		return err
	})
	if err != nil {
		return err
	}
	b.res.AggregateSQLLarge, err = timeIt(func() error {
		_, err := analysisOf(db).BalanceSeries(b.ctx, domain.DefaultPemda, periods, domain.BasisCash)
		return err
	})
	return err
}

// reportPDF times the PDF of the demo's monev report, warm.
func (b *bench) reportPDF() error {
	step("PDF of the demo monev report")
	for _, done := range []string{"bench_import", "bench_small", "bench_large"} { // the large ones would keep autovacuum busy
		if err := b.psql(b.cluster.URL("postgres"), "DROP DATABASE IF EXISTS "+done); err != nil {
			return err
		}
	}
	url, err := b.database("bench_demo")
	if err != nil {
		return err
	}
	if _, _, err := b.monev(url, "migrate", "up"); err != nil {
		return err
	}
	if _, _, err := b.monev(url, "demo"); err != nil {
		return err
	}
	if err := b.settle(url); err != nil {
		return err
	}
	srv, c, err := b.serve(url)
	if err != nil {
		return err
	}
	defer srv.Stop()
	id, err := firstReport(c)
	if err != nil {
		b.res.Notes = append(b.res.Notes, "report_pdf_ms not measured: "+err.Error())
		return nil
	}
	var runs []float64
	for i := 0; i < 6; i++ {
		start := time.Now()
		status, err := c.Do(b.ctx, loadgen.Request{Name: "pdf", Path: fmt.Sprintf("/reports/%d.pdf", id)})
		if err != nil || status != http.StatusOK {
			b.res.Notes = append(b.res.Notes, fmt.Sprintf("report_pdf_ms not measured: status %d, %v", status, err))
			return nil
		}
		if i > 0 { // the first one starts the browser
			runs = append(runs, ms(time.Since(start)))
		}
	}
	slices.Sort(runs)
	b.res.ReportPDF = runs[len(runs)/2]
	return nil
}

// firstReport finds a monev report through the API.
func firstReport(c *loadgen.Client) (int64, error) {
	req, _ := http.NewRequest(http.MethodGet, c.Base+"/api/v1/reports", nil)
	req.Header.Set("Authorization", "Bearer "+c.Token)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var list struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	if resp.StatusCode != http.StatusOK || json.Unmarshal(body, &list) != nil || len(list.Items) == 0 {
		return 0, fmt.Errorf("no report found (/api/v1/reports answered %d)", resp.StatusCode)
	}
	return list.Items[0].ID, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// print writes the results as a table with the targets of issue #6.
func (b *bench) print() {
	r := b.res
	type row struct {
		name   string
		value  float64
		target string
		ok     bool
	}
	rows := []row{
		{"import_rows_per_s", r.ImportRowsPS, "", true},
		{"psql_copy_rows_per_s", r.CopyRowsPS, "", true},
		{"import_vs_copy", r.ImportVsCopy, "≥ 0.8", r.ImportVsCopy >= 0.8},
		{"import_peak_rss_mb", r.ImportRSSMB, "≤ 200", r.ImportRSSMB <= 200},
		{"dashboard_p50_ms_small", r.DashboardP50Small, "", true},
		{"dashboard_p99_ms_small", r.DashboardP99Small, "", true},
		{"dashboard_p50_ms_large", r.DashboardP50Large, "", true},
		{"dashboard_p99_ms_large", r.DashboardP99Large, "≤ 20", r.DashboardP99Large <= 20},
		{"dashboard_p99_ratio", r.DashboardP99Ratio, "≤ 1.5", r.DashboardP99Ratio <= 1.5},
		{"api_rps_large", r.APIRPSLarge, "≥ 1000", r.APIRPSLarge >= 1000},
		{"api_p99_ms_large", r.APIP99Large, "", true},
		{"direct_sql_ms_large", r.DirectSQLLarge, "", true},
		{"aggregate_sql_ms_large", r.AggregateSQLLarge, "", true},
		{"report_pdf_ms", r.ReportPDF, "≤ 1000", r.ReportPDF > 0 && r.ReportPDF <= 1000},
		{"generate_small_s", r.LoadSmallS, "", true},
		{"generate_large_s", r.LoadLargeS, "< 120", r.LoadLargeS < 120},
	}
	fmt.Printf("\nmonev benchmark, %s\n%s\n\n", r.When, r.Machine)
	fmt.Printf("%-26s %14s  %-8s %s\n", "figure", "value", "target", "")
	for _, x := range rows {
		mark := ""
		if x.target != "" {
			mark = map[bool]string{true: "met", false: "MISSED"}[x.ok]
		}
		fmt.Printf("%-26s %14.2f  %-8s %s\n", x.name, x.value, x.target, mark)
	}
	for _, n := range r.Notes {
		fmt.Println("note:", n)
	}
}

// analysisOf is the analysis service of db.
func analysisOf(db *database.DB) *analysis.Service {
	set := settings.NewService(db)
	return analysis.NewService(db, set, contributions.NewService(db, set))
}
