package domain

import "strings"

// CoverageRow is one line of the coverage view: a category, kecamatan or
// kelurahan with its active workers at the period's end and its target.
type CoverageRow struct {
	Code, Name string
	Parent     string // the kecamatan code of a kelurahan row, "" otherwise
	// Active counts the workers covered on the period's last day.
	Active int64
	// Targeted counts the active workers in the categories the target is
	// set for; for a category it equals Active. For a region it leaves out
	// the categories without targets per kelurahan.
	Targeted  int64
	Target    int64
	HasTarget bool
}

// Coverage is the targeted active workers ÷ the target, invalid without a target.
func (r CoverageRow) Coverage() Ratio {
	if !r.HasTarget {
		return Ratio{}
	}
	return Ratio{Num: r.Targeted, Den: r.Target}
}

// Gap is how many workers are missing to reach the target, never below 0.
func (r CoverageRow) Gap() int64 {
	if !r.HasTarget {
		return 0
	}
	return max(r.Target-r.Targeted, 0)
}

// GapCost is what covering the gap would cost a year: gap × rate × 12.
func (r CoverageRow) GapCost(rate Rate) Rupiah { return rate.Annual(r.Gap()) }

// add returns the row with o's figures added; a target counts when either has one.
func (r CoverageRow) add(o CoverageRow) CoverageRow {
	r.Active += o.Active
	r.Targeted += o.Targeted
	r.Target += o.Target
	r.HasTarget = r.HasTarget || o.HasTarget
	return r
}

// TotalCoverage adds up rows into one total row named name. Its gap is the
// sum of the rows' gaps (a surplus in one row does not fill another's gap).
func TotalCoverage(name string, rows []CoverageRow) (total CoverageRow, gap int64) {
	total.Name = name
	for _, r := range rows {
		total = total.add(r)
		gap += r.Gap()
	}
	return total, gap
}

// RollUpKecamatan sums kelurahan rows into one row per kecamatan, in the
// order of kecs; a kecamatan without kelurahan rows gets zeros.
func RollUpKecamatan(kecs []Kecamatan, kelurahan []CoverageRow) []CoverageRow {
	out := make([]CoverageRow, len(kecs))
	for i, k := range kecs {
		out[i] = CoverageRow{Code: k.Code, Name: k.Name}
		for _, r := range kelurahan {
			if r.Parent == k.Code {
				out[i] = out[i].add(r)
			}
		}
	}
	return out
}

// CoverageReport is the coverage view of a period: workers active at its
// end per category and per region against the year's targets, and UCJ.
type CoverageReport struct {
	Period Period
	Year   int  // the targets' year: the year of the period's end
	Rate   Rate // in force at the period's end, for the gap in rupiah
	// Category, when set, limits the regional rows to one category.
	Category    string
	ByCategory  []CoverageRow
	ByKecamatan []CoverageRow
	ByKelurahan []CoverageRow
	// RegionalTargets names the categories with targets per kelurahan,
	// the ones regional coverage is measured for.
	RegionalTargets []string
	Workforce       Workforce
	HasWorkforce    bool
}

// Kelurahan returns the kelurahan rows of one kecamatan.
func (r CoverageReport) Kelurahan(kecamatan string) []CoverageRow {
	var out []CoverageRow
	for _, k := range r.ByKelurahan {
		if k.Parent == kecamatan {
			out = append(out, k)
		}
	}
	return out
}

// ProgramShare is the programme's active workers as a share of all the
// workers BPJS protects in the Pemda; invalid without workforce figures.
func (r CoverageReport) ProgramShare() Ratio {
	if !r.HasWorkforce {
		return Ratio{}
	}
	total, _ := TotalCoverage("", r.ByCategory)
	return Ratio{Num: total.Active, Den: r.Workforce.Protected}
}

// UCJTarget is the year's UCJ target as a ratio, invalid when none is set.
func (w Workforce) UCJTarget() Ratio {
	if w.TargetPermille <= 0 {
		return Ratio{}
	}
	return Ratio{Num: int64(w.TargetPermille), Den: 1000}
}

// UCJGap is how many more workers must be protected to reach the UCJ target, never below 0.
func (w Workforce) UCJGap() int64 {
	if w.TargetPermille <= 0 {
		return 0
	}
	need := (w.Workforce*int64(w.TargetPermille) + 999) / 1000
	return max(need-w.Protected, 0)
}

// Validate checks the workforce figures a user entered, keyed by the fields
// "year", "workforce", "protected" and "target".
func (w Workforce) Validate() error {
	fe := FieldErrors{}
	if w.Year < 2000 || w.Year > 2100 {
		fe.Add("year", "tahun harus antara 2000 dan 2100")
	}
	if w.Workforce <= 0 {
		fe.Add("workforce", "jumlah angkatan kerja harus lebih dari 0")
	}
	if w.Protected < 0 {
		fe.Add("protected", "jumlah pekerja terlindungi tidak boleh negatif")
	} else if w.Protected > w.Workforce && w.Workforce > 0 {
		fe.Add("protected", "pekerja terlindungi tidak boleh lebih banyak dari angkatan kerja")
	}
	if w.TargetPermille < 0 || w.TargetPermille > 1000 {
		fe.Add("target", "target UCJ harus antara 0 dan 100 %")
	}
	return fe.Err()
}

// ParseCount reads a whole number of workers as people type it: "1528",
// "1.528", " 1.528 "; "" is an error, as are negatives and decimals.
func ParseCount(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, Invalidf("jumlah belum diisi")
	}
	if strings.ContainsAny(t, ",-\u2212") || !validRupiahDigits(t) {
		return 0, Invalidf("jumlah tidak valid: %s; tulis bilangan bulat seperti 1.528", Quote(s))
	}
	r, err := ParseRupiah(t)
	if err != nil {
		return 0, Invalidf("jumlah terlalu besar: %s", Quote(s))
	}
	return int64(r), nil
}

// ParsePermille reads a percentage with at most one decimal, "55", "55,5",
// "55 %" or "55,5%", as per mille (550, 555); it must lie within 0–100 %.
func ParsePermille(s string) (int, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	whole, frac, hasFrac := strings.Cut(t, ",")
	if !hasFrac {
		whole, frac, hasFrac = strings.Cut(t, ".")
	}
	if !allDigits(whole) || len(whole) > 3 || (hasFrac && (len(frac) != 1 || !allDigits(frac))) {
		return 0, Invalidf("persentase tidak valid: %s; tulis misalnya 55 atau 55,5", Quote(s))
	}
	n := 0
	for _, c := range whole + frac {
		n = n*10 + int(c-'0')
	}
	if !hasFrac {
		n *= 10
	}
	if n > 1000 {
		return 0, Invalidf("persentase tidak valid: %s; paling banyak 100 %%", Quote(s))
	}
	return n, nil
}

// Validate checks a target a user entered, keyed by "year", "category" and "workers".
func (t Target) Validate() error {
	fe := FieldErrors{}
	if t.Year < 2000 || t.Year > 2100 {
		fe.Add("year", "tahun harus antara 2000 dan 2100")
	}
	if t.CategoryCode == "" {
		fe.Add("category", "kategori belum dipilih")
	}
	if t.Workers < 0 {
		fe.Add("workers", "sasaran tidak boleh negatif")
	}
	return fe.Err()
}
