package main

// The national benchmark (make bench-national): 500 Pemda holding
// 10.000.000 workers in one database, sized like real kabupaten/kota (a
// skewed, log-normal spread: many small ones, a few big cities). It
// measures one Pemda's dashboard, the roll-up of a province and of the whole
// country from the per-Pemda aggregates, a monthly update imported into the
// biggest Pemda of the loaded database and a new Pemda's first registry.
// -scale shrinks every count but the number of Pemda, for development.

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
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
	"github.com/cilegon/monev/internal/platform/wilayah"
	"github.com/cilegon/monev/internal/settings"
)

// nationalOptions are the sizes of a national run; scale 1 is the issue's.
type nationalOptions struct {
	Pemda     int     // Pemda loaded, Cilegon among them
	Workers   int     // workers in all, over those Pemda
	Delta     int     // workers in the monthly update (half known, half new)
	FirstLoad int     // workers in the new Pemda's first registry
	Requests  int     // dashboard requests per client, and roll-ups of each kind
	Clients   int     // concurrent dashboard clients
	Scale     float64 // what the counts were scaled by, for the record
	Keep      string  // a database holding the loaded Pemda, kept between runs
	LoadOnly  bool    // load Keep and measure nothing
}

func scaledOptions(scale float64, clients int) nationalOptions {
	n := func(v float64) int { return max(1, int(math.Round(v*scale))) }
	return nationalOptions{Pemda: 500, Workers: n(10_000_000), Delta: n(20_000), FirstLoad: n(1_000_000),
		Requests: 150, Clients: clients, Scale: scale}
}

// nationalResults are the figures the issue names, in its units.
type nationalResults struct {
	Machine        string  `json:"machine"`
	When           string  `json:"when"`
	Scale          float64 `json:"scale"`
	PemdaCount     int     `json:"pemda_count"`
	Workers        int64   `json:"workers"`
	Enrollments    int64   `json:"enrollments"`
	LargestPemda   int     `json:"largest_pemda_workers"`
	SmallestPemda  int     `json:"smallest_pemda_workers"`
	LoadS          float64 `json:"load_s"`
	DatabaseMB     float64 `json:"database_mb"`
	DashboardP50MS float64 `json:"dashboard_p50_ms"`
	DashboardP99MS float64 `json:"dashboard_p99_ms"`
	RollupP99MS    struct {
		Province float64 `json:"province"`
		National float64 `json:"national"`
	} `json:"rollup_p99_ms"`
	ProvincePemda int     `json:"province_pemda"`
	DeltaRows     int64   `json:"delta_rows"`
	DeltaImportS  float64 `json:"delta_import_s"`
	FirstLoadRows int64   `json:"first_load_rows"`
	FirstLoadS    float64 `json:"first_load_s"`
	PeakMemoryMB  struct {
		Loader    float64 `json:"loader"`     // this process, which generated and loaded the 500 Pemda
		Import    float64 `json:"import"`     // the larger of the two monev import processes
		Server    float64 `json:"server"`     // monev serve under the dashboard load
		Postgres  float64 `json:"postgres"`   // the largest PostgreSQL backend (VmHWM)
		Shared    float64 `json:"shared_mb"`  // shared_buffers, counted in every backend's figure
		TotalNote string  `json:"total_note"` // how to read the figures
	} `json:"peak_memory_mb"`
	Notes []string `json:"notes,omitempty"`
}

// provinces are the 38 provinces' Kemendagri codes; the generated Pemda are
// spread over them in turn.
var provinces = []string{"11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36",
	"51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "93", "94", "95", "96"}

// nationalBench holds a run's state.
type nationalBench struct {
	*bench
	opt   nationalOptions
	res   nationalResults
	url   string
	db    *database.DB
	codes []string // every loaded Pemda, Cilegon first
	sizes map[string]int
}

// runNational runs the national benchmark on the server at serverURL (a
// throwaway cluster of its own when ""), with the monev binary bin (built
// when "").
func runNational(ctx context.Context, opt nationalOptions, serverURL, bin, out string) (*nationalResults, error) {
	work, err := os.MkdirTemp("", "monev-bench-national-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	if err := os.Chmod(work, 0o755); err != nil {
		return nil, err
	}
	if bin == "" {
		bin = filepath.Join(work, "monev")
		step("building monev")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/monev").CombinedOutput(); err != nil {
			return nil, fmt.Errorf("go build: %v\n%s", err, out)
		}
	}
	b := &nationalBench{bench: &bench{ctx: ctx, bin: bin, work: work, clients: opt.Clients}, opt: opt,
		res: nationalResults{Machine: machine(), When: time.Now().UTC().Format(time.RFC3339), Scale: opt.Scale}}
	if serverURL == "" {
		step("starting PostgreSQL")
		c, err := pgdev.Start(ctx, pgdev.Options{})
		if err != nil {
			return nil, err
		}
		defer c.Stop()
		serverURL = c.URL("postgres")
	}
	name := fmt.Sprintf("bench_national_%d", time.Now().UnixNano())
	b.plan()
	if opt.Keep != "" {
		if err := b.loaded(serverURL); err != nil || opt.LoadOnly {
			return &b.res, err
		}
		step("copying " + opt.Keep)
		// File by file, not through the WAL (PostgreSQL 15's default would
		// write the whole database to the WAL while the pages are measured).
		if err := b.psql(serverURL, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s STRATEGY file_copy", name, opt.Keep)); err != nil {
			return nil, err
		}
	} else if err := b.psql(serverURL, "CREATE DATABASE "+name); err != nil {
		return nil, err
	}
	defer func() { _ = b.psql(serverURL, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") }()
	b.url = withDatabase(serverURL, name)
	if opt.Keep == "" { // a copy of the kept database was migrated with it
		if _, _, err := b.monev(b.url, "migrate", "up"); err != nil {
			return nil, err
		}
	}
	if b.db, err = database.Open(ctx, b.url); err != nil {
		return nil, err
	}
	defer b.db.Close()
	steps := []func() error{b.load, b.countSpells, b.settleCopy, b.dashboard, b.rollups, b.deltaImport, b.firstLoad, b.sizesAndMemory}
	if opt.Keep != "" {
		steps = steps[1:]
	}
	for _, f := range steps {
		if err := f(); err != nil {
			return nil, err
		}
	}
	b.printNational()
	if out != "" {
		data, _ := json.MarshalIndent(b.res, "", "  ")
		if err := os.WriteFile(out, append(data, '\n'), 0o644); err != nil {
			return nil, err
		}
	}
	return &b.res, nil
}

// withDatabase replaces the database of a URL.
func withDatabase(url, name string) string {
	base, query, _ := strings.Cut(url, "?")
	base = base[:strings.LastIndex(base, "/")+1] + name
	if query != "" {
		return base + "?" + query
	}
	return base
}

// drawSizes spreads workers over n Pemda like the kabupaten/kota: a
// log-normal spread (σ 1,2), so the median Pemda has about half the mean
// and the largest about twenty times the median. Largest first.
func drawSizes(n, workers int) []int {
	rng := rand.New(rand.NewPCG(2021, 2)) // Inpres 2/2021
	w := make([]float64, n)
	sum := 0.0
	for i := range w {
		w[i] = math.Exp(1.2 * rng.NormFloat64())
		sum += w[i]
	}
	slices.SortFunc(w, func(a, b float64) int { return -cmpFloat(a, b) })
	sizes := make([]int, n)
	given := 0
	for i := range w {
		sizes[i] = max(1, int(float64(workers)*w[i]/sum))
		given += sizes[i]
	}
	sizes[0] += workers - given // rounding goes to the largest
	return sizes
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// pemdaCodes are the codes of the n−1 generated Pemda, spread over the
// provinces in turn (the province's 1st kabupaten, then its 2nd, …).
func pemdaCodes(n int) []string {
	codes := make([]string, 0, n)
	for i := 0; len(codes) < n; i++ {
		c := fmt.Sprintf("%s%02d", provinces[i%len(provinces)], 1+i/len(provinces))
		if c != domain.DefaultPemda {
			codes = append(codes, c)
		}
	}
	return codes
}

// addPemda creates Pemda with 10 kecamatan of 10 kelurahan each and
// Cilegon's categories and rates, as the onboarding would.
func (b *nationalBench) addPemda(codes []string) error {
	for _, sql := range []string{
		`INSERT INTO pemda (code, name, province, government, office, city)
		 SELECT c, 'Kabupaten Uji ' || c, 'Provinsi ' || left(c, 2), 'Pemerintah Kabupaten Uji ' || c, 'Dinas Tenaga Kerja', 'Uji ' || c
		 FROM unnest($1::text[]) c`,
		`INSERT INTO kecamatan (pemda, code, bps_code, name)
		 SELECT c, format('%s.%s.%s', left(c, 2), right(c, 2), lpad(k::text, 2, '0')), c || lpad((k * 10)::text, 3, '0'), 'Kecamatan ' || k
		 FROM unnest($1::text[]) c, generate_series(1, 10) k`,
		`INSERT INTO kelurahan (pemda, code, kecamatan_code, bps_code, name)
		 SELECT c, format('%s.%s.%s.%s', left(c, 2), right(c, 2), lpad(k::text, 2, '0'), 2000 + d),
		        format('%s.%s.%s', left(c, 2), right(c, 2), lpad(k::text, 2, '0')),
		        c || lpad((k * 10)::text, 3, '0') || lpad(d::text, 3, '0'), 'Desa ' || k || '-' || d
		 FROM unnest($1::text[]) c, generate_series(1, 10) k, generate_series(1, 10) d`,
		`INSERT INTO category (pemda, code, name, description, sort_order, active)
		 SELECT c, code, name, description, sort_order, active FROM category, unnest($1::text[]) c WHERE pemda = '3672'`,
		`INSERT INTO contribution_rate (pemda, valid_from, jkk, jkm, regulation)
		 SELECT c, valid_from, jkk, jkm, regulation FROM contribution_rate, unnest($1::text[]) c WHERE pemda = '3672'`,
	} {
		if _, err := b.db.Pool().Exec(b.ctx, sql, codes); err != nil {
			return fmt.Errorf("add pemda: %w", err)
		}
	}
	return nil
}

// load creates the Pemda and loads every programme in one load; Cilegon,
// which gets the largest, also gets the demo users.
func (b *nationalBench) load() error {
	step(fmt.Sprintf("creating %d Pemda", b.opt.Pemda))
	if err := b.addPemda(b.codes[1:]); err != nil {
		return err
	}
	opts := make([]demo.Synthetic, len(b.codes))
	for i, c := range b.codes {
		opts[i] = demo.Synthetic{Pemda: c, Workers: b.sizes[c], Years: 5, Seed: uint64(i + 1)}
	}
	step(fmt.Sprintf("loading %d workers into %d Pemda (largest %d, smallest %d)", b.opt.Workers, len(b.codes), b.res.LargestPemda, b.res.SmallestPemda))
	actor := domain.OperatorActor(domain.DefaultPemda, "bench")
	start := time.Now()
	summary := fmt.Sprintf("Data sintetis nasional: %d Pemda, %d peserta", len(b.codes), b.opt.Workers)
	if err := demo.GenerateMany(b.ctx, b.db, actor, summary, opts); err != nil {
		return err
	}
	b.res.LoadS = time.Since(start).Seconds()
	if err := demo.CreateDemoUsers(b.ctx, b.db, actor, domain.DefaultPemda); err != nil {
		return err
	}
	step("vacuum, analyze, checkpoint")
	return b.settle(b.url)
}

// settleCopy lets a copy of the kept database settle (statistics, a
// checkpoint) before anything is measured on it; a fresh load has settled.
func (b *nationalBench) settleCopy() error {
	if b.opt.Keep == "" {
		return nil
	}
	step("analyze, checkpoint, sync")
	if err := b.psql(b.url, "ANALYZE"); err != nil {
		return err
	}
	if err := b.psql(b.url, "CHECKPOINT"); err != nil {
		return err
	}
	syscall.Sync() // the copy's gigabytes, written back now rather than while pages are timed
	return nil
}

// countSpells records the loaded spells.
func (b *nationalBench) countSpells() error {
	return b.db.Pool().QueryRow(b.ctx, `SELECT count(*) FROM enrollment`).Scan(&b.res.Enrollments)
}

// plan draws the Pemda's codes and sizes (the same at every run of a scale).
func (b *nationalBench) plan() {
	b.codes = append([]string{domain.DefaultPemda}, pemdaCodes(b.opt.Pemda-1)...)
	sizes := drawSizes(b.opt.Pemda, b.opt.Workers)
	b.sizes = map[string]int{}
	for i, c := range b.codes {
		b.sizes[c] = sizes[i]
	}
	b.res.PemdaCount, b.res.Workers = len(b.codes), int64(b.opt.Workers)
	b.res.LargestPemda, b.res.SmallestPemda = sizes[0], sizes[len(sizes)-1]
}

// loaded makes sure the kept database holds this scale's load: it loads it
// when the database does not exist yet, and refuses one of another size.
func (b *nationalBench) loaded(serverURL string) error {
	b.url = withDatabase(serverURL, b.opt.Keep)
	db, err := database.Open(b.ctx, withDatabase(serverURL, "postgres"))
	if err != nil {
		return err
	}
	var exists bool
	err = db.Pool().QueryRow(b.ctx, `SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)`, b.opt.Keep).Scan(&exists)
	db.Close()
	if err != nil {
		return err
	}
	if !exists {
		if err := b.psql(serverURL, "CREATE DATABASE "+b.opt.Keep); err != nil {
			return err
		}
	}
	if _, _, err := b.monev(b.url, "migrate", "up"); err != nil { // new migrations since the load too
		return err
	}
	if b.db, err = database.Open(b.ctx, b.url); err != nil {
		return err
	}
	defer b.db.Close()
	var workers int64
	if err := b.db.Pool().QueryRow(b.ctx, `SELECT count(*) FROM worker`).Scan(&workers); err != nil {
		return err
	}
	switch {
	case workers == 0:
		b.res.Notes = append(b.res.Notes, "loaded into "+b.opt.Keep)
		return b.load()
	case workers != int64(b.opt.Workers):
		return fmt.Errorf("%s holds %d workers, not the %d of this scale", b.opt.Keep, workers, b.opt.Workers)
	}
	b.res.Notes = append(b.res.Notes, "measured on a copy of "+b.opt.Keep+", loaded earlier")
	return nil
}

// dashboard drives Cilegon's dashboard (the largest Pemda) over HTTP.
func (b *nationalBench) dashboard() error {
	step("dashboard of one Pemda")
	srv, c, err := b.serve(b.url)
	if err != nil {
		return err
	}
	defer srv.Stop()
	dash := dashboardRequests
	loadgen.Run(b.ctx, c, b.clients, 20, dash)
	stats, _ := loadgen.Run(b.ctx, c, b.clients, b.opt.Requests, dash)
	fmt.Fprint(os.Stderr, loadgen.Table(stats.Summaries()))
	all := stats.Summaries()[len(stats.Summaries())-1]
	b.res.DashboardP50MS, b.res.DashboardP99MS = ms(all.P50), ms(all.P99)
	if all.Errors > 0 || all.Client > 0 {
		return fmt.Errorf("dashboard: %d errors, %d refusals", all.Errors, all.Client)
	}
	if rss, err := srv.PeakRSS(); err == nil {
		b.res.PeakMemoryMB.Server = float64(rss) / (1 << 20)
	}
	return nil
}

// rollups times the figures of a province's Pemda and of every Pemda for
// 2024, read from the per-Pemda aggregates in one query, in-process.
func (b *nationalBench) rollups() error {
	var province []string
	for _, c := range b.codes {
		if strings.HasPrefix(c, "36") && len(province) < 10 {
			province = append(province, c)
		}
	}
	b.res.ProvincePemda = len(province)
	set := settings.NewService(b.db)
	an := analysis.NewService(b.db, set, contributions.NewService(b.db, set))
	for _, r := range []struct {
		name  string
		codes []string
		p99   *float64
	}{{"province", province, &b.res.RollupP99MS.Province}, {"national", b.codes, &b.res.RollupP99MS.National}} {
		step(fmt.Sprintf("roll-up of %d Pemda (%s)", len(r.codes), r.name))
		var runs []time.Duration
		for i := 0; i < b.opt.Requests+20; i++ {
			start := time.Now()
			got, err := an.Rollup(b.ctx, r.codes, domain.YearPeriod(2024), domain.BasisCash)
			if err != nil {
				return err
			}
			if len(got.Rows) != len(r.codes) {
				return fmt.Errorf("roll-up: %d rows for %d Pemda", len(got.Rows), len(r.codes))
			}
			if i >= 20 { // the first are the warm-up
				runs = append(runs, time.Since(start))
			}
		}
		slices.Sort(runs)
		*r.p99 = ms(runs[int(float64(len(runs)-1)*0.99)])
		step(fmt.Sprintf("roll-up of %d Pemda: p50 %.1f ms, p99 %.1f ms", len(r.codes), ms(runs[len(runs)/2]), *r.p99))
	}
	return nil
}

// deltaImport imports a month's update into Cilegon: the last half of the
// update's workers are known (unchanged), the other half new.
func (b *nationalBench) deltaImport() error {
	n := b.sizes[domain.DefaultPemda]
	opt := demo.Synthetic{Pemda: domain.DefaultPemda, Workers: n + b.opt.Delta/2, From: max(0, n-b.opt.Delta/2), Years: 5, Seed: 1}
	rows, took, rss, err := b.importFile("delta", opt)
	if err != nil {
		return err
	}
	b.res.DeltaRows, b.res.DeltaImportS = rows, took.Seconds()
	b.res.PeakMemoryMB.Import = max(b.res.PeakMemoryMB.Import, rss)
	return nil
}

// firstLoad creates a new Pemda and imports its first registry.
func (b *nationalBench) firstLoad() error {
	code := b.newCode()
	if err := b.addPemda([]string{code}); err != nil {
		return err
	}
	opt := demo.Synthetic{Pemda: code, Workers: b.opt.FirstLoad, Years: 5, Seed: 77}
	rows, took, rss, err := b.importFile("first", opt)
	if err != nil {
		return err
	}
	b.res.FirstLoadRows, b.res.FirstLoadS = rows, took.Seconds()
	b.res.PeakMemoryMB.Import = max(b.res.PeakMemoryMB.Import, rss)
	return nil
}

// newCode is the stored code of a real kabupaten/kota (monev import accepts
// only Kemendagri's codes) that is not loaded yet.
func (b *nationalBench) newCode() string {
	for _, p := range wilayah.Provinces() {
		for _, r := range wilayah.Regencies(p.Code) {
			if c := wilayah.Compact(r.Code); !slices.Contains(b.codes, c) {
				return c
			}
		}
	}
	panic("bench: every kabupaten/kota is loaded")
}

// importFile writes a workers file of opt and imports it with monev import
// into opt.Pemda, returning its rows, the import's time and peak memory.
func (b *nationalBench) importFile(name string, opt demo.Synthetic) (int64, time.Duration, float64, error) {
	dir := filepath.Join(b.work, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, 0, err
	}
	ref, err := settings.NewService(b.db).Reference(b.ctx, opt.Pemda)
	if err != nil {
		return 0, 0, 0, err
	}
	if err := demo.WriteFiles(dir, opt, ref); err != nil {
		return 0, 0, 0, err
	}
	file := filepath.Join(dir, "peserta.csv")
	rows, err := lineCount(file)
	if err != nil {
		return 0, 0, 0, err
	}
	step(fmt.Sprintf("importing %d rows into %s (%s)", rows, opt.Pemda, name))
	state, took, err := b.monev(b.url, "import", "workers", file, "--pemda", opt.Pemda)
	if err != nil {
		return 0, 0, 0, err
	}
	step(fmt.Sprintf("imported %d rows into %s in %.1f s", rows, opt.Pemda, took.Seconds()))
	var rss float64
	if u, ok := state.SysUsage().(*syscall.Rusage); ok {
		rss = float64(u.Maxrss) / 1024 // kB on Linux
	}
	return rows, took, rss, nil
}

// lineCount counts a CSV file's data rows (lines after the header).
func lineCount(path string) (int64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return int64(strings.Count(string(data), "\n")) - 1, nil
}

// sizesAndMemory records the database's size and the memory of this
// process and of PostgreSQL's backends.
func (b *nationalBench) sizesAndMemory() error {
	var size int64
	var shared string
	if err := b.db.Pool().QueryRow(b.ctx, `SELECT pg_database_size(current_database()), current_setting('shared_buffers')`).Scan(&size, &shared); err != nil {
		return err
	}
	b.res.DatabaseMB = float64(size) / (1 << 20)
	if rss, err := loadgen.ResidentMemory(os.Getpid(), "VmHWM"); err == nil {
		b.res.PeakMemoryMB.Loader = float64(rss) / (1 << 20)
	}
	var pids []int
	rows, _ := b.db.Pool().Query(b.ctx, `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)
	for rows.Next() {
		var pid int
		if err := rows.Scan(&pid); err == nil {
			pids = append(pids, pid)
		}
	}
	rows.Close()
	for _, pid := range pids {
		if rss, err := loadgen.ResidentMemory(pid, "VmHWM"); err == nil {
			b.res.PeakMemoryMB.Postgres = max(b.res.PeakMemoryMB.Postgres, float64(rss)/(1<<20))
		}
	}
	if strings.HasSuffix(shared, "MB") {
		fmt.Sscanf(shared, "%fMB", &b.res.PeakMemoryMB.Shared)
	}
	b.res.PeakMemoryMB.TotalNote = "peak resident memory (VmHWM) of each process; a PostgreSQL backend's figure includes the shared buffers it touched"
	return nil
}

// printNational prints the figures against the targets.
func (b *nationalBench) printNational() {
	r := b.res
	target := func(v, t float64) string {
		if v <= t {
			return "met"
		}
		return fmt.Sprintf("MISSED (%.1f×)", v/t)
	}
	fmt.Printf("national benchmark, scale %g: %d Pemda, %d workers (%d spells), loaded in %.0f s, database %.0f MB\n",
		r.Scale, r.PemdaCount, r.Workers, r.Enrollments, r.LoadS, r.DatabaseMB)
	fmt.Printf("%-32s %10s %8s %s\n", "figure", "value", "target", "")
	fmt.Printf("%-32s %10.1f %8s %s\n", "dashboard_p99_ms", r.DashboardP99MS, "20", target(r.DashboardP99MS, 20))
	fmt.Printf("%-32s %10.1f %8s %s\n", fmt.Sprintf("rollup_p99_ms province (%d)", r.ProvincePemda), r.RollupP99MS.Province, "50", target(r.RollupP99MS.Province, 50))
	fmt.Printf("%-32s %10.1f %8s %s\n", fmt.Sprintf("rollup_p99_ms national (%d)", r.PemdaCount), r.RollupP99MS.National, "200", target(r.RollupP99MS.National, 200))
	fmt.Printf("%-32s %10.1f %8s %s (%d rows)\n", "delta_import_s", r.DeltaImportS, "5", target(r.DeltaImportS, 5), r.DeltaRows)
	fmt.Printf("%-32s %10.1f %8s %s (%d rows)\n", "first_load_s", r.FirstLoadS, "30", target(r.FirstLoadS, 30), r.FirstLoadRows)
	m := r.PeakMemoryMB
	fmt.Printf("peak memory MB: loader %.0f, import %.0f, server %.0f, largest PostgreSQL backend %.0f (shared_buffers %.0f)\n",
		m.Loader, m.Import, m.Server, m.Postgres, m.Shared)
}
