// Command soak runs monev under a mixed load for a while (make soak): the
// dashboard, the lists, exports, the API and an import every few seconds,
// against the Cilegon demo on a throwaway PostgreSQL. It reports the
// requests, the 5xx errors, latency percentiles and the server's resident
// memory once warm and at the end. Then an import burst: six dry-run
// imports of a 20.000-worker file at once through the API, with the
// latencies of the pages and the API while they run (the goal: no errors,
// and the dashboard and API within a second at p90).
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"mime/multipart"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/loadgen"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/settings"
)

func main() {
	duration := flag.Duration("duration", 10*time.Minute, "how long to run the load")
	clients := flag.Int("clients", 8, "concurrent clients")
	warmup := flag.Duration("warmup", 30*time.Second, "load before the first memory reading")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *duration, *warmup, *clients); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, duration, warmup time.Duration, clients int) error {
	work, err := os.MkdirTemp("", "monev-soak-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "monev")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/monev").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	c, err := pgdev.Start(ctx, pgdev.Options{Database: "monev"})
	if err != nil {
		return err
	}
	defer c.Stop()
	// Two roles, as on a server: the superuser migrates and loads the demo,
	// monev serves as pgdev.AppRole.
	if err := pgdev.EnsureAppRole(ctx, c.URL("")); err != nil {
		return err
	}
	owner, url := c.URL("monev"), pgdev.AppURL(c.URL("monev"))
	for _, args := range [][]string{{"migrate", "up"}, {"demo"}} {
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Env = append(os.Environ(), "DATABASE_URL="+url, "MONEV_MIGRATE_URL="+owner)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("monev %v: %v\n%s", args, err, out)
		}
	}
	srv, err := loadgen.StartServer(ctx, bin, []string{"DATABASE_URL=" + url, "MONEV_LOG_LEVEL=warn"}, filepath.Join(work, "server.log"))
	if err != nil {
		return err
	}
	defer srv.Stop()
	client, err := loadgen.Login(srv.Base, "disnaker", demo.Password)
	if err != nil {
		return err
	}
	tok := exec.CommandContext(ctx, bin, "token", "create", "--username", "disnaker")
	tok.Env = append(os.Environ(), "DATABASE_URL="+url)
	out, err := tok.Output()
	if err != nil {
		return err
	}
	client.Token = strings.TrimSpace(string(out))

	fmt.Fprintf(os.Stderr, "warming up for %s with %d clients\n", warmup, clients)
	wctx, cancel := context.WithTimeout(ctx, warmup)
	loadgen.Run(wctx, client, clients, 0, workload())
	cancel()
	rssStart, _ := srv.RSS()

	fmt.Fprintf(os.Stderr, "running for %s\n", duration)
	lctx, cancel := context.WithTimeout(ctx, duration)
	defer cancel()
	imports := make(chan *loadgen.Stats, 1)
	go func() { imports <- importEvery(lctx, client, 5*time.Second) }()
	stats, took := loadgen.Run(lctx, client, clients, 0, workload())
	importStats := <-imports
	rssEnd, _ := srv.RSS()
	peak, _ := srv.PeakRSS()

	sums := append(stats.Summaries(), importStats.Summaries()[0])
	fmt.Printf("\nmonev soak: %s, %d clients, %s\n\n", took.Round(time.Second), clients, time.Now().UTC().Format(time.RFC3339))
	fmt.Print(loadgen.Table(sums))
	all := sums[len(sums)-2]
	fmt.Printf("\nrequests %d (%.0f/s), 5xx errors %d, import errors %d\n", all.Requests, float64(all.Requests)/took.Seconds(),
		all.Errors, importStats.Summaries()[0].Errors)
	growth := 100 * float64(rssEnd-rssStart) / float64(rssStart)
	fmt.Printf("server memory: %.1f MB once warm, %.1f MB at the end (%+.1f %%), peak %.1f MB\n",
		mb(rssStart), mb(rssEnd), growth, mb(peak))
	if all.Errors > 0 || growth > 10 {
		return fmt.Errorf("goal missed: %d errors, memory grew %.1f %%", all.Errors, growth)
	}
	return importBurst(ctx, client, work, owner, clients)
}

// importBurst sends six dry-run imports of a 20.000-worker file at once and
// measures the pages and the API while they run.
func importBurst(ctx context.Context, client *loadgen.Client, work, ownerURL string, clients int) error {
	const imports, workers = 6, 20_000
	db, err := database.Open(ctx, ownerURL)
	if err != nil {
		return err
	}
	ref, err := settings.NewService(db).Reference(ctx, domain.DefaultPemda)
	db.Close()
	if err != nil {
		return err
	}
	dir := filepath.Join(work, "burst")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := demo.WriteFiles(dir, demo.Synthetic{Pemda: domain.DefaultPemda, Workers: workers, Years: 1, Seed: 3}, ref); err != nil {
		return err
	}
	file, err := os.ReadFile(filepath.Join(dir, "peserta.csv"))
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "import burst: %d dry-run imports of %d workers at once\n", imports, workers)
	req := loadgen.Request{Name: "import workers (burst)", Method: "POST", Path: "/api/v1/imports/workers", Token: true,
		Body: func() (io.Reader, string) {
			var b bytes.Buffer
			mw := multipart.NewWriter(&b)
			_ = mw.WriteField("dry_run", "true")
			fw, _ := mw.CreateFormFile("file", "peserta-burst.csv")
			_, _ = fw.Write(file)
			_ = mw.Close()
			return &b, mw.FormDataContentType()
		}}
	burst := loadgen.NewStats()
	bctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range imports {
		wg.Go(func() {
			start := time.Now()
			status, err := client.Do(ctx, req)
			burst.Add(req.Name, status, time.Since(start), err)
		})
	}
	go func() { wg.Wait(); stop() }()
	during, took := loadgen.Run(bctx, client, clients, 0, append(workload(), loadgen.Request{Name: "readyz", Path: "/readyz"}))
	stop()
	sums := append(during.Summaries(), burst.Summaries()[0])
	fmt.Printf("\nduring the import burst (%s):\n\n", took.Round(time.Second))
	fmt.Print(loadgen.Table(sums))
	var errs int
	var slow []string
	for _, s := range sums {
		errs += s.Errors
		if (s.Name == "readyz" || strings.HasPrefix(s.Name, "dashboard") || strings.HasPrefix(s.Name, "api ")) && s.P90 > time.Second {
			slow = append(slow, fmt.Sprintf("%s p90 %s", s.Name, s.P90.Round(time.Millisecond)))
		}
	}
	if errs > 0 || len(slow) > 0 {
		return fmt.Errorf("goal missed during the import burst: %d errors; over a second: %s", errs, strings.Join(slow, ", "))
	}
	fmt.Println("\nimport burst: no errors; the dashboard, the API and /readyz answered within a second at p90")
	return nil
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }

// workload is what a busy Disnaker office does, round-robin.
func workload() []loadgen.Request {
	return []loadgen.Request{
		{Name: "dashboard", Path: "/?from=2024-01&to=2024-07&basis=cash"},
		{Name: "dashboard year", Path: "/?period=2024&basis=accrual"},
		{Name: "analysis balance", Path: "/analysis/balance?period=2024&by=quarter"},
		{Name: "analysis coverage", Path: "/analysis/coverage?period=2024"},
		{Name: "analysis reconciliation", Path: "/analysis/reconciliation?period=2024"},
		{Name: "workers list", Path: "/workers?category=nelayan&page=2"},
		{Name: "workers search", Path: "/workers?q=siti"},
		{Name: "claims list", Path: "/claims?type=JKM&status=dibayar"},
		{Name: "contributions list", Path: "/contributions?from=2024-01&to=2024-12"},
		{Name: "export workers csv", Path: "/workers/export.csv?kecamatan=36.72.03"},
		{Name: "export claims xlsx", Path: "/claims/export.xlsx"},
		{Name: "api balance", Path: "/api/v1/balance?period=2024-Q3", Token: true},
		{Name: "api series", Path: "/api/v1/balance/series?from=2023-01&to=2024-12&by=quarter", Token: true},
		{Name: "api coverage", Path: "/api/v1/coverage?period=2024&by=kecamatan", Token: true},
	}
}

// importEvery sends a small payments file to the import API every so often;
// after the first time it changes nothing, as a repeated file should.
func importEvery(ctx context.Context, c *loadgen.Client, every time.Duration) *loadgen.Stats {
	stats := loadgen.NewStats()
	file := "periode,jumlah_peserta,tagihan,dibayar,tanggal_bayar,no_sp2d\n" +
		"2025-01,4180,70224000,70224000,10/02/2025,SOAK-0001/SP2D-LS/2025\n"
	req := loadgen.Request{Name: "import contributions", Method: "POST", Path: "/api/v1/imports/contributions", Token: true,
		Body: func() (io.Reader, string) {
			var b bytes.Buffer
			mw := multipart.NewWriter(&b)
			fw, _ := mw.CreateFormFile("file", "iuran-soak.csv")
			_, _ = io.WriteString(fw, file)
			_ = mw.Close()
			return &b, mw.FormDataContentType()
		}}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return stats
		case <-t.C:
			start := time.Now()
			status, err := c.Do(ctx, req)
			if ctx.Err() == nil {
				stats.Add(req.Name, status, time.Since(start), err)
			}
		}
	}
}
