package sheet_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/cilegon/monev/internal/platform/sheet"
)

// decodeAny decodes data as every kind and fails on a panic (by crashing) or
// an error that is not a *FileError or RowError-shaped result.
func decodeAny(t *testing.T, data []byte) {
	for _, kind := range kinds.Kinds {
		d, err := newDecoder(bytes.NewReader(data), kind, testRef(), sheet.Limits{MaxRows: 1000})
		if err != nil {
			var fe *sheet.FileError
			if !errors.As(err, &fe) || len(fe.Problems) == 0 {
				t.Fatalf("%s: NewDecoder error %v (%T) is not a *FileError", kind, err, err)
			}
			continue
		}
		for d.Next() {
			if d.Line() < 2 {
				t.Fatalf("%s: row at line %d", kind, d.Line())
			}
		}
		if err := d.Err(); err != nil {
			var fe *sheet.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("%s: Err() %v (%T) is not a *FileError", kind, err, err)
			}
		}
		for _, e := range d.Errors() {
			if e.Msg == "" || e.Line < 0 || (e.Line > 0 && e.Line < 2) {
				t.Fatalf("%s: bad row error %+v", kind, e)
			}
		}
		if err := d.Close(); err != nil {
			t.Fatalf("%s: close: %v", kind, err)
		}
	}
}

func FuzzDecodeCSV(f *testing.F) {
	f.Add(workerCSV())
	f.Add(contributionCSV())
	f.Add(claimCSV())
	f.Add(workerCSV("nik", "3.67205E+15", "status", "meninggal"))
	f.Add([]byte("\ufeffnik;nama;kategori;kelurahan;tanggal_mulai\n\"" + nikWoman + "\";\"Siti \"\"A\"\"\";kader;Kepuh;17 Juli 2024\n"))
	f.Add([]byte("nik,nama\n\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, []byte("PK")) {
			return // FuzzDecodeFile covers archives
		}
		decodeAny(t, data)
	})
}

func FuzzDecodeFile(f *testing.F) {
	for _, kind := range kinds.Kinds {
		var buf bytes.Buffer
		if err := sheet.WriteTemplate(&buf, kind.schema(), "xlsx"); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add(handMadeXLSX(f))
	f.Add([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
	f.Add([]byte("PK\x03\x04\x14\x00"))
	f.Add(workerCSV())
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeAny(t, data)
	})
}
