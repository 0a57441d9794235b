package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/registry"
)

// The figures the July 2024 monev meeting argued about: on a cash basis,
// January–July 2024, iuran Rp 480.457.660 against klaim Rp 790.000.000.
const (
	meetingContributions domain.Rupiah = 480_457_660
	meetingClaims        domain.Rupiah = 790_000_000
	rate                 domain.Rupiah = 16_800
	// The June 2024 SP2D (May's iuran) was short by this much; the August
	// payment made it good.
	shortfall domain.Rupiah = 5_540
)

var (
	programStart = domain.Date(2023, time.January, 1)
	dataEnd      = domain.Date(2024, time.December, 31)
	// meetingWindow holds the coverage months whose iuran was paid in
	// January–July 2024: December 2023 to June 2024.
	meetingFrom = domain.NewMonth(2023, time.December)
	meetingTo   = domain.NewMonth(2024, time.June)
)

// quota is how many places (seats) a category had in each year.
type quota struct {
	category string
	y2023    int
	y2024    int
}

var quotas = []quota{
	{"rt_rw", 1250, 1300}, {"kader", 1300, 1460}, {"linmas", 650, 700}, {"nelayan", 300, 332},
	{"petani", 80, 95}, {"lainnya", 61, 61}, {"umkm", 15, 45}, {"marbot", 20, 62},
	{"parkir", 10, 32}, {"ojek", 8, 35}, {"buruh", 6, 28},
}

// seat is one funded place in a category and kelurahan; when its worker
// dies or leaves, the quota goes to someone else.
type seat struct {
	category  string
	kelurahan domain.Kelurahan
	workers   []int // indices into gen.workers, in order of occupation
}

type gen struct {
	rng     *rand.Rand
	kel     []domain.Kelurahan
	byName  map[string]domain.Kelurahan
	weights []int
	workers []registry.Worker
	seats   []*seat
	niks    map[domain.NIK]bool
	kpjs    map[string]bool
	nextEnr int64
}

func newGen(kel []domain.Kelurahan) *gen {
	g := &gen{
		rng:    rand.New(rand.NewPCG(3672, 20240717)),
		kel:    kel,
		byName: map[string]domain.Kelurahan{},
		niks:   map[domain.NIK]bool{},
		kpjs:   map[string]bool{},
	}
	for _, k := range kel {
		g.byName[k.Name] = k
		g.weights = append(g.weights, 2+g.rng.IntN(5))
	}
	return g
}

// build makes the whole Cilegon programme for 2023–2024.
func build(kel []domain.Kelurahan) (Bulk, error) {
	g := newGen(kel)
	for _, q := range quotas {
		for i := 0; i < q.y2024; i++ {
			start := programStart
			if i >= q.y2023 {
				start = domain.Date(2024, time.January, 1)
			}
			g.openSeat(q.category, start)
		}
	}
	for _, s := range g.seats {
		g.churn(s)
	}
	claims, err := g.claims()
	if err != nil {
		return Bulk{}, err
	}
	if err := g.calibrate(); err != nil {
		return Bulk{}, err
	}
	if err := g.plantQualityProblems(claims); err != nil {
		return Bulk{}, err
	}
	g.reportIncome()
	payments := g.contributions()
	return Bulk{
		Pemda:         domain.DefaultPemda,
		Workers:       g.workers,
		Contributions: payments,
		Bills:         g.bills(),
		Claims:        claims,
		Budgets:       budgets(),
		Targets:       g.targets(),
		Workforce:     workforce(),
	}, nil
}

// openSeat creates a seat in a kelurahan chosen for the category and puts a
// new worker in it from start.
func (g *gen) openSeat(category string, start time.Time) *seat {
	s := &seat{category: category, kelurahan: g.pickKelurahan(category)}
	g.seats = append(g.seats, s)
	g.occupy(s, g.newWorker(s), start)
	return s
}

func (g *gen) pickKelurahan(category string) domain.Kelurahan {
	if category == "nelayan" && g.rng.IntN(10) < 9 {
		return g.byName[coastal[g.rng.IntN(len(coastal))]]
	}
	total := 0
	for _, w := range g.weights {
		total += w
	}
	n := g.rng.IntN(total)
	for i, w := range g.weights {
		if n < w {
			return g.kel[i]
		}
		n -= w
	}
	return g.kel[len(g.kel)-1]
}

// occupy starts an open spell for worker w in seat s.
func (g *gen) occupy(s *seat, w int, start time.Time) {
	g.nextEnr++
	g.workers[w].Enrollments = append(g.workers[w].Enrollments,
		registry.Enrollment{ID: g.nextEnr, Start: start, Status: domain.StatusActive})
	s.workers = append(s.workers, w)
}

// current is the seat's worker and their open spell.
func (s *seat) current(g *gen) (int, *registry.Enrollment) {
	w := s.workers[len(s.workers)-1]
	es := g.workers[w].Enrollments
	return w, &es[len(es)-1]
}

// churn lets workers leave at a month's end now and then (about 5 % a
// year); the quota goes to someone else a month or two later, sometimes to
// a worker who left before and comes back.
func (g *gen) churn(s *seat) {
	for m := domain.MonthOf(s.startOf(g)); m.Last().Before(dataEnd); m++ {
		if g.rng.IntN(1000) >= 4 {
			continue
		}
		_, e := s.current(g)
		end := m.Last()
		e.End, e.Status = &end, domain.StatusInactive
		next := m.Add(1 + g.rng.IntN(2))
		if next.First().After(dataEnd) {
			return
		}
		g.occupy(s, g.successor(s, next.First()), next.First())
		m = next
	}
}

func (s *seat) startOf(g *gen) time.Time {
	_, e := s.current(g)
	return e.Start
}

// successor is who takes over a seat: now and then a worker of the same
// category and kelurahan who left earlier, otherwise a new one.
func (g *gen) successor(s *seat, start time.Time) int {
	if g.rng.IntN(100) < 15 {
		for _, other := range g.seats {
			if other == s || other.category != s.category || other.kelurahan.Code != s.kelurahan.Code {
				continue
			}
			for _, w := range other.workers[:len(other.workers)-1] {
				es := g.workers[w].Enrollments
				if last := es[len(es)-1]; last.End != nil && last.End.Before(start) && last.Status == domain.StatusInactive {
					return w
				}
			}
		}
	}
	return g.newWorker(s)
}

// calibrate adds the June 2024 intake of pekerja rentan so that the months
// paid for in January–July 2024 hold exactly the worker-months behind the
// meeting's iuran figure.
func (g *gen) calibrate() error {
	want := int64(meetingContributions+shortfall) / int64(rate)
	if domain.Rupiah(want)*rate != meetingContributions+shortfall {
		return fmt.Errorf("demo: meeting iuran is not whole worker-months")
	}
	have := int64(0)
	for m := meetingFrom; m <= meetingTo; m++ {
		have += g.billable(m)
	}
	extra := want - have
	if extra < 0 || extra > 400 {
		return fmt.Errorf("demo: roster gives %d worker-months for Dec 2023–Jun 2024, want %d", have, want)
	}
	june := domain.Date(2024, time.June, 1)
	rentan := []string{"umkm", "marbot", "parkir", "ojek", "buruh"}
	for i := int64(0); i < extra; i++ {
		g.openSeat(rentan[int(i)%len(rentan)], june)
	}
	return nil
}

// billable counts the workers with a spell touching month m: BPJS bills
// every participant covered on any day of the month.
func (g *gen) billable(m domain.Month) int64 {
	first, last := m.First(), m.Last()
	n := int64(0)
	for _, w := range g.workers {
		for _, e := range w.Enrollments {
			if !e.Start.After(last) && (e.End == nil || !e.End.Before(first)) {
				n++
				break
			}
		}
	}
	return n
}

func (g *gen) name(sex domain.Sex) string {
	if sex == domain.SexFemale {
		return femaleNames[g.rng.IntN(len(femaleNames))] + " " + femaleSurnames[g.rng.IntN(len(femaleSurnames))]
	}
	return maleNames[g.rng.IntN(len(maleNames))] + " " + maleSurnames[g.rng.IntN(len(maleSurnames))]
}

// femaleShare is the per-mille of women in each category.
var femaleShare = map[string]int{
	"rt_rw": 150, "kader": 950, "linmas": 100, "nelayan": 30, "petani": 250, "umkm": 600, "marbot": 0,
	"parkir": 50, "ojek": 30, "buruh": 200, "lainnya": 400,
}

// ageRange is the youngest and oldest age at the start of 2024 by category.
var ageRange = map[string][2]int{"rt_rw": {38, 66}, "kader": {24, 58}, "linmas": {22, 55}}

func (g *gen) newWorker(s *seat) int {
	sex := domain.SexMale
	if g.rng.IntN(1000) < femaleShare[s.category] {
		sex = domain.SexFemale
	}
	ages, ok := ageRange[s.category]
	if !ok {
		ages = [2]int{20, 60}
	}
	birth := domain.Date(2024-ages[0]-g.rng.IntN(ages[1]-ages[0]+1), time.January, 1).AddDate(0, 0, g.rng.IntN(365))
	w := registry.Worker{
		ID:            int64(len(g.workers) + 1),
		NIK:           g.nik(s.kelurahan, birth, sex),
		Name:          g.name(sex),
		BirthDate:     birth,
		Sex:           sex,
		CategoryCode:  s.category,
		KelurahanCode: s.kelurahan.Code,
		KPJ:           g.kpj(),
		Income:        domain.DefaultIncome,
		Address: fmt.Sprintf("Link. %s RT %03d/RW %03d, Kel. %s", lingkungan[g.rng.IntN(len(lingkungan))],
			1+g.rng.IntN(9), 1+g.rng.IntN(12), s.kelurahan.Name),
		Phone: fmt.Sprintf("08%d%09d", 11+g.rng.IntN(88), g.rng.IntN(1_000_000_000)),
	}
	g.workers = append(g.workers, w)
	return len(g.workers) - 1
}

// nik makes a valid, unique NIK: most workers got theirs in their own
// kecamatan, some elsewhere in Banten.
func (g *gen) nik(k domain.Kelurahan, birth time.Time, sex domain.Sex) domain.NIK {
	region := strings.ReplaceAll(k.KecamatanCode, ".", "")
	if g.rng.IntN(100) < 12 {
		region = []string{"360401", "360412", "367301", "367304", "360205"}[g.rng.IntN(5)]
	}
	day := birth.Day()
	if sex == domain.SexFemale {
		day += 40
	}
	for {
		s := fmt.Sprintf("%s%02d%02d%02d%04d", region, day, int(birth.Month()), birth.Year()%100, 1+g.rng.IntN(9999))
		n, err := domain.ParseNIK(s)
		if err != nil {
			panic("demo: generated an invalid NIK: " + err.Error())
		}
		if !g.niks[n] {
			g.niks[n] = true
			return n
		}
	}
}

func (g *gen) kpj() string {
	for {
		k := fmt.Sprintf("2%010d", g.rng.Int64N(10_000_000_000))
		if !g.kpjs[k] {
			g.kpjs[k] = true
			return k
		}
	}
}
