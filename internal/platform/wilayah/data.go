package wilayah

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"sync"
)

//go:generate go run gen.go -src /work/shared/data/wilayah-indonesia

// embedded is every region, one a line, sorted by code: the region's depth in
// tabs (none for a province), the last part of its code, a tab and its name.
// gen.go writes it and documents the format.
//
//go:embed wilayah.txt.gz
var embedded []byte

// table is the decoded data: the regions of each level (index Level-1),
// sorted by code.
type table struct {
	levels [Village][]Region
}

var (
	loadOnce sync.Once
	loaded   *table
)

// data returns the decoded table, decoding it on first use.
func data() *table {
	loadOnce.Do(func() {
		t, err := decode(embedded)
		if err != nil {
			panic("wilayah: embedded data: " + err.Error())
		}
		loaded = t
	})
	return loaded
}

// decode reads the gzip'd line format of gen.go. It checks what the lookups
// rely on: each line's depth, the width of its code part, that it follows its
// parent, and that each level's codes are in increasing order.
//
// It allocates little: the text is one string and names are slices of it,
// every code is a slice of one more string, and a parent's code is shared by
// its children.
func decode(gz []byte) (*table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	var buf strings.Builder
	if n := len(gz); n >= 4 {
		// The gzip trailer ends with the text's length; a hint only.
		if size := binary.LittleEndian.Uint32(gz[n-4:]); size <= 64<<20 {
			buf.Grow(int(size))
		}
	}
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, err
	}
	text := buf.String()

	// Count the lines of each depth, to size the lists and the codes.
	var counts [Village]int
	codeBytes := 0
	for rest := text; rest != ""; {
		if d := depthOf(rest); d < len(counts) {
			counts[d]++
			codeBytes += codeLengths[d]
		}
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			break
		}
		rest = rest[i+1:]
	}
	t := &table{}
	for d, n := range counts {
		t.levels[d] = make([]Region, 0, n)
	}
	var codes strings.Builder
	codes.Grow(codeBytes)

	var path [Village]string // codes of the current line's ancestors
	for line := 1; text != ""; line++ {
		end := strings.IndexByte(text, '\n')
		if end < 0 {
			return nil, fmt.Errorf("line %d: no line break", line)
		}
		l := text[:end]
		text = text[end+1:]
		depth := depthOf(l)
		part, name, ok := strings.Cut(l[depth:], "\t")
		if !ok || depth >= len(segmentWidths) || len(part) != segmentWidths[depth] || !allDigits(part) || name == "" {
			return nil, fmt.Errorf("line %d: malformed %q", line, l)
		}
		r := Region{Name: name, Level: Level(depth + 1)}
		from := codes.Len()
		if depth > 0 {
			if path[depth-1] == "" {
				return nil, fmt.Errorf("line %d: %q has no parent before it", line, l)
			}
			r.Parent = path[depth-1]
			codes.WriteString(r.Parent)
			codes.WriteByte('.')
		}
		codes.WriteString(part)
		// Earlier codes stay valid even if the builder grows past its size.
		r.Code = codes.String()[from:]
		list := &t.levels[depth]
		if n := len(*list); n > 0 && (*list)[n-1].Code >= r.Code {
			return nil, fmt.Errorf("line %d: code %s out of order", line, r.Code)
		}
		*list = append(*list, r)
		path[depth] = r.Code
		clear(path[depth+1:])
	}
	return t, nil
}

// codeLengths are the lengths of the dotted codes of each level: "36",
// "36.72", "36.72.01", "36.72.01.1001".
var codeLengths = [Village]int{2, 5, 8, 13}

// depthOf returns the number of tabs at the start of s.
func depthOf(s string) int {
	d := 0
	for d < len(s) && s[d] == '\t' {
		d++
	}
	return d
}
