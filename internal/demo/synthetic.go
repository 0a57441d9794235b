package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/registry"
)

// Synthetic describes a generated programme of any size: Workers workers
// over the Years years up to December 2024, drawn from Seed. The same
// options always give the same data.
type Synthetic struct {
	Pemda   string
	Workers int
	Years   int
	Seed    uint64
	// From is the first worker WriteFiles writes (workers From to
	// Workers−1): a later file of the same programme, e.g. a month's new
	// workers. The loaders ignore it.
	From int
}

// synthEnd is the last day of every generated programme.
var synthEnd = domain.Date(2024, time.December, 31)

// Rates of the events in a worker's story, per month of coverage.
const (
	dropRate  = 0.004   // leaves the programme (about 5 % a year)
	deathRate = 0.00025 // dies (about 0,3 % a year)
	careRate  = 0.0005  // a work accident needing care (about 0,6 % a year)
	rejoin    = 0.4     // share of those who leave that come back
)

// synthCategories weighs the categories, in ‰.
var synthCategories = []struct {
	code   string
	weight int
}{
	{"rt_rw", 250}, {"kader", 300}, {"linmas", 150}, {"nelayan", 70}, {"petani", 50}, {"umkm", 50},
	{"marbot", 40}, {"parkir", 30}, {"ojek", 30}, {"buruh", 20}, {"lainnya", 10},
}

// synth generates the story of every worker on demand, so that loading a
// million workers never holds them in memory: worker i's story depends only
// on the seed and i.
type synth struct {
	opt      Synthetic
	kel      []domain.Kelurahan
	kelCum   []int // cumulative weights
	start    domain.Month
	months   int
	birthDay int // distinct birth dates used for NIKs
}

func newSynth(opt Synthetic, kel []domain.Kelurahan) (*synth, error) {
	if opt.Workers < 1 || opt.Years < 1 || opt.Years > 20 || len(kel) == 0 {
		return nil, fmt.Errorf("demo: need at least one worker, 1–20 years and the Pemda's kelurahan")
	}
	s := &synth{opt: opt, kel: kel, start: domain.NewMonth(2025-opt.Years, time.January)}
	s.months = int(domain.MonthOf(synthEnd)-s.start) + 1
	rng := rand.New(rand.NewPCG(opt.Seed, 0))
	total := 0
	for range kel {
		total += 2 + rng.IntN(9)
		s.kelCum = append(s.kelCum, total)
	}
	s.birthDay = 47 * 365 // ages 18 to 65
	return s, nil
}

// story is one worker with their spells and claims.
type story struct {
	worker registry.Worker
	claims []claims.Claim
}

// story tells worker i's life in the programme.
func (s *synth) story(i int) story {
	rng := rand.New(rand.NewPCG(s.opt.Seed, uint64(i)+1))
	k := s.kel[s.pick(rng.IntN(s.kelCum[len(s.kelCum)-1]))]
	cat := pickCategory(rng.IntN(1000))
	sex := domain.SexMale
	if rng.IntN(1000) < femaleShare[cat] {
		sex = domain.SexFemale
	}
	// NIKs are unique by construction: i decides the birth date and serial.
	dayIdx := (i * 7919) % s.birthDay
	birth := domain.Date(1959, time.January, 1).AddDate(0, 0, dayIdx)
	serial := i/s.birthDay + 1
	w := registry.Worker{
		ID: int64(i + 1), Name: randomName(rng, sex), BirthDate: birth, Sex: sex, CategoryCode: cat,
		KelurahanCode: k.Code, Income: domain.DefaultIncome, KPJ: fmt.Sprintf("9%010d", i),
		NIK: nikOf(k.KecamatanCode, birth, sex, serial), Address: "Kel. " + k.Name,
	}
	st := story{worker: w}
	s.spells(rng, &st)
	return st
}

// spells draws the worker's spells month by month as events of known
// rates: leaving (sometimes to come back), dying, accidents.
func (s *synth) spells(rng *rand.Rand, st *story) {
	m := 0
	if rng.IntN(2) == 1 {
		m = rng.IntN(s.months)
	}
	for m < s.months {
		start := s.start.Add(m).First()
		e := registry.Enrollment{Start: start, Status: domain.StatusActive}
		gap := geometric(rng, dropRate+deathRate)
		s.accidents(rng, st, start, min(m+gap, s.months))
		if m+gap >= s.months {
			st.worker.Enrollments = append(st.worker.Enrollments, e)
			return
		}
		endMonth := s.start.Add(m + gap)
		if rng.Float64() < deathRate/(dropRate+deathRate) {
			day := endMonth.First().AddDate(0, 0, rng.IntN(28))
			e.End, e.Status = &day, domain.StatusDeceased
			st.worker.Enrollments = append(st.worker.Enrollments, e)
			s.death(rng, st, day)
			return
		}
		last := endMonth.Last()
		e.End, e.Status = &last, domain.StatusInactive
		st.worker.Enrollments = append(st.worker.Enrollments, e)
		if rng.Float64() >= rejoin {
			return
		}
		m += gap + 1 + rng.IntN(12)
	}
}

// accidents adds care claims for accidents during a spell.
func (s *synth) accidents(rng *rand.Rand, st *story, from time.Time, toMonth int) {
	for m := int(domain.MonthOf(from)-s.start) + geometric(rng, careRate); m < toMonth; m += 1 + geometric(rng, careRate) {
		day := s.start.Add(m).First().AddDate(0, 0, rng.IntN(28))
		amount := domain.Rupiah(500_000 * (1 + rng.IntN(30)))
		st.claims = append(st.claims, s.claim(st, domain.ClaimJKKCare, day, amount, rng))
	}
}

// death adds the death benefit, one in twenty from a work accident, whose
// children then receive a scholarship a year.
func (s *synth) death(rng *rand.Rand, st *story, day time.Time) {
	if rng.IntN(20) > 0 {
		st.claims = append(st.claims, s.claim(st, domain.ClaimJKM, day, jkm, rng))
		return
	}
	st.claims = append(st.claims, s.claim(st, domain.ClaimJKKDeath, day, jkkDeath, rng))
	for y := day.Year() + 1; y <= synthEnd.Year(); y++ {
		c := s.claim(st, domain.ClaimScholarship, day, 1_500_000, rng)
		c.SubmittedOn = domain.Date(y, time.July, 5)
		c.PaidOn, c.Status = domain.Date(y, time.July, 20), domain.ClaimPaid
		st.claims = append(st.claims, c)
	}
}

// claim is a claim of the story's worker, paid about a month after the
// incident unless that falls after the end of the data.
func (s *synth) claim(st *story, t domain.ClaimType, day time.Time, amount domain.Rupiah, rng *rand.Rand) claims.Claim {
	c := claims.Claim{
		No: "G" + strconv.FormatInt(st.worker.ID, 10) + "-" + strconv.Itoa(len(st.claims)+1), WorkerID: st.worker.ID,
		Type: t, IncidentOn: day, SubmittedOn: day.AddDate(0, 0, 3+rng.IntN(10)), Amount: amount, Status: domain.ClaimPaid,
	}
	c.PaidOn = c.SubmittedOn.AddDate(0, 0, 10+rng.IntN(30))
	if t.IsDeath() {
		c.Beneficiary = "Ahli waris " + st.worker.Name
	}
	if c.PaidOn.After(synthEnd) {
		c.PaidOn, c.Status = time.Time{}, domain.ClaimProcessing
	}
	return c
}

func (s *synth) pick(n int) int {
	lo, hi := 0, len(s.kelCum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if s.kelCum[mid] > n {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

func pickCategory(n int) string {
	for _, c := range synthCategories {
		if n < c.weight {
			return c.code
		}
		n -= c.weight
	}
	return "lainnya"
}

// geometric draws the months until an event of monthly rate p.
func geometric(rng *rand.Rand, p float64) int {
	return int(math.Log(1-rng.Float64()) / math.Log(1-p))
}

func randomName(rng *rand.Rand, sex domain.Sex) string {
	if sex == domain.SexFemale {
		return femaleNames[rng.IntN(len(femaleNames))] + " " + femaleSurnames[rng.IntN(len(femaleSurnames))]
	}
	return maleNames[rng.IntN(len(maleNames))] + " " + maleSurnames[rng.IntN(len(maleSurnames))]
}

// nikOf builds a NIK from a kecamatan code, birth date, sex and serial.
func nikOf(kecamatan string, birth time.Time, sex domain.Sex, serial int) domain.NIK {
	day := birth.Day()
	if sex == domain.SexFemale {
		day += 40
	}
	region := kecamatan[0:2] + kecamatan[3:5] + kecamatan[6:8]
	return domain.NIK(fmt.Sprintf("%s%02d%02d%02d%04d", region, day, int(birth.Month()), birth.Year()%100, serial))
}
