package laporan

import (
	"strconv"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// BudgetLine is one category of a budget recommendation: how many workers
// the APBD is to cover.
type BudgetLine struct {
	Category string `json:"category"`
	Name     string `json:"name"`
	Workers  int64  `json:"workers"`
}

// BudgetScenario is a recommendation for a year's APBD: workers per
// category × months × the monthly contribution per worker at the chosen
// income band, from the rate in force in January of that year. It keeps
// the rate it used, so a recommendation written into a report does not
// change when the rate table does.
type BudgetScenario struct {
	Name   string        `json:"name"`   // e.g. "Pekerja rentan, sasaran 2024"
	Year   int           `json:"year"`   // the fiscal year the money is for
	Months int           `json:"months"` // 12 for a whole year, fewer for a partial one
	Income domain.Rupiah `json:"income"` // the reported income band
	JKK    domain.Rupiah `json:"jkk"`    // per worker per month at that income
	JKM    domain.Rupiah `json:"jkm"`    // per worker per month, flat
	Basis  string        `json:"rate_regulation"`
	Lines  []BudgetLine  `json:"lines"`
}

// NewBudgetScenario prices a scenario with the rate in force in January of
// year: JKK scales with the reported income (the table's JKK is for the
// lowest band, Rp 1.000.000; 1 % of a higher income), JKM is flat. Lines
// without workers are dropped.
func NewBudgetScenario(rates domain.RateTable, name string, year, months int, income domain.Rupiah, lines []BudgetLine) (BudgetScenario, error) {
	s := BudgetScenario{Name: strings.TrimSpace(name), Year: year, Months: months, Income: income}
	for _, l := range lines {
		if l.Workers != 0 {
			s.Lines = append(s.Lines, l)
		}
	}
	if err := s.validate(); err != nil {
		return s, err
	}
	rate, ok := rates.At(domain.NewMonth(year, time.January))
	if !ok {
		return s, domain.Invalidf("belum ada tarif iuran yang berlaku pada Januari %d", year)
	}
	s.JKK = jkkAt(rate.JKK, income)
	s.JKM = rate.JKM
	s.Basis = rate.Regulation
	return s, nil
}

// jkkAt scales the JKK of the lowest income band to another reported
// income, rounding half up to whole rupiah.
func jkkAt(lowest, income domain.Rupiah) domain.Rupiah {
	return (lowest*income + domain.DefaultIncome/2) / domain.DefaultIncome
}

// validate checks the inputs, keyed by form field: "year", "months", "income", "workers".
func (s BudgetScenario) validate() error {
	fe := domain.FieldErrors{}
	if s.Year < 2000 || s.Year > 2100 {
		fe.Add("year", "tahun anggaran harus antara 2000 dan 2100")
	}
	if s.Months < 1 || s.Months > 12 {
		fe.Add("months", "jumlah bulan harus antara 1 dan 12")
	}
	if s.Income < domain.DefaultIncome {
		fe.Add("income", "penghasilan yang dilaporkan paling rendah "+domain.DefaultIncome.String())
	} else if s.Income > 1_000_000_000 {
		fe.Add("income", "penghasilan yang dilaporkan terlalu besar")
	}
	var total int64
	for _, l := range s.Lines {
		if l.Workers < 0 || l.Workers > 10_000_000 {
			fe.Add("workers", "jumlah peserta "+l.Name+" tidak valid")
		}
		total += l.Workers
	}
	if total <= 0 {
		fe.Add("workers", "isi jumlah peserta sedikitnya satu kategori")
	}
	return fe.Err()
}

// PerWorker is the monthly contribution per worker: JKK plus JKM.
func (s BudgetScenario) PerWorker() domain.Rupiah { return s.JKK + s.JKM }

// Amount is what one line costs: workers × contribution per worker × months.
func (s BudgetScenario) Amount(l BudgetLine) domain.Rupiah {
	return domain.Rupiah(l.Workers) * s.PerWorker() * domain.Rupiah(s.Months)
}

// Workers counts the workers of every line.
func (s BudgetScenario) Workers() int64 {
	var n int64
	for _, l := range s.Lines {
		n += l.Workers
	}
	return n
}

// Total is the APBD amount to recommend: the sum of the lines.
func (s BudgetScenario) Total() domain.Rupiah {
	return domain.Rupiah(s.Workers()) * s.PerWorker() * domain.Rupiah(s.Months)
}

// Arithmetic shows the sum in one line, as officials write it:
// "1.100 peserta × Rp 16.800 × 12 bulan = Rp 221.760.000".
func (s BudgetScenario) Arithmetic() string {
	return domain.FormatInt(s.Workers()) + " peserta × " + s.PerWorker().String() + " × " + strconv.Itoa(s.Months) +
		" bulan = " + s.Total().String()
}

// RateNote explains the contribution per worker: "JKK Rp 10.000 (1 % dari
// penghasilan Rp 1.000.000) + JKM Rp 6.800 = Rp 16.800 per peserta per bulan".
func (s BudgetScenario) RateNote() string {
	return "JKK " + s.JKK.String() + " (dari penghasilan " + s.Income.String() + ") + JKM " + s.JKM.String() +
		" = " + s.PerWorker().String() + " per peserta per bulan"
}

// Sentence says the recommendation in one Indonesian sentence for the report.
func (s BudgetScenario) Sentence() string {
	period := "selama 12 bulan"
	if s.Months < 12 {
		period = "selama " + strconv.Itoa(s.Months) + " bulan"
	}
	return "Mengalokasikan dalam APBD Tahun Anggaran " + strconv.Itoa(s.Year) + " sebesar " + s.Total().String() +
		" untuk iuran JKK dan JKM " + domain.FormatInt(s.Workers()) + " pekerja rentan " + period + " (" + s.Arithmetic() + ")."
}
