package analysis

import (
	"github.com/cilegon/monev/internal/domain"
)

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
func (r CoverageRow) Coverage() domain.Ratio {
	if !r.HasTarget {
		return domain.Ratio{}
	}
	return domain.Ratio{Num: r.Targeted, Den: r.Target}
}

// Gap is how many workers are missing to reach the target, never below 0.
func (r CoverageRow) Gap() int64 {
	if !r.HasTarget {
		return 0
	}
	return max(r.Target-r.Targeted, 0)
}

// GapCost is what covering the gap would cost a year: gap × rate × 12.
func (r CoverageRow) GapCost(rate domain.Rate) domain.Rupiah { return rate.Annual(r.Gap()) }

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
func RollUpKecamatan(kecs []domain.Kecamatan, kelurahan []CoverageRow) []CoverageRow {
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

// CoverageView is the coverage view of a period: workers active at its
// end per category and per region against the year's targets, and UCJ.
type CoverageView struct {
	Period domain.Period
	Year   int         // the targets' year: the year of the period's end
	Rate   domain.Rate // in force at the period's end, for the gap in rupiah
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
func (r CoverageView) Kelurahan(kecamatan string) []CoverageRow {
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
func (r CoverageView) ProgramShare() domain.Ratio {
	if !r.HasWorkforce {
		return domain.Ratio{}
	}
	total, _ := TotalCoverage("", r.ByCategory)
	return domain.Ratio{Num: total.Active, Den: r.Workforce.Protected}
}

// UCJTarget is the year's UCJ target as a ratio, invalid when none is set.
func (w Workforce) UCJTarget() domain.Ratio {
	if w.TargetPermille <= 0 {
		return domain.Ratio{}
	}
	return domain.Ratio{Num: int64(w.TargetPermille), Den: 1000}
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
	fe := domain.FieldErrors{}
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

// Validate checks a target a user entered, keyed by "year", "category" and "workers".
func (t Target) Validate() error {
	fe := domain.FieldErrors{}
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
