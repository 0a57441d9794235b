package sheet_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// testRef is reference data in the shape of shared/data/wilayah-cilegon.csv
// and the programme's categories.
func testRef() sheet.Reference {
	return sheet.Reference{
		Categories: []domain.Category{
			{Code: "rt_rw", Name: "Ketua RT/RW"},
			{Code: "kader", Name: "Kader"},
			{Code: "linmas", Name: "Linmas"},
			{Code: "nelayan", Name: "Nelayan"},
			{Code: "marbot", Name: "Marbot Masjid"},
		},
		Kelurahan: []domain.Kelurahan{
			{Code: "36.72.04.1005", BPSCode: "3672010002", Name: "Kepuh", KecamatanCode: "36.72.04"},
			{Code: "36.72.03.1002", BPSCode: "3672020013", Name: "Lebakgede", KecamatanCode: "36.72.03", Aliases: []string{"Lebak Gede"}},
			{Code: "36.72.06.1002", BPSCode: "3672022008", Name: "Grogol", KecamatanCode: "36.72.06", Aliases: []string{"Gerogol"}},
			{Code: "36.72.01.1005", BPSCode: "3672040004", Name: "Karang Asem", KecamatanCode: "36.72.01", Aliases: []string{"Karangasem"}},
		},
	}
}

// Valid NIKs: a woman born 17-07-1990 (day 17 + 40) and a man born 12-03-1985.
const (
	nikWoman = "3672045707900012"
	nikMan   = "3672031203850004"
)

// result is everything a decoder produced from one file.
type result struct {
	workers       []workerRow
	contributions []contributionRow
	claims        []claimRow
	errs          []sheet.RowError
	rows          int
	err           error // from NewDecoder or Err
}

// decode reads a whole file with the test reference data.
func decode(t testing.TB, data []byte, kind kind) result {
	return decodeLimits(t, data, kind, sheet.Limits{})
}

func decodeLimits(t testing.TB, data []byte, kind kind, lim sheet.Limits) result {
	t.Helper()
	d, err := newDecoder(bytes.NewReader(data), kind, testRef(), lim)
	if err != nil {
		return result{err: err}
	}
	defer d.Close()
	var r result
	for d.Next() {
		switch kind {
		case kinds.Workers:
			r.workers = append(r.workers, d.Worker())
		case kinds.Contributions:
			r.contributions = append(r.contributions, d.Contribution())
		case kinds.Claims:
			r.claims = append(r.claims, d.Claim())
		}
		if d.Line() == 0 {
			t.Fatal("Line() is 0 for a decoded row")
		}
	}
	r.errs, r.rows, r.err = d.Errors(), d.Rows(), d.Err()
	if d.ErrorCount() != len(r.errs) {
		t.Fatalf("ErrorCount %d, Errors %d", d.ErrorCount(), len(r.errs))
	}
	return r
}

// csvFile joins lines into a CSV file.
func csvFile(lines ...string) []byte { return []byte(strings.Join(lines, "\n") + "\n") }

// messages returns the errors as users read them.
func messages(errs []sheet.RowError) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

// wantFileError fails unless err is a *sheet.FileError whose message contains every part.
func wantFileError(t testing.TB, err error, parts ...string) {
	t.Helper()
	var fe *sheet.FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *FileError", err, err)
	}
	for _, p := range parts {
		if !strings.Contains(fe.Error(), p) {
			t.Errorf("file error %q does not contain %q", fe.Error(), p)
		}
	}
}

// wantOneError fails unless the result has exactly one error, in line and
// column, whose message contains part.
func wantOneError(t testing.TB, r result, line int, column, part string) {
	t.Helper()
	if r.err != nil {
		t.Fatalf("unexpected error %v", r.err)
	}
	if len(r.errs) != 1 {
		t.Fatalf("want 1 error, got %d: %q", len(r.errs), messages(r.errs))
	}
	e := r.errs[0]
	if e.Line != line || e.Column != column || !strings.Contains(e.Msg, part) {
		t.Errorf("error %q; want line %d, column %q, containing %q", e.Error(), line, column, part)
	}
}

// xlsxCell is a cell value for xlsxFile that needs a style: a number with a number format.
type xlsxCell struct {
	value  any
	numFmt int    // built-in number format, used when custom is ""
	custom string // custom number format code
}

// xlsxFile builds a workbook whose first sheet holds rows, starting at row 1
// (a nil row stays blank). Values are written with excelize's SetCellValue,
// so strings are text cells, numbers number cells and time.Time date cells.
func xlsxFile(t testing.TB, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Sheet1"
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if xc, ok := v.(xlsxCell); ok {
				style := excelize.Style{NumFmt: xc.numFmt}
				if xc.custom != "" {
					style.CustomNumFmt = &xc.custom
				}
				id, err := f.NewStyle(&style)
				if err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellStyle(sheet, ref, ref, id); err != nil {
					t.Fatal(err)
				}
				v = xc.value
			}
			if err := f.SetCellValue(sheet, ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// strRow turns strings into an xlsxFile row of text cells ("" stays empty).
func strRow(vals ...string) []any {
	row := make([]any, len(vals))
	for i, v := range vals {
		if v != "" {
			row[i] = v
		}
	}
	return row
}

// day returns a domain date.
func day(y int, m, d int) time.Time { return domain.Date(y, time.Month(m), d) }

// accepted is a test row that must decode to a value for which check holds.
type accepted[T any] struct {
	name    string
	changes []string // column, value, column, value ... changed in the base row
	check   func(T) bool
}

// rejected is a test row with exactly one problem, in column, whose message contains want.
type rejected struct {
	name    string
	changes []string
	column  string
	want    string
}

// testAccepted decodes each test's one-row file and checks its value.
func testAccepted[T any](t *testing.T, kind kind, file func(...string) []byte, tests []accepted[T]) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := decode(t, file(tt.changes...), kind)
			vals, lines := values[T](r)
			checkClean(t, r, len(vals), 1)
			if lines[0] != 2 || !tt.check(vals[0]) {
				t.Errorf("unexpected row %d: %+v", lines[0], vals[0])
			}
		})
	}
}

// testRejected decodes each test's one-row file and checks its one problem.
func testRejected(t *testing.T, kind kind, file func(...string) []byte, tests []rejected) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := decode(t, file(tt.changes...), kind)
			wantOneError(t, r, 2, tt.column, tt.want)
			if vals, _ := values[any](r); len(vals) != 0 || r.rows != 1 {
				t.Errorf("%d valid rows of %d", len(vals), r.rows)
			}
		})
	}
}

// values returns the decoded domain values of type T and their lines.
func values[T any](r result) (vals []T, lines []int) {
	add := func(v any, line int) {
		if x, ok := v.(T); ok {
			vals, lines = append(vals, x), append(lines, line)
		}
	}
	for _, w := range r.workers {
		add(w.Worker, w.Line)
	}
	for _, c := range r.contributions {
		add(c.Contribution, c.Line)
	}
	for _, c := range r.claims {
		add(c.Claim, c.Line)
	}
	return vals, lines
}

// checkClean fails unless a decode had no errors and the expected number of rows.
func checkClean(t *testing.T, r result, got, want int) {
	t.Helper()
	if r.err != nil || len(r.errs) > 0 || got != want {
		t.Fatalf("err %v, errors %q, %d rows, want %d", r.err, messages(r.errs), got, want)
	}
}
