package sheet

import (
	"bytes"
	"strings"
	"testing"
)

func TestIsDateFormat(t *testing.T) {
	tests := map[string]bool{
		"dd/mm/yyyy": true, "d mmmm yyyy": true, "[$-421]dd mmmm yyyy;@": true, "mmm-yy": true, "yyyy-mm-dd hh:mm": true,
		"h:mm AM/PM": true, "[h]:mm:ss": true, `dd"."mm"."yyyy`: true,
		"General": false, "#,##0": false, "0.00E+00": false, "@": false, `"Rp"#,##0`: false, "[$Rp-421]#,##0;[Red]-#,##0": false,
		`_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)`: false, `0 "hari"`: false, "0%": false,
	}
	for code, want := range tests {
		if got := isDateFormat(code); got != want {
			t.Errorf("isDateFormat(%q) = %v, want %v", code, got, want)
		}
	}
	for id, want := range map[int]bool{0: false, 3: false, 14: true, 22: true, 49: false, 57: true} {
		if got := isDateNumFmtID(id); got != want {
			t.Errorf("isDateNumFmtID(%d) = %v", id, got)
		}
	}
}

func TestMetaScanner(t *testing.T) {
	xml := `<?xml version="1.0"?><worksheet><cols><col min="1" max="2"/></cols><sheetData>` +
		`<row r="2" spans="1:3"><c r="A2" s="3"><v>1</v></c><c r="C2" t="s"><v>0</v></c><c t="inlineStr" s='7'><is><t>a &gt; b</t></is></c></row>` +
		`<!-- <row r="3"> -->` + `<row><c r="B3" t="str"><f>"x>y"</f><v>x&gt;y</v></c></row>` +
		`<row r="5"/><ns:row r="6" xmlns:ns="urn:x"><ns:c r="AB6" t="e"><ns:v><![CDATA[#N/A]]></ns:v></ns:c></ns:row>` +
		`</sheetData><sheetData><row r="9"><c r="A9"/></row></sheetData></worksheet>`
	m := newMetaScanner(strings.NewReader(xml))
	check := func(row int, want []cellMeta) {
		t.Helper()
		got, err := m.rowMeta(row)
		if err != nil {
			t.Fatalf("row %d: %v", row, err)
		}
		if len(got) != len(want) {
			t.Fatalf("row %d: got %+v, want %+v", row, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("row %d cell %d: got %+v, want %+v", row, i, got[i], want[i])
			}
		}
	}
	check(1, nil)
	check(2, []cellMeta{{'n', 3}, {}, {'s', 0}, {'i', 7}})
	check(3, []cellMeta{{}, {'f', 0}})
	check(4, nil)
	check(5, nil)
	check(6, append(make([]cellMeta, 27), cellMeta{'e', 0}))
	check(9, nil) // after the end of sheetData nothing counts
}

func TestMetaScannerRejects(t *testing.T) {
	for _, xml := range []string{
		`<sheetData><row r="3"><c r="A3"/></row><row r="2"></row></sheetData>`,
		`<sheetData><row r="3"><c r="1A"/></row></sheetData>`,
		`<sheetData><row r="3"><c r="A3"`,
		`<sheetData><row r="1"><c r="A1" t="` + strings.Repeat("x", maxTag+1) + `"/></row></sheetData>`,
	} {
		m := newMetaScanner(bytes.NewReader([]byte(xml)))
		var err error
		for n := 1; n < 5 && err == nil; n++ {
			_, err = m.rowMeta(n)
		}
		if err == nil {
			t.Errorf("accepted %.60q", xml)
		}
	}
}

func TestFoldSpacesAndGuard(t *testing.T) {
	for in, want := range map[string]string{"Siti Aminah": "Siti Aminah", "  Siti   Aminah ": "Siti Aminah",
		"Siti\tAminah": "Siti Aminah", "Siti\u00a0 Aminah": "Siti Aminah", "": "", " ": "", "a ": "a"} {
		if got := foldSpaces(in); got != want {
			t.Errorf("foldSpaces(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"'=1": "=1", "'+62": "+62", "'-": "-", "'@x": "@x", "'\tx": "\tx",
		"'abc": "'abc", "'": "'", "''=1": "''=1", "=1": "=1"} {
		if got := unguard(in); got != want {
			t.Errorf("unguard(%q) = %q, want %q", in, got, want)
		}
		if in[0] != '\'' && unguard(guard(in)) != in {
			t.Errorf("unguard(guard(%q)) = %q", in, unguard(guard(in)))
		}
	}
}

func TestSniff(t *testing.T) {
	// A rune cut off by the end of the sample is not an encoding error.
	if f, err := sniff([]byte("nama\nSiti \xc3"), false); err != nil || f != formatCSV {
		t.Errorf("cut rune: %v %v", f, err)
	}
	if _, err := sniff([]byte("nama\nSiti \xc3"), true); err == nil {
		t.Error("a cut rune at the end of the file was accepted")
	}
	for _, comma := range []struct {
		head string
		want byte
	}{{"a,b,c\n", ','}, {"a;b;c\n", ';'}, {`"a;b",c` + "\nx;y;z;w", ','}, {"abc", ','}, {"a;b,c;d", ';'}} {
		if got := detectComma([]byte(comma.head)); got != comma.want {
			t.Errorf("detectComma(%q) = %q", comma.head, got)
		}
	}
}
