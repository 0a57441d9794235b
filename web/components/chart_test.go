package components

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

func TestNiceScale(t *testing.T) {
	const juta = 1_000_000
	tests := []struct {
		name   string
		lo, hi int64
		want   Scale
		ticks  []int64
	}{
		{"claims up to 790 juta", 0, 790 * juta, Scale{0, 800 * juta, 200 * juta}, []int64{0, 200 * juta, 400 * juta, 600 * juta, 800 * juta}},
		{"deficit only", -309_542_340, 0, Scale{-400 * juta, 0, 100 * juta}, []int64{-400 * juta, -300 * juta, -200 * juta, -100 * juta, 0}},
		{"balance crossing zero", -310 * juta, 20 * juta, Scale{-400 * juta, 100 * juta, 100 * juta}, nil},
		{"counts", 0, 4_187, Scale{0, 5_000, 1_000}, []int64{0, 1_000, 2_000, 3_000, 4_000, 5_000}},
		{"all zero", 0, 0, Scale{}, []int64{0}},
		{"positive range still starts at zero", 62 * juta, 70 * juta, Scale{0, 80 * juta, 20 * juta}, nil},
		{"one rupiah", 1, 1, Scale{0, 1, 1}, []int64{0, 1}},
		{"ten trillion", 0, 10_000_000_000_000, Scale{0, 10_000_000_000_000, 2_000_000_000_000}, nil},
		{"extremes are clamped", math.MinInt64, math.MaxInt64, Scale{-maxValue, maxValue, 500_000_000_000_000}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NiceScale(tt.lo, tt.hi, 6)
			if got != tt.want {
				t.Fatalf("NiceScale(%d, %d, 6) = %+v, want %+v", tt.lo, tt.hi, got, tt.want)
			}
			if tt.ticks != nil && !slices.Equal(got.Ticks(), tt.ticks) {
				t.Errorf("Ticks() = %v, want %v", got.Ticks(), tt.ticks)
			}
		})
	}
}

func TestNiceScaleProperties(t *testing.T) {
	values := []int64{0, 1, 7, 99, 4_187, 62_400_000, 201_000_000, 309_542_340, 999_999_999, 7_300_000_000_000}
	for _, a := range values {
		for _, b := range values {
			for _, n := range []int{2, 4, 6} {
				lo, hi := -a, b
				s := NiceScale(lo, hi, n)
				if s.Min > lo || s.Max < hi || s.Min > 0 || s.Max < 0 {
					t.Fatalf("NiceScale(%d, %d, %d) = %+v does not cover the range and zero", lo, hi, n, s)
				}
				if s.Step == 0 {
					continue
				}
				if got := (s.Max - s.Min) / s.Step; got > int64(n) {
					t.Errorf("NiceScale(%d, %d, %d) = %+v has %d intervals", lo, hi, n, s, got)
				}
				if !slices.Contains(s.Ticks(), 0) {
					t.Errorf("NiceScale(%d, %d, %d) = %+v has no tick at zero", lo, hi, n, s)
				}
				m := s.Step
				for m%10 == 0 {
					m /= 10
				}
				if m != 1 && m != 2 && m != 5 {
					t.Errorf("NiceScale(%d, %d, %d) step %d is not 1, 2 or 5 times a power of ten", lo, hi, n, s.Step)
				}
			}
		}
	}
}

func TestScaleMap(t *testing.T) {
	s := Scale{Min: -400, Max: 100, Step: 100}
	if got := s.Map(0, 300, 0); got != 60 {
		t.Errorf("Map(0) = %v, want 60", got)
	}
	if got := s.Map(-400, 300, 0); got != 300 {
		t.Errorf("Map(Min) = %v, want 300", got)
	}
	if got := (Scale{}).Map(0, 300, 0); got != 300 {
		t.Errorf("zero scale Map(0) = %v, want the axis start 300", got)
	}
}

func TestUnitTick(t *testing.T) {
	tests := []struct {
		unit Unit
		v    int64
		want string
	}{
		{UnitRupiah, 0, "Rp 0"},
		{UnitRupiah, 50_000_000, "Rp 50 juta"},
		{UnitRupiah, 1_200_000_000, "Rp 1,2 miliar"},
		{UnitRupiah, 1_050_000_000, "Rp 1,05 miliar"}, // Short would round to "1,1"
		{UnitRupiah, -100_000_000, "\u2212Rp 100 juta"},
		{UnitRupiah, 500_000, "Rp 500.000"},
		{UnitRupiah, 10_000_000_000_000, "Rp 10 triliun"},
		{UnitCount, 1_500, "1.500"},
		{UnitCount, 0, "0"},
		{UnitPercent, 5_500, "55 %"},
		{UnitPercent, 16_440, "164,4 %"},
	}
	for _, tt := range tests {
		if got := tt.unit.Tick(tt.v); got != tt.want {
			t.Errorf("Unit(%d).Tick(%d) = %q, want %q", tt.unit, tt.v, got, tt.want)
		}
	}
}

// Every tick of a nice scale must read differently, so that no label is
// rounded into its neighbour.
func TestTickLabelsAreDistinct(t *testing.T) {
	for _, hi := range []int64{4_187, 99_000_000, 1_240_000_000, 2_600_000_000, 10_300_000_000_000} {
		for n := 2; n <= 12; n++ {
			var seen []string
			for _, v := range NiceScale(-hi/3, hi, n).Ticks() {
				l := UnitRupiah.Tick(v)
				if slices.Contains(seen, l) {
					t.Fatalf("scale up to %d in %d steps repeats the label %q", hi, n, l)
				}
				seen = append(seen, l)
			}
		}
	}
}

func TestThinStep(t *testing.T) {
	tests := []struct {
		need, band float64
		n, want    int
	}{
		{30, 60, 12, 1},
		{30, 20, 12, 2},
		{55, 20, 12, 3},
		{70, 20, 12, 4},
		{100, 10, 36, 12},
		{500, 10, 36, 36},
		{500, 10, 1, 1},
	}
	for _, tt := range tests {
		if got := thinStep(tt.need, tt.band, tt.n); got != tt.want {
			t.Errorf("thinStep(%v, %v, %d) = %d, want %d", tt.need, tt.band, tt.n, got, tt.want)
		}
	}
}

func TestXLabelPlan(t *testing.T) {
	months := []string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}
	var long []string
	for _, y := range []string{"2023", "2024"} {
		for _, m := range months {
			long = append(long, m+" "+y)
		}
	}
	tests := []struct {
		name       string
		labels     []string
		band       float64
		wantStep   int
		wantTurned bool
	}{
		{"months, wide", months, 56, 1, false},
		{"months, phone", months, 22, 2, false},
		{"months with years, wide", long, 28, 3, false},
		{"months with years, phone", long, 10, 3, true},
		{"one label", []string{"Januari 2024"}, 30, 1, false},
	}
	for _, tt := range tests {
		step, turned := xLabelPlan(tt.labels, tt.band, 12)
		if step != tt.wantStep || turned != tt.wantTurned {
			t.Errorf("%s: xLabelPlan = %d, %v; want %d, %v", tt.name, step, turned, tt.wantStep, tt.wantTurned)
		}
	}
}

func TestEllipsis(t *testing.T) {
	long := "Guru ngaji, marbot dan pengurus rumah ibadah kelurahan"
	got, cut := ellipsis(long, 150, 12)
	if !cut || !strings.HasSuffix(got, "…") || textWidth(got, 12) > 150 || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("ellipsis(long) = %q, %v", got, cut)
	}
	if got, cut := ellipsis("Linmas", 150, 12); got != "Linmas" || cut {
		t.Errorf("ellipsis(short) = %q, %v", got, cut)
	}
}

var (
	sampleMonths = []string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}
	sampleIuran  = []int64{62_400_000, 63_100_000, 64_000_000, 64_800_000, 65_200_000, 66_000_000, 66_700_000, 67_300_000, 68_100_000, 68_900_000, 69_400_000, 70_000_000}
	sampleKlaim  = []int64{42_400_000, 98_500_000, 0, 201_000_000, 84_000_000, 126_000_000, 42_000_000, 168_000_000, 91_000_000, 63_000_000, 71_000_000, 119_000_000}
	sampleSaldo  = []int64{20_000_000, -15_400_000, 48_600_000, -87_600_000, -106_400_000, -166_400_000, -141_700_000, -242_400_000, -265_300_000, -259_400_000, -261_000_000, -310_000_000}
)

func TestBarsRender(t *testing.T) {
	hrefs := [][]string{make([]string, 12), make([]string, 12)}
	hrefs[1][3] = "/klaim?bulan=2024-04&urut=nilai"
	html := render(t, Bars(BarChart{
		ID: "iuran-klaim", Title: "Iuran dan klaim per bulan · Tahun 2024 · basis kas", Summary: "Klaim melampaui iuran pada 7 bulan.",
		Caption: "Rincian di tabel di bawah.", Labels: sampleMonths, Unit: UnitRupiah, Hrefs: hrefs,
		Series: []Series{{Name: "Iuran dibayar", Values: sampleIuran}, {Name: "Klaim dibayar", Values: sampleKlaim}},
	}))
	svgs := drawings(t, html)
	if len(svgs) != len(frames) {
		t.Fatalf("got %d drawings, want %d", len(svgs), len(frames))
	}
	for _, d := range svgs {
		// A bar is a link, so the drawing is a group of links named by its
		// title and described by its summary, not an image (whose
		// children are out of reach of screen readers).
		if d.role != "group" || d.title == "" || d.desc == "" || d.labelledBy != d.id+"-t" || d.describedBy != d.id+"-d" {
			t.Errorf("drawing %s: role %q, title %q, desc %q, aria-labelledby %q, aria-describedby %q", d.id, d.role, d.title, d.desc, d.labelledBy, d.describedBy)
		}
		if got := d.count["rect.bar"]; got != 24 {
			t.Errorf("drawing %s has %d bars, want 24", d.id, got)
		}
		if d.count["pattern"] < 3 {
			t.Errorf("drawing %s defines %d patterns", d.id, d.count["pattern"])
		}
		if !slices.Contains(d.texts, "Rp 200 juta") || !slices.Contains(d.texts, "Rp 0") {
			t.Errorf("drawing %s lacks rupiah ticks: %q", d.id, d.texts)
		}
		if d.count["a"] != 1 {
			t.Errorf("drawing %s has %d links, want 1", d.id, d.count["a"])
		}
	}
	for _, want := range []string{`href="/klaim?bulan=2024-04&amp;urut=nilai"`, "Apr · Klaim dibayar: Rp 201.000.000", "Rincian di tabel di bawah.", "Klaim dibayar</li>"} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestLineRenderMarksDeficit(t *testing.T) {
	html := render(t, Line(LineChart{
		ID: "saldo", Title: "Saldo kumulatif · Tahun 2024", Summary: "Saldo turun menjadi defisit Rp 310 juta.",
		Labels: sampleMonths, Series: []Series{{Name: "Saldo kumulatif", Values: sampleSaldo}}, ZeroLabel: "Impas", NegativeLabel: "Defisit",
	}))
	for _, d := range drawings(t, html) {
		if d.role != "img" || d.labelledBy != d.id+"-t "+d.id+"-d" || d.describedBy != "" {
			t.Errorf("drawing %s without links: role %q, aria-labelledby %q, aria-describedby %q", d.id, d.role, d.labelledBy, d.describedBy)
		}
		for _, el := range []string{"line.zero", "rect.neg-zone", "polygon.area-neg", "clipPath", "text.zero-label", "text.neg-label", "text.end-label neg"} {
			if d.count[el] == 0 {
				t.Errorf("drawing %s lacks %s", d.id, el)
			}
		}
		if got := d.count["circle.point"]; got != 12 {
			t.Errorf("drawing %s has %d points, want 12", d.id, got)
		}
		for _, want := range []string{"Impas", "Defisit", "\u2212Rp 310 juta", "\u2212Rp 400 juta"} {
			if !slices.Contains(d.texts, want) {
				t.Errorf("drawing %s lacks the text %q", d.id, want)
			}
		}
	}
	if !strings.Contains(html, `fill="#a4161a"`) {
		t.Error("points below zero are not dark red")
	}
}

func TestLineRenderWithoutDeficit(t *testing.T) {
	html := render(t, Line(LineChart{ID: "naik", Title: "t", Summary: "s", Labels: sampleMonths[:3], Series: []Series{{Name: "Saldo", Values: []int64{1, 2, 3}}}, ZeroLabel: "Impas", NegativeLabel: "Defisit"}))
	for _, d := range drawings(t, html) {
		if d.count["rect.neg-zone"] != 0 || d.count["text.neg-label"] != 0 || d.count["clipPath"] != 0 {
			t.Errorf("drawing %s marks a deficit that is not there", d.id)
		}
	}
}

func TestHBarsRender(t *testing.T) {
	long := "Guru ngaji, marbot dan pengurus rumah ibadah kelurahan"
	html := render(t, HBars(HBarChart{
		ID: "cakupan", Title: "Cakupan per kategori · 31 Desember 2024", Summary: "Cakupan tertinggi Nelayan.",
		Unit: UnitCount, ValueName: "Peserta aktif", TargetName: "Sasaran",
		Items: []HBarItem{
			{Label: "Ketua RT/RW", Value: 1_300, Target: 1_528, Href: "/peserta?kategori=rtrw"},
			{Label: "Kader", Value: 1_460, Target: 2_650},
			{Label: "Linmas", Value: 700, Target: 1_593, Note: "43,9 % dari sasaran"},
			{Label: long, Value: 45, Target: 300},
			{Label: "Tanpa sasaran", Value: 12},
		},
	}))
	for _, d := range drawings(t, html) {
		if d.count["rect.bar"] != 5 || d.count["rect.target"] != 4 || d.count["line.marker"] != 4 {
			t.Errorf("drawing %s: %d bars, %d targets, %d markers; want 5, 4, 4", d.id, d.count["rect.bar"], d.count["rect.target"], d.count["line.marker"])
		}
		for _, want := range []string{"85,1 %", "43,9 % dari sasaran", "12", "0"} {
			if !slices.Contains(d.texts, want) {
				t.Errorf("drawing %s lacks the text %q in %q", d.id, want, d.texts)
			}
		}
	}
	if !strings.Contains(html, "<title>"+long+"</title>") || !strings.Contains(html, "…") {
		t.Error("a long label is not cut with its full name kept in a tooltip")
	}
	if !strings.Contains(html, `href="/peserta?kategori=rtrw"`) {
		t.Error("the item's link is missing")
	}
	if !strings.Contains(html, "Sasaran</li>") {
		t.Error("the legend does not name the target")
	}
}

func TestHBarsPercentOfTarget(t *testing.T) {
	html := render(t, HBars(HBarChart{ID: "pct", Title: "t", Summary: "s", Unit: UnitPercent, Items: []HBarItem{
		{Label: "Jombang", Value: 990, Target: 950}, {Label: "Grogol", Value: 150, Target: 600},
	}}))
	for _, want := range []string{">100 %<", ">104,2 %<", ">25,0 %<"} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestChartsEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		c    templ.Component
		want []string
	}{
		{"empty bars", Bars(BarChart{ID: "a", Title: "Iuran · 2025"}), []string{"Belum ada data untuk periode ini", "Iuran · 2025"}},
		{"empty line", Line(LineChart{ID: "b", Title: "t", Labels: sampleMonths}), []string{"Belum ada data untuk periode ini"}},
		{"empty hbars", HBars(HBarChart{ID: "c", Title: "t"}), []string{"Belum ada data untuk periode ini"}},
		{"all zeros", Bars(BarChart{ID: "d", Title: "t", Summary: "s", Labels: sampleMonths[:2], Series: []Series{{Name: "x", Values: []int64{0, 0}}}}), []string{"Semua nilai nol pada periode ini", ">Rp 0<"}},
		{"single point", Line(LineChart{ID: "e", Title: "t", Summary: "s", Labels: []string{"Jan 2024"}, Series: []Series{{Name: "x", Values: []int64{12_000_000}}}}), []string{`class="point"`, "Rp 12 juta"}},
		{"only negatives", Bars(BarChart{ID: "f", Title: "t", Summary: "s", Labels: sampleMonths[:2], Series: []Series{{Name: "x", Values: []int64{-5, -309_542_340}}}}), []string{"url(#f-l-neg)", "Nilai di bawah nol"}},
		{"huge values", HBars(HBarChart{ID: "g", Title: "t", Summary: "s", Items: []HBarItem{{Label: "APBD", Value: 10_000_000_000_000}}}), []string{"Rp 10 triliun"}},
		{"more values than labels", Bars(BarChart{ID: "h", Title: "t", Summary: "s", Labels: sampleMonths[:1], Series: []Series{{Name: "x", Values: []int64{1, 2, 3}}}}), []string{`class="bar"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := render(t, tt.c)
			drawings(t, html)
			for _, want := range tt.want {
				if !strings.Contains(html, want) {
					t.Errorf("output lacks %q", want)
				}
			}
		})
	}
}

// Two charts on one page must not share an element id.
func TestChartIDsAreUniqueOnAPage(t *testing.T) {
	var b bytes.Buffer
	for _, c := range []templ.Component{
		Bars(BarChart{ID: "a", Title: "t", Summary: "s", Labels: sampleMonths, Series: []Series{{Name: "Iuran", Values: sampleIuran}, {Name: "Klaim", Values: sampleKlaim}}}),
		Line(LineChart{ID: "b", Title: "t", Summary: "s", Labels: sampleMonths, Series: []Series{{Name: "Saldo", Values: sampleSaldo}}}),
		HBars(HBarChart{ID: "c", Title: "t", Summary: "s", ValueName: "v", TargetName: "t", Items: []HBarItem{{Label: "x", Value: 1, Target: 2}}}),
	} {
		if err := c.Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(b.String(), -1) {
		if seen[m[1]] {
			t.Errorf("id %q is used twice", m[1])
		}
		seen[m[1]] = true
	}
}

// render renders c and checks what every chart must satisfy: no inline
// styles or scripts, as the Content Security Policy forbids them.
func render(t *testing.T, c templ.Component) string {
	t.Helper()
	var b bytes.Buffer
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, bad := range []string{"style=", "<style", "<script", "javascript:"} {
		if strings.Contains(html, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	return html
}

// drawing is what a test reads from one <svg> of a chart.
type drawing struct {
	id, role, labelledBy, describedBy, title, desc string
	count                                          map[string]int // by element, or element.class
	texts                                          []string
}

// drawings parses the chart's markup as XML, which also proves it well
// formed, and returns its drawings (legend swatches left out). Every
// url(#…) in a drawing must point at an element defined in that drawing.
func drawings(t *testing.T, html string) []drawing {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(html))
	var out []drawing
	var cur *drawing
	var ids, refs []string
	var path []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("chart markup is not well formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			path = append(path, tok.Name.Local)
			attr := func(name string) string {
				for _, a := range tok.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			if tok.Name.Local == "svg" {
				ids, refs = nil, nil
				if strings.Contains(attr("class"), "chart-svg") {
					out = append(out, drawing{id: strings.TrimSuffix(strings.Fields(attr("aria-labelledby") + " -")[0], "-t"), role: attr("role"), labelledBy: attr("aria-labelledby"), describedBy: attr("aria-describedby"), count: map[string]int{}})
					cur = &out[len(out)-1]
				}
			}
			if id := attr("id"); id != "" {
				ids = append(ids, id)
			}
			for _, a := range tok.Attr {
				if m := regexp.MustCompile(`url\(#([^)]+)\)`).FindStringSubmatch(a.Value); m != nil {
					refs = append(refs, m[1])
				}
			}
			if cur != nil {
				cur.count[tok.Name.Local]++
				if c := attr("class"); c != "" {
					cur.count[tok.Name.Local+"."+c]++
				}
			}
		case xml.EndElement:
			path = path[:len(path)-1]
			if tok.Name.Local == "svg" {
				for _, r := range refs {
					if !slices.Contains(ids, r) {
						t.Errorf("url(#%s) points outside its own <svg>", r)
					}
				}
				cur = nil
			}
		case xml.CharData:
			s := strings.TrimSpace(string(tok))
			if cur == nil || s == "" {
				continue
			}
			switch path[len(path)-1] {
			case "text":
				cur.texts = append(cur.texts, s)
			case "title":
				if path[len(path)-2] == "svg" {
					cur.title = s
				}
			case "desc":
				cur.desc = s
			}
		}
	}
	return out
}
