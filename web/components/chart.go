package components

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/cilegon/monev/internal/domain"
)

// Charts are drawn on the server as SVG, once for each frame below, and CSS
// shows the drawing that fits (one drawing scaled from a wide screen down to
// a phone would shrink its text to 6 px). This file does the geometry;
// chart.templ only prints what it computes.

// Unit says what a chart's numbers count and how its axis labels read.
type Unit int

const (
	// UnitRupiah values are whole rupiah; ticks read "Rp 50 juta".
	UnitRupiah Unit = iota
	// UnitCount values are counts; ticks read "1.500".
	UnitCount
	// UnitPercent values are hundredths of a percent (5.500 is 55 %); in an
	// HBarChart each bar is instead Value as a share of Target.
	UnitPercent
)

// Series is one named row of values, one per label of its chart.
type Series struct {
	Name   string
	Values []int64
}

// BarChart is a grouped vertical bar chart by month or period, such as
// contributions against claims; it takes up to three series.
type BarChart struct {
	ID      string // unique on the page; prefixes the SVG ids
	Title   string // says the period and the basis
	Summary string // one sentence for screen readers
	Caption string // a note under the chart, e.g. where the numbers come from
	Labels  []string
	Series  []Series
	Unit    Unit
	Hrefs   [][]string // optional, [series][label]: where a bar leads
}

// LineChart is a line over months, such as the cumulative balance; values
// below zero are drawn in dark red under a labelled zero line.
type LineChart struct {
	ID, Title, Summary, Caption string
	Labels                      []string
	Series                      []Series
	Unit                        Unit
	ZeroLabel                   string // names the zero line, e.g. "Impas"
	NegativeLabel               string // names the area below it, e.g. "Defisit"
}

// HBarItem is one horizontal bar: a category with its value and, when
// Target is not 0, the target it is measured against.
type HBarItem struct {
	Label  string
	Value  int64
	Target int64  // 0 = none
	Href   string // optional: the rows behind the bar
	Note   string // shown at the bar end, e.g. "83,0 %"; empty = a default
}

// HBarChart is a list of horizontal bars, such as claims by type or active
// workers against a target per category.
type HBarChart struct {
	ID, Title, Summary, Caption string
	Items                       []HBarItem
	Unit                        Unit
	ValueName, TargetName       string // legend, e.g. "Peserta aktif", "Sasaran"
}

// maxValue bounds every value drawn (Rp 1.000 triliun), so scale arithmetic cannot overflow.
const maxValue = 1_000_000_000_000_000

func clampValue(v int64) int64 { return min(max(v, -maxValue), maxValue) }

// Scale is a linear value axis with round ends: Min and Max are multiples of
// Step, Step is 1, 2 or 5 times a power of ten, and Min ≤ 0 ≤ Max. The zero
// Scale (all values 0) has the single tick 0.
type Scale struct{ Min, Max, Step int64 }

// NiceScale returns the scale with the smallest 1-2-5 step that covers lo..hi
// and zero in at most maxIntervals steps (at least 2).
func NiceScale(lo, hi int64, maxIntervals int) Scale {
	lo, hi = min(clampValue(lo), 0), max(clampValue(hi), 0)
	if lo == hi {
		return Scale{}
	}
	limit := int64(max(maxIntervals, 2))
	for mag := int64(1); ; mag *= 10 {
		for _, m := range [3]int64{1, 2, 5} {
			step := m * mag
			s := Scale{Min: -ceilDiv(-lo, step) * step, Max: ceilDiv(hi, step) * step, Step: step}
			if (s.Max-s.Min)/step <= limit {
				return s
			}
		}
	}
}

// ceilDiv is a/b rounded up, for a ≥ 0 and b > 0.
func ceilDiv(a, b int64) int64 { return (a + b - 1) / b }

// Ticks returns the values of the scale's tick marks, lowest first.
func (s Scale) Ticks() []int64 {
	if s.Step == 0 {
		return []int64{0}
	}
	var ts []int64
	for v := s.Min; v <= s.Max; v += s.Step {
		ts = append(ts, v)
	}
	return ts
}

// Map places v on an axis drawn from `from` (at Min) to `to` (at Max).
func (s Scale) Map(v int64, from, to float64) float64 {
	if s.Max == s.Min {
		return from
	}
	return from + float64(clampValue(v)-s.Min)/float64(s.Max-s.Min)*(to-from)
}

// fitScale returns the nicest scale for lo..hi whose tick labels get the
// room they need on an axis of the given length.
func fitScale(lo, hi int64, length float64, need func(label string) float64, u Unit) Scale {
	for n := 6; ; n-- {
		s := NiceScale(lo, hi, n)
		if n == 2 || s.Step == 0 {
			return s
		}
		gap := length * float64(s.Step) / float64(s.Max-s.Min)
		fits := true
		for _, v := range s.Ticks() {
			fits = fits && need(u.Tick(v)) <= gap
		}
		if fits {
			return s
		}
	}
}

// Tick formats v as an axis label, short and exact: "Rp 0", "Rp 50 juta",
// "Rp 1,25 miliar", "−Rp 100 juta", "1.500", "55 %".
func (u Unit) Tick(v int64) string {
	v = clampValue(v)
	switch u {
	case UnitCount:
		return domain.FormatInt(v)
	case UnitPercent:
		return exactDecimal(v, 100) + " %"
	}
	mag := v
	if v < 0 {
		mag = -v
	}
	if mag < 1_000_000 {
		return domain.Rupiah(v).String()
	}
	size, name := int64(1_000_000), "juta"
	if mag >= 1_000_000_000_000 {
		size, name = 1_000_000_000_000, "triliun"
	} else if mag >= 1_000_000_000 {
		size, name = 1_000_000_000, "miliar"
	}
	s := "Rp " + exactDecimal(mag, size) + " " + name
	if v < 0 {
		return "\u2212" + s
	}
	return s
}

// Value formats v in full, for tooltips: "Rp 65.000.000", "1.500", "55,0 %".
func (u Unit) Value(v int64) string {
	switch u {
	case UnitCount:
		return domain.FormatInt(v)
	case UnitPercent:
		return domain.FormatDecimal(v, 100, 1) + " %"
	}
	return domain.Rupiah(v).String()
}

// short formats v for the end of a bar: "Rp 630 juta", "1.460", "55,0 %".
func (u Unit) short(v int64) string {
	if u == UnitRupiah {
		return domain.Rupiah(v).Short()
	}
	return u.Value(v)
}

// exactDecimal formats n/den with the fewest decimals (at most 3) that show
// it exactly, rounding beyond that: 1.250/1.000 is "1,25".
func exactDecimal(n, den int64) string {
	d, scaled := 0, n
	for d < 3 && scaled%den != 0 {
		d, scaled = d+1, scaled*10
	}
	return domain.FormatDecimal(n, den, d)
}

// textWidth estimates how wide s is set in the sans-serif UI font at size;
// the server has no font metrics, so it errs on the wide side.
func textWidth(s string, size float64) float64 {
	em := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune(" .,:;'!|il", r):
			em += 0.3
		case strings.ContainsRune("()[]/-fjrtI", r):
			em += 0.38
		case strings.ContainsRune("mwMW%", r):
			em += 0.9
		case unicode.IsUpper(r), r == '\u2212':
			em += 0.7
		case unicode.IsDigit(r):
			em += 0.63
		default:
			em += 0.58
		}
	}
	return em * size
}

// ellipsis shortens s with "…" until it fits width; it reports whether it cut.
func ellipsis(s string, width, size float64) (string, bool) {
	if textWidth(s, size) <= width {
		return s, false
	}
	rs := []rune(s)
	for len(rs) > 1 && textWidth(string(rs)+"…", size) > width {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimRight(string(rs), " ") + "…", true
}

// thinStep returns how many labels apart the shown labels must be so that
// each gets need units on an axis of n bands of the given width: 1, 2, 3, 4,
// 6, 12 or a multiple of 12, which keeps months on quarter starts.
func thinStep(need, band float64, n int) int {
	for _, k := range []int{1, 2, 3, 4, 6} {
		if float64(k)*band >= need || k >= n {
			return k
		}
	}
	k := 12
	for float64(k)*band < need && k < n {
		k += 12
	}
	return k
}

// labelAngle is how far crowded category labels are turned, in degrees.
const labelAngle = 40

// xLabelPlan decides how category labels share the axis: all level, one in
// step level, or, when that would hide more than two of three, turned.
func xLabelPlan(labels []string, band, font float64) (step int, turned bool) {
	widest := 0.0
	for _, l := range labels {
		widest = max(widest, textWidth(l, font))
	}
	if k := thinStep(widest+font, band, len(labels)); k <= 3 {
		return k, false
	}
	return thinStep(font*1.7, band, len(labels)), true
}

// frame is one drawing of a chart: its size, type size and CSS class.
type frame struct {
	Suffix  string // keeps element ids unique between the drawings
	Class   string
	W, H    float64
	Font    float64
	Compact bool
}

// frames are the drawings of every chart, narrowest first. A container
// query in app.css shows the one that suits the chart's own width (small
// below 440 px, medium to 660, large to 960, extra large beyond), so text
// stays between about 10 and 17 px from a phone to a wide screen or A4.
var frames = []frame{
	{Suffix: "s", Class: "chart-svg chart-s", W: 320, H: 280, Font: 13, Compact: true},
	{Suffix: "m", Class: "chart-svg chart-m", W: 520, H: 290, Font: 12},
	{Suffix: "l", Class: "chart-svg chart-l", W: 720, H: 310, Font: 12},
	{Suffix: "xl", Class: "chart-svg chart-xl", W: 960, H: 370, Font: 13},
}

// svgView is what every drawing's <svg> element needs.
type svgView struct {
	ID      string // prefix of the ids inside this drawing
	Class   string
	W, H    float64
	Font    float64
	Title   string
	Summary string
	// Linked is set when marks of the drawing are links to the rows
	// behind them: the drawing is then a group of links, not an image,
	// whose children assistive technology would not reach.
	Linked bool
}

// Role is the drawing's ARIA role: an image with its title and summary as
// its name, or a group named by its title and described by its summary,
// whose links can be reached by keyboard and read by screen readers.
func (v svgView) Role() string {
	if v.Linked {
		return "group"
	}
	return "img"
}

// LabelledBy names the drawing: its <title>, and its <desc> when it is an image.
func (v svgView) LabelledBy() string {
	if v.Linked {
		return v.ID + "-t"
	}
	return v.ID + "-t " + v.ID + "-d"
}

// DescribedBy is the <desc> of a group of links, "" for an image.
func (v svgView) DescribedBy() string {
	if v.Linked {
		return v.ID + "-d"
	}
	return ""
}

// ViewBox is the drawing's coordinate system.
func (v svgView) ViewBox() string { return "0 0 " + num(v.W) + " " + num(v.H) }

// Fill is the paint of series i (patterns cycle after three series). The
// first series is solid: a plain fill looks the same as its one-colour
// pattern and costs Chromium far less to print.
func (v svgView) Fill(i int) string {
	if i%3 == 0 {
		return seriesInk[0]
	}
	return "url(#" + v.ID + "-s" + strconv.Itoa(i%3) + ")"
}

// Neg is the paint of values below zero.
func (v svgView) Neg() string { return "url(#" + v.ID + "-neg)" }

// seriesInk is the line and outline colour of each series, dark to light in grey.
var seriesInk = [3]string{"#0e4a7b", "#a4161a", "#6b4500"}

// seriesDash tells the lines of a line chart apart without colour.
var seriesDash = [3]string{"", "7 4", "2 3"}

// negInk is the colour of values below zero.
const negInk = "#a4161a"

// dash is a stroke-dasharray value; "none" draws a solid line.
func dash(d string) string {
	if d == "" {
		return "none"
	}
	return d
}

// num prints a coordinate with at most one decimal.
func num(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// safeID keeps letters, digits, "-" and "_" of a caller's id, so it can go into url(#…).
func safeID(id string) string {
	id = strings.Map(func(r rune) rune {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return r
		}
		return '-'
	}, id)
	if id == "" {
		return "chart"
	}
	return id
}

// label is a piece of text placed in a drawing; Full is the whole text when Text was cut.
type label struct {
	X, Y   float64
	Text   string
	Full   string
	Anchor string // "start", "middle" or "end"
	Turned bool
	Class  string
}

// Transform turns the label about its anchor point.
func (l label) Transform() string {
	return "rotate(-" + strconv.Itoa(labelAngle) + " " + num(l.X) + " " + num(l.Y) + ")"
}

// tick is a grid line at Pos with its value label.
type tick struct {
	Pos   float64
	Label label
	Zero  bool
}

// mark is a bar (or, in a line chart, a point) with its tooltip and link.
type mark struct {
	X, Y, W, H float64
	Fill       string
	Stroke     string
	Title      string
	Href       string
	Neg        bool
}

// legendItem is one entry of the legend under a chart.
type legendItem struct {
	Name   string
	Kind   string // "box", "line" or "target"
	Fill   string // a pattern id suffix such as "s1", or "" for an outline
	Stroke string
	Dash   string
}

// plotView is one drawing of a bar or line chart: a value axis on the left
// and a category axis below.
type plotView struct {
	svgView
	Left, Top, Right, Bottom float64
	ZeroY                    float64
	HasNeg                   bool
	Ticks                    []tick
	Labels                   []label
	Bars                     []mark
	Lines                    []line
	Points                   []mark
	Area                     string  // polygon between a single line and zero
	Notes                    []label // zero line, area below it, last value, all zero
	scale                    Scale
}

// line is one series of a line chart as SVG polyline points.
type line struct{ Points, Stroke, Dash string }

// AboveZero and BelowZero split the drawing at the zero line, for clipping.
func (v plotView) AboveZero() mark { return mark{X: 0, Y: 0, W: v.W, H: v.ZeroY} }

// BelowZero is the part of the drawing under the zero line.
func (v plotView) BelowZero() mark { return mark{X: 0, Y: v.ZeroY, W: v.W, H: v.H - v.ZeroY} }

// extent returns the smallest and largest of all values.
func extent(series []Series) (lo, hi int64) {
	for _, s := range series {
		for _, v := range s.Values {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	return lo, hi
}

// newPlot lays out the axes of a bar or line chart in frame f.
func newPlot(f frame, id, title, summary string, labels []string, series []Series, u Unit) plotView {
	v := plotView{svgView: svgView{ID: safeID(id) + "-" + f.Suffix, Class: f.Class, W: f.W, H: f.H, Font: f.Font, Title: title, Summary: summary}}
	lo, hi := extent(series)
	v.HasNeg = lo < 0
	v.Top, v.Right = f.Font, f.W-6
	bottomRoom := f.Font + 12
	var s Scale
	axes := func() {
		v.Bottom = f.H - bottomRoom
		s = fitScale(lo, hi, v.Bottom-v.Top, func(string) float64 { return f.Font * 2.2 }, u)
		widest := 0.0
		for _, t := range s.Ticks() {
			widest = max(widest, textWidth(u.Tick(t), f.Font))
		}
		v.Left = widest + 10
	}
	axes()
	band := (v.Right - v.Left) / float64(len(labels))
	step, turned := xLabelPlan(labels, band, f.Font)
	sin, cos := math.Sincos(labelAngle * math.Pi / 180)
	maxTurned := 0.0
	if turned {
		for _, l := range labels {
			maxTurned = max(maxTurned, textWidth(l, f.Font))
		}
		maxTurned = min(maxTurned, (f.H*0.28-f.Font*cos)/sin)
		bottomRoom = maxTurned*sin + f.Font*cos + 10
		axes()
	}
	v.scale = s
	v.ZeroY = v.mapY(0)
	for _, t := range s.Ticks() {
		y := v.mapY(t)
		l := label{X: v.Left - 7, Y: y + f.Font*0.35, Text: u.Tick(t), Anchor: "end", Class: "tick"}
		if t == 0 {
			l.Class = "tick zero-tick"
		}
		v.Ticks = append(v.Ticks, tick{Pos: y, Zero: t == 0, Label: l})
	}
	for i, text := range labels {
		if i%step != 0 {
			continue
		}
		l := label{X: v.bandX(i, len(labels)), Y: v.Bottom + f.Font + 6, Text: text, Anchor: "middle", Class: "tick"}
		if turned {
			l.X, l.Y, l.Anchor, l.Turned = l.X+f.Font*0.3, v.Bottom+8, "end", true
			if cut, ok := ellipsis(text, maxTurned, f.Font); ok {
				l.Text, l.Full = cut, text
			}
		}
		v.Labels = append(v.Labels, l)
	}
	if s.Step == 0 {
		v.Notes = append(v.Notes, label{X: (v.Left + v.Right) / 2, Y: (v.Top + v.Bottom) / 2, Text: "Semua nilai nol pada periode ini", Anchor: "middle", Class: "chart-muted"})
	}
	return v
}

// bandX is the centre of band i of n across the plot.
func (v plotView) bandX(i, n int) float64 {
	return v.Left + (float64(i)+0.5)*(v.Right-v.Left)/float64(n)
}

// mapY places val on the plot's value axis.
func (v plotView) mapY(val int64) float64 { return v.scale.Map(val, v.Bottom, v.Top) }

// view lays out the bar chart in frame f.
func (c BarChart) view(f frame) plotView {
	v := newPlot(f, c.ID, c.Title, c.Summary, c.Labels, c.Series, c.Unit)
	n, ns := len(c.Labels), len(c.Series)
	band := (v.Right - v.Left) / float64(n)
	group := band * 0.72
	if ns == 1 {
		group = band * 0.56
	}
	barW := group / float64(ns)
	gap := 0.0
	if barW > 6 {
		gap = 1.5
	}
	for i := range n {
		for j, se := range c.Series {
			if i >= len(se.Values) {
				continue
			}
			val := se.Values[i]
			y := v.mapY(val)
			b := mark{
				X: v.bandX(i, n) - group/2 + float64(j)*barW + gap/2, W: barW - gap,
				Y: min(y, v.ZeroY), H: math.Abs(y - v.ZeroY),
				Fill: v.Fill(j), Stroke: seriesInk[j%3], Neg: val < 0,
				Title: c.Labels[i] + " · " + se.Name + ": " + c.Unit.Value(val),
			}
			if val != 0 && b.H < 1 { // keep a sliver so a small value is not read as none
				b.H = 1
				if val > 0 {
					b.Y = v.ZeroY - 1
				}
			}
			if b.Neg {
				b.Fill, b.Stroke = v.Neg(), negInk
			}
			if j < len(c.Hrefs) && i < len(c.Hrefs[j]) {
				b.Href = c.Hrefs[j][i]
				v.Linked = v.Linked || b.Href != ""
			}
			v.Bars = append(v.Bars, b)
		}
	}
	return v
}

// view lays out the line chart in frame f.
func (c LineChart) view(f frame) plotView {
	v := newPlot(f, c.ID, c.Title, c.Summary, c.Labels, c.Series, c.Unit)
	n := len(c.Labels)
	var first, last []float64 // x, y of the first series' ends
	for j, se := range c.Series {
		pts := make([]string, 0, n)
		for i, val := range se.Values[:min(len(se.Values), n)] {
			x, y := v.bandX(i, n), v.mapY(val)
			pts = append(pts, num(x)+","+num(y))
			p := mark{X: x, Y: y, Fill: seriesInk[j%3], Neg: val < 0, Title: c.Labels[i] + " · " + se.Name + ": " + c.Unit.Value(val)}
			if p.Neg {
				p.Fill = negInk
			}
			v.Points = append(v.Points, p)
			if j == 0 {
				if i == 0 {
					first = []float64{x, y}
				}
				last = []float64{x, y}
			}
		}
		v.Lines = append(v.Lines, line{Points: strings.Join(pts, " "), Stroke: seriesInk[j%3], Dash: seriesDash[j%3]})
		if len(c.Series) == 1 && len(pts) > 1 {
			z := num(v.ZeroY)
			v.Area = num(first[0]) + "," + z + " " + strings.Join(pts, " ") + " " + num(last[0]) + "," + z
		}
	}
	if last == nil {
		return v
	}
	// The zero line's labels go to the side where the line is farther from zero.
	x, anchor := v.Right-4, "end"
	if math.Abs(first[1]-v.ZeroY) > math.Abs(last[1]-v.ZeroY) {
		x, anchor = v.Left+4, "start"
	}
	above, below := v.ZeroY-5, v.ZeroY+f.Font+3
	if c.ZeroLabel != "" {
		if above-f.Font < v.Top-f.Font*0.6 {
			above, below = below, below+f.Font+3
		}
		v.Notes = append(v.Notes, label{X: x, Y: above, Text: c.ZeroLabel, Anchor: anchor, Class: "zero-label"})
	}
	if c.NegativeLabel != "" && v.HasNeg {
		v.Notes = append(v.Notes, label{X: x, Y: below, Text: c.NegativeLabel, Anchor: anchor, Class: "neg-label"})
	}
	if len(c.Series) == 1 && len(v.Points) > 0 {
		end := c.Series[0].Values[len(v.Points)-1]
		l := label{X: last[0] + 4, Y: last[1] - 9, Text: c.Unit.short(end), Anchor: "end", Class: "end-label"}
		if end < 0 {
			l.Class += " neg"
			if last[1]+f.Font+8 < v.Bottom {
				l.Y = last[1] + f.Font + 8
			}
		}
		v.Notes = append(v.Notes, l)
	}
	return v
}

// hbarView is one drawing of a horizontal bar chart.
type hbarView struct {
	svgView
	Left, Top, Right, Bottom float64
	Ticks                    []tick
	Rows                     []hbarRow
}

// hbarRow is one category: its label, bar, optional target and note.
type hbarRow struct {
	Label     label
	Bar       mark
	HasTarget bool
	Target    mark    // outline from zero to the target
	MarkerX   float64 // the target's end, drawn as a bold tick
	Note      label
}

// unitOfItems is how an item's own value and target read (a share is of counts).
func (c HBarChart) unitOfItems() Unit {
	if c.Unit == UnitPercent {
		return UnitCount
	}
	return c.Unit
}

// drawn returns what the bar and target of item it measure on the axis:
// the item's own numbers, or for UnitPercent its share of the target, and
// the target as 100 %.
func (c HBarChart) drawn(it HBarItem) (val, target int64) {
	if c.Unit != UnitPercent {
		return clampValue(it.Value), clampValue(it.Target)
	}
	if it.Target <= 0 {
		return 0, 0
	}
	return int64(math.Round(float64(it.Value) / float64(it.Target) * 10_000)), 10_000
}

// note is the text at the end of item it's bar.
func (c HBarChart) note(it HBarItem) string {
	switch {
	case it.Note != "":
		return it.Note
	case it.Target != 0:
		return domain.Ratio{Num: it.Value, Den: it.Target}.Percent(1)
	}
	return c.Unit.short(it.Value)
}

// tooltip describes item it in full.
func (c HBarChart) tooltip(it HBarItem) string {
	u := c.unitOfItems()
	s := it.Label + ": " + u.Value(it.Value)
	if c.ValueName != "" {
		s = it.Label + " · " + c.ValueName + " " + u.Value(it.Value)
	}
	if it.Target != 0 {
		s += " · " + strings.TrimSpace(c.TargetName+" "+u.Value(it.Target)) + " (" + domain.Ratio{Num: it.Value, Den: it.Target}.Percent(1) + ")"
	}
	return s
}

// view lays out the horizontal bar chart in frame f: labels left of the
// bars, or above them in the compact frame.
func (c HBarChart) view(f frame) hbarView {
	v := hbarView{svgView: svgView{ID: safeID(c.ID) + "-" + f.Suffix, Class: f.Class, W: f.W, Font: f.Font, Title: c.Title, Summary: c.Summary}}
	rowH, barH := 34.0, 20.0
	if f.Compact {
		rowH = 48
	}
	var lo, hi int64
	noteW, labelW := 0.0, 0.0
	for _, it := range c.Items {
		val, target := c.drawn(it)
		lo, hi = min(lo, val), max(hi, val, target)
		noteW = max(noteW, textWidth(c.note(it), f.Font)*1.06) // notes are bold
		labelW = max(labelW, textWidth(it.Label, f.Font))
	}
	v.Top, v.Left, v.Right = 4, 4, f.W-noteW-14
	if f.Compact {
		labelW = f.W - 8
	} else {
		labelW = min(labelW, f.W*0.3)
		v.Left = labelW + 16
	}
	v.Bottom = v.Top + rowH*float64(len(c.Items))
	v.H = v.Bottom + f.Font + 14
	s := fitScale(lo, hi, v.Right-v.Left, func(l string) float64 { return textWidth(l, f.Font) + f.Font*1.5 }, c.Unit)
	ticks := s.Ticks()
	if hi > 0 && s.Max > hi {
		// The bars end in notes, not at a labelled edge: let the longest
		// bar use the whole width and drop the ticks beyond it.
		s.Max = hi
		for ticks[len(ticks)-1] > hi {
			ticks = ticks[:len(ticks)-1]
		}
	}
	for _, t := range ticks {
		x := s.Map(t, v.Left, v.Right)
		text := c.Unit.Tick(t)
		anchor, w := "middle", textWidth(text, f.Font)
		if x-w/2 < 0 {
			anchor = "start"
		} else if x+w/2 > f.W {
			anchor = "end"
		}
		v.Ticks = append(v.Ticks, tick{Pos: x, Zero: t == 0, Label: label{X: x, Y: v.Bottom + f.Font + 8, Text: text, Anchor: anchor, Class: "tick"}})
	}
	zeroX := s.Map(0, v.Left, v.Right)
	for i, it := range c.Items {
		val, target := c.drawn(it)
		top := v.Top + rowH*float64(i)
		r := hbarRow{Label: label{X: v.Left - 10, Anchor: "end", Class: "cat"}}
		barY := top + (rowH-barH)/2
		if f.Compact {
			r.Label.X, r.Label.Anchor, r.Label.Y = v.Left, "start", top+f.Font+2
			barY = top + f.Font + 9
		} else {
			r.Label.Y = barY + barH/2 + f.Font*0.36
		}
		if text, cut := ellipsis(it.Label, labelW, f.Font); cut {
			r.Label.Text, r.Label.Full = text, it.Label
		} else {
			r.Label.Text = it.Label
		}
		x := s.Map(val, v.Left, v.Right)
		r.Bar = mark{X: min(x, zeroX), Y: barY, W: math.Abs(x - zeroX), H: barH, Fill: v.Fill(0), Stroke: seriesInk[0], Href: it.Href, Title: c.tooltip(it), Neg: val < 0}
		v.Linked = v.Linked || it.Href != ""
		if r.Bar.Neg {
			r.Bar.Fill, r.Bar.Stroke = v.Neg(), negInk
		}
		end := max(x, zeroX)
		if target > 0 {
			r.HasTarget = true
			r.MarkerX = s.Map(target, v.Left, v.Right)
			r.Target = mark{X: zeroX, Y: barY, W: r.MarkerX - zeroX, H: barH}
			r.Bar.Y, r.Bar.H = barY+5, barH-10
			end = max(end, r.MarkerX)
		}
		r.Note = label{X: end + 7, Y: barY + barH/2 + f.Font*0.36, Text: c.note(it), Anchor: "start", Class: "note"}
		v.Rows = append(v.Rows, r)
	}
	return v
}

// legend lists the series of the bar chart, and negative values if any.
func (c BarChart) legend() []legendItem {
	var items []legendItem
	for i, s := range c.Series {
		items = append(items, legendItem{Name: s.Name, Kind: "box", Fill: "s" + strconv.Itoa(i%3), Stroke: seriesInk[i%3]})
	}
	if lo, _ := extent(c.Series); lo < 0 {
		items = append(items, legendItem{Name: "Nilai di bawah nol", Kind: "box", Fill: "neg", Stroke: negInk})
	}
	return items
}

// legend lists the lines of the line chart, and the area below zero if any.
func (c LineChart) legend() []legendItem {
	var items []legendItem
	for i, s := range c.Series {
		items = append(items, legendItem{Name: s.Name, Kind: "line", Stroke: seriesInk[i%3], Dash: seriesDash[i%3]})
	}
	if lo, _ := extent(c.Series); lo < 0 {
		name := c.NegativeLabel
		if name == "" {
			name = "Di bawah nol"
		}
		items = append(items, legendItem{Name: name + " (di bawah garis nol)", Kind: "box", Fill: "neg", Stroke: negInk})
	}
	return items
}

// legend names the bars and the target of the horizontal bar chart.
func (c HBarChart) legend() []legendItem {
	var items []legendItem
	if c.ValueName != "" {
		items = append(items, legendItem{Name: c.ValueName, Kind: "box", Fill: "s0", Stroke: seriesInk[0]})
	}
	for _, it := range c.Items {
		if it.Target != 0 && c.TargetName != "" {
			return append(items, legendItem{Name: c.TargetName, Kind: "target", Stroke: seriesInk[0]})
		}
	}
	return items
}

// empty reports whether there is nothing to draw.
func (c BarChart) empty() bool { return len(c.Labels) == 0 || len(c.Series) == 0 }

// empty reports whether there is nothing to draw.
func (c LineChart) empty() bool { return len(c.Labels) == 0 || len(c.Series) == 0 }

// empty reports whether there is nothing to draw.
func (c HBarChart) empty() bool { return len(c.Items) == 0 }
