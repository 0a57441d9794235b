package sheet_test

import (
	"io"
	"slices"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/internal/registry"
)

// The tests of the engine read and write files of the three kinds monev
// imports, through the tables their features declare. kinds gives them the
// tables by name; the records are the decoder's, with the line they came from.

// kind names a table: "workers", "contributions" or "claims".
type kind string

// schema is the table of a kind.
func (k kind) schema() sheet.Schema {
	switch k {
	case "workers":
		return registry.Workers
	case "contributions":
		return contributions.Contributions
	case "claims":
		return claims.Claims
	}
	return nil
}

// Label is the kind's Indonesian name.
func (k kind) Label() string { return k.schema().Title() }

// kinds are the three kinds and what the tests do with them.
var kinds = struct {
	Workers, Contributions, Claims kind
	Kinds                          []kind
}{"workers", "contributions", "claims", []kind{"workers", "contributions", "claims"}}

// workerRow, contributionRow and claimRow are records read from a line.
type (
	workerRow struct {
		Line   int
		Worker registry.Worker // with its one spell in Enrollments
	}
	contributionRow struct {
		Line         int
		Contribution contributions.Contribution
	}
	claimRow struct {
		Line  int
		Claim claims.Claim
	}
)

// decoder reads a file of any of the three kinds.
type decoder struct {
	rows sheet.Rows
	w    *sheet.Decoder[registry.WorkerRow]
	c    *sheet.Decoder[contributions.Contribution]
	k    *sheet.Decoder[claims.Claim]
}

func newDecoder(r io.Reader, k kind, ref sheet.Reference, lim sheet.Limits) (*decoder, error) {
	var d decoder
	var err error
	others := []sheet.Schema{registry.Workers, contributions.Contributions, claims.Claims}
	switch k {
	case "workers":
		d.w, err = sheet.NewDecoder(r, registry.Workers, ref, lim, others...)
		d.rows = d.w
	case "contributions":
		d.c, err = sheet.NewDecoder(r, contributions.Contributions, ref, lim, others...)
		d.rows = d.c
	case "claims":
		d.k, err = sheet.NewDecoder(r, claims.Claims, ref, lim, others...)
		d.rows = d.k
	}
	if err != nil {
		return nil, err
	}
	return &d, nil
}

func (d *decoder) Next() bool               { return d.rows.Next() }
func (d *decoder) Line() int                { return d.rows.Line() }
func (d *decoder) Errors() []sheet.RowError { return d.rows.Errors() }
func (d *decoder) ErrorCount() int          { return d.rows.ErrorCount() }
func (d *decoder) Rows() int                { return d.rows.Rows() }
func (d *decoder) Format() string           { return d.rows.Format() }
func (d *decoder) Err() error               { return d.rows.Err() }
func (d *decoder) Close() error             { return d.rows.Close() }
func (d *decoder) Worker() workerRow        { return workerOf(d.Line(), d.w.Record()) }
func (d *decoder) Contribution() contributionRow {
	return contributionRow{Line: d.Line(), Contribution: d.c.Record()}
}
func (d *decoder) Claim() claimRow { return claimRow{Line: d.Line(), Claim: d.k.Record()} }

// workerOf is a workers row as a worker with its spell.
func workerOf(line int, r registry.WorkerRow) workerRow {
	w := r.Worker
	w.Enrollments = []registry.Enrollment{r.Spell}
	return workerRow{Line: line, Worker: w}
}

// columns are a kind's column specs, nil for an unknown kind.
func columns(k kind) []sheet.Spec {
	if k.schema() == nil {
		return nil
	}
	return k.schema().Specs()
}

// exporter writes records of any of the three kinds.
type exporter struct {
	w *sheet.Exporter[registry.WorkerRow]
	c *sheet.Exporter[contributions.Contribution]
	k *sheet.Exporter[claims.Claim]
}

func newExporter(out io.Writer, k kind, format string, ref sheet.Reference) (*exporter, error) {
	var e exporter
	var err error
	view := sheet.View{FullNIK: true, Ref: ref}
	switch k {
	case "workers":
		e.w, err = sheet.NewExporter(out, registry.Workers, format, view)
	case "contributions":
		e.c, err = sheet.NewExporter(out, contributions.Contributions, format, view)
	case "claims":
		e.k, err = sheet.NewExporter(out, claims.Claims, format, view)
	}
	return &e, err
}

// Worker writes one spell of a worker, with the NIK as given (masked or not).
func (e *exporter) Worker(w registry.Worker, en registry.Enrollment, nik string) error {
	w.NIK = domain.NIK(nik)
	return e.w.Write(&registry.WorkerRow{Worker: w, Spell: en})
}

func (e *exporter) Contribution(c contributions.Contribution) error { return e.c.Write(&c) }

// Claim writes a claim with the NIK as given.
func (e *exporter) Claim(c claims.Claim, nik string) error {
	c.NIK = domain.NIK(nik)
	return e.k.Write(&c)
}

func (e *exporter) Close() error {
	switch {
	case e.w != nil:
		return e.w.Close()
	case e.c != nil:
		return e.c.Close()
	}
	return e.k.Close()
}

// The forms of the three kinds.

var (
	workerDetailColumns = []string{"nik", "nama", "kategori", "kelurahan", "tanggal_lahir", "jenis_kelamin", "no_kpj",
		"penghasilan", "no_hp", "alamat"}
	spellColumns = []string{"tanggal_mulai", "tanggal_selesai", "status"}
)

func parseWorker(ref sheet.Reference, values map[string]string) (workerRow, []sheet.RowError) {
	r, errs := sheet.ParseForm(registry.Workers, ref, values)
	return workerOf(0, r), errs
}

func parseWorkerDetails(ref sheet.Reference, values map[string]string) (registry.Worker, []sheet.RowError) {
	r, errs := sheet.ParseForm(registry.Workers, ref, values, workerDetailColumns...)
	return r.Worker, errs
}

func parseEnrollment(values map[string]string) (registry.Enrollment, []sheet.RowError) {
	r, errs := sheet.ParseForm(registry.Workers, sheet.Reference{}, values, spellColumns...)
	return r.Spell, errs
}

func parseContribution(values map[string]string) (contributionRow, []sheet.RowError) {
	c, errs := sheet.ParseForm(contributions.Contributions, sheet.Reference{}, values)
	return contributionRow{Contribution: c}, errs
}

func parseClaim(values map[string]string) (claimRow, []sheet.RowError) {
	c, errs := sheet.ParseForm(claims.Claims, sheet.Reference{}, values)
	return claimRow{Claim: c}, errs
}

func workerValues(w registry.Worker, e *registry.Enrollment) map[string]string {
	r := registry.WorkerRow{Worker: w}
	if e == nil {
		return sheet.Values(registry.Workers, &r, workerDetailColumns...)
	}
	r.Spell = *e
	return sheet.Values(registry.Workers, &r, slices.Concat(workerDetailColumns, spellColumns)...)
}

func contributionValues(c contributions.Contribution) map[string]string {
	return sheet.Values(contributions.Contributions, &c)
}

func claimValues(c claims.Claim) map[string]string { return sheet.Values(claims.Claims, &c) }
