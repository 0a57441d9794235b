package wilayah

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sourceDir holds idn-area-data's CSV files as shipped, each gzipped, so
// that the test runs on every checkout; WILAYAH_SRC names a directory of
// plain CSV files instead (gen.go's source).
const sourceDir = "../../../testdata/wilayah-indonesia"

// TestEveryParentExists checks the decoded table itself, so that a region
// whose parent is missing cannot hide from a walk down the tree.
func TestEveryParentExists(t *testing.T) {
	want := [Village]int{38, 514, 7285, 83762}
	for i, list := range data().levels {
		if len(list) != want[i] {
			t.Errorf("%d regions at level %v, want %d", len(list), Level(i+1), want[i])
		}
		for _, r := range list {
			if r.Level != Level(i+1) || strings.Count(r.Code, ".") != i {
				t.Fatalf("%+v is filed at level %v", r, Level(i+1))
			}
			if r.Level == Province {
				if r.Parent != "" {
					t.Fatalf("province %+v has a parent", r)
				}
				continue
			}
			p, ok := Lookup(r.Parent)
			if !ok || p.Level != r.Level-1 || !strings.HasPrefix(r.Code, p.Code+".") {
				t.Fatalf("parent of %+v: %+v, %v", r, p, ok)
			}
		}
	}
}

// TestMatchesSource compares every row of the idn-area-data CSV files with
// Lookup, when the files are at hand.
func TestMatchesSource(t *testing.T) {
	dir, ext := os.Getenv("WILAYAH_SRC"), ""
	if dir == "" {
		dir, ext = sourceDir, ".gz"
	}
	total := 0
	for i, file := range []string{"provinces.csv", "regencies.csv", "districts.csv", "villages.csv"} {
		raw, err := os.ReadFile(filepath.Join(dir, file+ext))
		if err != nil {
			t.Fatal(err)
		}
		if ext == ".gz" {
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if raw, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
		}
		records, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, rec := range records[1:] {
			want := Region{Code: rec[0], Name: rec[len(rec)-1], Level: Level(i + 1)}
			if i > 0 {
				want.Parent = rec[1]
			}
			if got, ok := Lookup(want.Code); !ok || got != want {
				t.Errorf("%s: Lookup(%s) = %+v, %v; want %+v", file, want.Code, got, ok, want)
			}
		}
		if n := len(records) - 1; n != len(data().levels[i]) {
			t.Errorf("%s has %d rows, the embedded data %d", file, n, len(data().levels[i]))
		}
		total += len(records) - 1
	}
	t.Logf("%d rows match", total)
}

func TestDecodeRejects(t *testing.T) {
	for name, text := range map[string]string{
		"no parent":       "\t01\tKabupaten\n",
		"deep":            "36\tBanten\n\t01\tA\n\t\t01\tB\n\t\t\t1001\tC\n\t\t\t\t01\tD\n",
		"width":           "36\tBanten\n\t1\tA\n",
		"village width":   "36\tBanten\n\t01\tA\n\t\t01\tB\n\t\t\t01\tC\n",
		"order":           "36\tBanten\n35\tJawa Timur\n",
		"repeat":          "36\tBanten\n36\tBanten\n",
		"no name":         "36\t\n",
		"no tab":          "36 Banten\n",
		"letters":         "3a\tBanten\n",
		"no final break":  "36\tBanten",
		"orphan after up": "36\tBanten\n\t01\tA\n\t\t01\tB\n37\tX\n\t\t02\tC\n",
	} {
		if _, err := decode(gzipped(t, text)); err == nil {
			t.Errorf("%s: decode(%q) accepted it", name, text)
		}
	}
	if _, err := decode([]byte("not gzip")); err == nil {
		t.Errorf("decode accepted bytes that are not gzip")
	}
}

func gzipped(tb testing.TB, text string) []byte {
	tb.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(text)); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}
