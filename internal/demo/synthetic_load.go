package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/internal/settings"
)

// Generate writes a synthetic programme into an empty Pemda through COPY,
// in one transaction: the workers with their spells, a payment a month for
// everyone covered, the claims, budgets, targets and the workforce, and the
// demo users when the Pemda has none.
func Generate(ctx context.Context, db *database.DB, actor domain.Actor, opt Synthetic) error {
	if opt.Pemda == "" {
		opt.Pemda = domain.DefaultPemda
	}
	summary := fmt.Sprintf("Data sintetis dimuat: %d peserta, %d tahun, seed %d", opt.Workers, opt.Years, opt.Seed)
	if err := GenerateMany(ctx, db, actor, summary, []Synthetic{opt}); err != nil {
		return err
	}
	return createUsers(ctx, db, actor, opt.Pemda)
}

// GenerateMany writes synthetic programmes into several empty Pemda in one
// load (LoadTables): each table gets every Pemda's rows in one COPY, so a
// fresh database builds its indexes once, after all of them. It creates no
// users; the national benchmark loads 500 Pemda with it.
func GenerateMany(ctx context.Context, db *database.DB, actor domain.Actor, summary string, opts []Synthetic) error {
	var tables []TableRows
	var sources [][]RowSource // per table, every Pemda's rows
	for _, opt := range opts {
		t, err := synthTables(ctx, db, opt)
		if err != nil {
			return fmt.Errorf("pemda %s: %w", opt.Pemda, err)
		}
		if tables == nil {
			tables, sources = t, make([][]RowSource, len(t))
		}
		for i := range t {
			sources[i] = append(sources[i], t[i].Rows)
		}
	}
	for i := range tables {
		tables[i].Rows = &chainRows{sources: sources[i]}
	}
	return LoadTables(ctx, db, actor, summary, tables)
}

// synthTables are the rows of one synthetic programme, streamed.
func synthTables(ctx context.Context, db *database.DB, opt Synthetic) ([]TableRows, error) {
	if has, err := HasData(ctx, db, opt.Pemda); err != nil {
		return nil, err
	} else if has {
		return nil, ErrNotEmpty
	}
	kel, err := settings.NewService(db).Kelurahans(ctx, opt.Pemda)
	if err != nil {
		return nil, err
	}
	s, err := newSynth(opt, kel)
	if err != nil {
		return nil, err
	}
	roster := make([]int64, s.months+1) // changes of the billable roster by month
	var enrollmentID int64
	p := opt.Pemda
	return []TableRows{
		{Table: "worker", Columns: []string{"pemda", "id", "nik", "name", "birth_date", "sex", "category_code", "kelurahan_code", "kpj", "income", "address"},
			Rows: s.rows(func(st story) [][]any {
				w := st.worker
				return [][]any{{p, w.ID, string(w.NIK), w.Name, w.BirthDate, string(w.Sex), w.CategoryCode, w.KelurahanCode, w.KPJ, int64(w.Income), w.Address}}
			})},
		{Table: "enrollment", Columns: []string{"pemda", "id", "worker_id", "category_code", "kelurahan_code", "income", "start_date", "end_date", "status"},
			Rows: s.rows(func(st story) [][]any {
				var out [][]any
				w := st.worker
				for _, e := range w.Enrollments {
					enrollmentID++
					out = append(out, []any{p, enrollmentID, w.ID, w.CategoryCode, w.KelurahanCode, int64(w.Income), e.Start, e.End, string(e.Status)})
					s.count(roster, e)
				}
				return out
			})},
		{Table: "contribution", Columns: []string{"pemda", "coverage_month", "participants", "billed", "paid", "paid_on", "sp2d_no"},
			Rows: &lazyRows{make: func() [][]any { return s.payments(p, roster) }}},
		{Table: "claim", Columns: []string{"pemda", "claim_no", "worker_id", "category_code", "kelurahan_code", "type", "incident_on", "submitted_on", "paid_on", "amount", "status", "beneficiary"},
			Rows: s.rows(func(st story) [][]any {
				var out [][]any
				w := st.worker
				for _, c := range st.claims {
					out = append(out, []any{p, c.No, w.ID, w.CategoryCode, w.KelurahanCode, string(c.Type), c.IncidentOn,
						nullTime(c.SubmittedOn), nullTime(c.PaidOn), int64(c.Amount), string(c.Status), c.Beneficiary})
				}
				return out
			})},
	}, nil
}

// CreateDemoUsers creates the demo users in a Pemda (see Load), for a
// Pemda loaded with GenerateMany.
func CreateDemoUsers(ctx context.Context, db *database.DB, actor domain.Actor, pemda string) error {
	return createUsers(ctx, db, actor, pemda)
}

// chainRows streams its sources one after the other.
type chainRows struct{ sources []RowSource }

func (r *chainRows) Next() bool {
	for len(r.sources) > 0 {
		if r.sources[0].Next() {
			return true
		}
		if r.sources[0].Err() != nil {
			return false
		}
		r.sources = r.sources[1:]
	}
	return false
}

func (r *chainRows) Values() ([]any, error) { return r.sources[0].Values() }

func (r *chainRows) Err() error {
	if len(r.sources) > 0 {
		return r.sources[0].Err()
	}
	return nil
}

// count adds a spell to the month-by-month changes of the billable roster.
func (s *synth) count(roster []int64, e registry.Enrollment) {
	roster[int(domain.MonthOf(e.Start)-s.start)]++
	if e.End != nil {
		if m := int(domain.MonthOf(*e.End)-s.start) + 1; m < len(roster) {
			roster[m]--
		}
	}
}

// payments are one SP2D a month for everyone covered that month.
func (s *synth) payments(pemda string, roster []int64) [][]any {
	var out [][]any
	n := int64(0)
	for m := 0; m < s.months; m++ {
		n += roster[m]
		month := s.start.Add(m)
		r := domain.DefaultBPURates()
		rate, _ := r.At(month)
		billed := int64(rate.Monthly(n))
		paidOn := month.Add(1).First().AddDate(0, 0, 9)
		out = append(out, []any{pemda, month.First(), n, billed, billed, paidOn,
			fmt.Sprintf("%04d/SP2D-LS/%d", m+1, paidOn.Year())})
	}
	return out
}

// rows streams the rows each story gives, story after story.
func (s *synth) rows(of func(story) [][]any) RowSource {
	return &storyRows{s: s, of: of}
}

type storyRows struct {
	s       *synth
	of      func(story) [][]any
	next    int
	pending [][]any
	current []any
}

func (r *storyRows) Next() bool {
	for len(r.pending) == 0 {
		if r.next >= r.s.opt.Workers {
			return false
		}
		r.pending = r.of(r.s.story(r.next))
		r.next++
	}
	r.current, r.pending = r.pending[0], r.pending[1:]
	return true
}

func (r *storyRows) Values() ([]any, error) { return r.current, nil }
func (r *storyRows) Err() error             { return nil }

// lazyRows makes its rows when first asked, after the tables before it
// have been read.
type lazyRows struct {
	make    func() [][]any
	rows    [][]any
	started bool
	current []any
}

func (r *lazyRows) Next() bool {
	if !r.started {
		r.rows, r.started = r.make(), true
	}
	if len(r.rows) == 0 {
		return false
	}
	r.current, r.rows = r.rows[0], r.rows[1:]
	return true
}

func (r *lazyRows) Values() ([]any, error) { return r.current, nil }
func (r *lazyRows) Err() error             { return nil }

func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// WriteFiles writes the synthetic programme as import files in the
// templates' CSV layout: peserta.csv (a row per spell), iuran.csv and
// klaim.csv, so that the import itself can be measured.
func WriteFiles(dir string, opt Synthetic, ref sheet.Reference) error {
	s, err := newSynth(opt, ref.Kelurahan)
	if err != nil {
		return err
	}
	view := sheet.View{FullNIK: true, Ref: ref}
	roster := make([]int64, s.months+1)
	err = writeFile(filepath.Join(dir, "peserta.csv"), registry.Workers, view, func(e *sheet.Exporter[registry.WorkerRow]) error {
		for i := max(opt.From, 0); i < opt.Workers; i++ {
			st := s.story(i)
			for _, en := range st.worker.Enrollments {
				s.count(roster, en)
				if err := e.Write(&registry.WorkerRow{Worker: st.worker, Spell: en}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = writeFile(filepath.Join(dir, "iuran.csv"), contributions.Contributions, view, func(e *sheet.Exporter[contributions.Contribution]) error {
		for _, row := range s.payments("", roster) {
			n, billed := row[2].(int64), domain.Rupiah(row[3].(int64))
			err := e.Write(&contributions.Contribution{CoverageMonth: domain.MonthOf(row[1].(time.Time)), Participants: &n,
				Billed: &billed, Paid: billed, PaidOn: row[5].(time.Time), SP2D: row[6].(string)})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "klaim.csv"), claims.Claims, view, func(e *sheet.Exporter[claims.Claim]) error {
		for i := max(opt.From, 0); i < opt.Workers; i++ {
			st := s.story(i)
			for _, c := range st.claims {
				c.NIK = st.worker.NIK
				if err := e.Write(&c); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// writeFile writes a CSV file of table t, filled by fill.
func writeFile[R any](path string, t *sheet.Table[R], view sheet.View, fill func(*sheet.Exporter[R]) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	e, err := sheet.NewExporter(f, t, "csv", view)
	if err != nil {
		return err
	}
	if err := fill(e); err != nil {
		return err
	}
	if err := e.Close(); err != nil {
		return err
	}
	return f.Close()
}
