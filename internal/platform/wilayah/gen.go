//go:build ignore

// gen.go writes wilayah.txt.gz and LICENSE-ODbL.md from the CSV files of
// idn-area-data (provinces.csv, regencies.csv, districts.csv, villages.csv
// and LICENSE.md). Run it through `go generate` in this directory, or as
//
//	go run gen.go -src DIR
//
// The output lists every region once, sorted by code, which puts each region
// right after its parent (the code segments have fixed widths). A line is the
// region's depth in tabs (none for a province, three for a village), the last
// segment of its code, a tab and its name:
//
//	36	Banten
//		72	Kota Cilegon
//			01	Cibeber
//				1001	Cibeber
//
// It checks the data before writing anything: the headers, the shape of every
// code, that each parent column agrees with the code and names a region of
// the level above, no code twice, and names that are non-empty, trimmed,
// valid UTF-8 and free of tabs and line breaks.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// level is one of the four CSV files, in order from provinces to villages.
type level struct {
	file   string
	header []string
	width  int // digits in the last code segment
}

var levels = []level{
	{"provinces.csv", []string{"code", "name"}, 2},
	{"regencies.csv", []string{"code", "province_code", "name"}, 2},
	{"districts.csv", []string{"code", "regency_code", "name"}, 2},
	{"villages.csv", []string{"code", "district_code", "name"}, 4},
}

type region struct {
	code, name string
	depth      int
}

func main() {
	src := flag.String("src", "/work/shared/data/wilayah-indonesia", "directory holding the idn-area-data CSV files and LICENSE.md")
	out := flag.String("out", "wilayah.txt.gz", "the compressed file to write")
	license := flag.String("license", "LICENSE-ODbL.md", "where to copy the source's LICENSE.md")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("wilayah gen: ")

	regions, counts, err := read(*src)
	if err != nil {
		log.Fatal(err)
	}
	data, err := encode(regions)
	if err != nil {
		log.Fatal(err)
	}
	lic, err := os.ReadFile(filepath.Join(*src, "LICENSE.md"))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*license, lic, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d provinces, %d regencies, %d districts, %d villages, %d bytes",
		*out, counts[0], counts[1], counts[2], counts[3], len(data))
}

// read loads and checks the four CSV files and returns every region sorted by
// code, with the number of regions per level.
func read(dir string) ([]region, [4]int, error) {
	var all []region
	var counts [4]int
	known := map[string]int{} // code -> depth
	for depth, lv := range levels {
		records, err := readCSV(filepath.Join(dir, lv.file), lv.header)
		if err != nil {
			return nil, counts, err
		}
		for i, rec := range records {
			where := fmt.Sprintf("%s line %d", lv.file, i+2)
			code, name := rec[0], rec[len(rec)-1]
			// The parent must already be known at the level above, so
			// checking the depth and the last segment checks the whole code.
			parent, last := "", code
			if i := strings.LastIndexByte(code, '.'); i >= 0 {
				parent, last = code[:i], code[i+1:]
			}
			if strings.Count(code, ".") != depth || len(last) != lv.width || !digits(last) {
				return nil, counts, fmt.Errorf("%s: code %q does not have %d parts ending in %d digits", where, code, depth+1, lv.width)
			}
			if depth > 0 {
				if rec[1] != parent {
					return nil, counts, fmt.Errorf("%s: code %q but parent column %q", where, code, rec[1])
				}
				if d, ok := known[parent]; !ok || d != depth-1 {
					return nil, counts, fmt.Errorf("%s: parent %q of %q is not in %s", where, parent, code, levels[depth-1].file)
				}
			}
			if _, dup := known[code]; dup {
				return nil, counts, fmt.Errorf("%s: code %q listed twice", where, code)
			}
			if name == "" || name != strings.TrimSpace(name) || strings.ContainsAny(name, "\t\r\n") || !utf8.ValidString(name) {
				return nil, counts, fmt.Errorf("%s: name %q of %q is empty, untrimmed, not UTF-8 or holds a tab or line break", where, name, code)
			}
			known[code] = depth
			all = append(all, region{code: code, name: name, depth: depth})
			counts[depth]++
		}
	}
	slices.SortFunc(all, func(a, b region) int { return strings.Compare(a.code, b.code) })
	return all, counts, nil
}

// readCSV returns the records of file after checking its header.
func readCSV(file string, header []string) ([][]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = len(header)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if !slices.Equal(head, header) {
		return nil, fmt.Errorf("%s: header %q, want %q", file, head, header)
	}
	var records [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return records, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		records = append(records, rec)
	}
}

// encode writes the regions in the line format described at the top of this
// file and compresses them. The gzip header carries no name or time, so the
// same data gives the same bytes.
func encode(regions []region) ([]byte, error) {
	var text bytes.Buffer
	for _, r := range regions {
		text.WriteString(strings.Repeat("\t", r.depth))
		text.WriteString(r.code[strings.LastIndexByte(r.code, '.')+1:])
		text.WriteByte('\t')
		text.WriteString(r.name)
		text.WriteByte('\n')
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(text.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
