package demo

import (
	"fmt"
	"time"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
)

// event is one claim of the demo, written out by hand so that its figures
// are known: who (by category), what happened and what was paid.
type event struct {
	typ       domain.ClaimType
	incident  string // 2006-01-02
	submitted string
	paid      string // "" while not paid
	amount    domain.Rupiah
	status    domain.ClaimStatus
	category  string // "" for any
	ends      domain.EnrollmentStatus
	note      string
	ref       string // scholarships: the death claim of the parent
	heir      string
}

const (
	jkm      = domain.Rupiah(42_000_000)
	jkkDeath = domain.Rupiah(70_000_000)
)

// events are the claims of 2023–2024. Those paid in January–July 2024 add
// up to the meeting's Rp 790.000.000: 12 JKM, 3 JKK deaths, one total
// disability, two care claims and two scholarships.
var events = []event{
	// 2023
	{typ: domain.ClaimJKM, incident: "2023-02-17", submitted: "2023-02-27", paid: "2023-03-14", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKCare, incident: "2023-03-28", submitted: "2023-04-03", paid: "2023-04-20", amount: 3_750_000, category: "linmas", note: "Luka saat pengamanan kegiatan kelurahan"},
	{typ: domain.ClaimJKM, incident: "2023-04-05", submitted: "2023-04-12", paid: "2023-04-27", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKM, incident: "2023-05-23", submitted: "2023-06-02", paid: "2023-06-19", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKCare, incident: "2023-06-14", submitted: "2023-06-21", paid: "2023-07-11", amount: 9_600_000, category: "nelayan", note: "Patah tulang tangan saat melaut"},
	{typ: domain.ClaimJKM, incident: "2023-07-08", submitted: "2023-07-17", paid: "2023-08-02", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKDeath, incident: "2023-08-14", submitted: "2023-08-24", paid: "2023-09-28", amount: jkkDeath, category: "rt_rw", ends: domain.StatusDeceased, note: "Kecelakaan lalu lintas saat mengantar surat warga ke kantor kelurahan", ref: "KLM-2023-0007"},
	{typ: domain.ClaimJKM, incident: "2023-08-30", submitted: "2023-09-07", paid: "2023-09-25", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKCare, incident: "2023-09-05", submitted: "2023-09-11", paid: "2023-10-03", amount: 2_150_000, category: "kader", note: "Terjatuh saat kegiatan posyandu"},
	{typ: domain.ClaimJKM, incident: "2023-10-11", submitted: "2023-10-19", paid: "2023-11-06", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimScholarship, incident: "2023-08-14", submitted: "2023-10-30", paid: "2023-11-15", amount: 3_000_000, ref: "KLM-2023-0007", note: "Beasiswa anak ke-1, SMA, tahun ajaran 2023/2024"},
	{typ: domain.ClaimJKM, incident: "2023-11-19", submitted: "2023-11-28", paid: "2023-12-13", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKCare, incident: "2023-11-27", submitted: "2023-12-04", paid: "2023-12-19", amount: 4_500_000, category: "rt_rw", note: "Luka bakar saat kerja bakti"},
	// Paid January–July 2024: Rp 790.000.000
	{typ: domain.ClaimJKM, incident: "2023-12-09", submitted: "2023-12-20", paid: "2024-01-17", amount: jkm, ends: domain.StatusDeceased, note: "Kejadian Desember 2023, dibayar Januari 2024"},
	{typ: domain.ClaimJKM, incident: "2024-01-22", submitted: "2024-02-02", paid: "2024-02-21", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKDeath, incident: "2024-01-30", submitted: "2024-02-08", paid: "2024-03-05", amount: jkkDeath, category: "nelayan", ends: domain.StatusDeceased, note: "Tenggelam saat melaut di perairan Suralaya", ref: "KLM-2024-0002"},
	{typ: domain.ClaimJKM, incident: "2024-02-14", submitted: "2024-02-26", paid: "2024-03-13", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKDisability, incident: "2024-02-20", submitted: "2024-03-04", paid: "2024-04-30", amount: 56_000_000, category: "buruh", ends: domain.StatusInactive, note: "Cacat total tetap akibat tertimpa material bangunan (70 % × 80 × penghasilan)"},
	{typ: domain.ClaimJKM, incident: "2024-03-03", submitted: "2024-03-11", paid: "2024-03-27", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKCare, incident: "2024-03-11", submitted: "2024-03-18", paid: "2024-04-04", amount: 8_750_000, category: "ojek", note: "Kecelakaan lalu lintas saat mengantar penumpang"},
	{typ: domain.ClaimJKM, incident: "2024-03-19", submitted: "2024-03-28", paid: "2024-04-16", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKM, incident: "2024-04-08", submitted: "2024-04-18", paid: "2024-05-06", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKDeath, incident: "2024-04-15", submitted: "2024-04-25", paid: "2024-05-28", amount: jkkDeath, category: "ojek", ends: domain.StatusDeceased, note: "Kecelakaan lalu lintas di Jalan Raya Merak saat bekerja"},
	{typ: domain.ClaimJKM, incident: "2024-04-27", submitted: "2024-05-06", paid: "2024-05-22", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKM, incident: "2024-05-11", submitted: "2024-05-20", paid: "2024-06-05", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKCare, incident: "2024-05-16", submitted: "2024-05-23", paid: "2024-06-11", amount: 6_250_000, category: "linmas", note: "Cedera saat pengamanan pasar"},
	{typ: domain.ClaimJKM, incident: "2024-05-30", submitted: "2024-06-07", paid: "2024-06-24", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKDeath, incident: "2024-06-03", submitted: "2024-06-13", paid: "2024-07-10", amount: jkkDeath, category: "linmas", ends: domain.StatusDeceased, note: "Meninggal saat mengatur lalu lintas kegiatan keagamaan"},
	{typ: domain.ClaimJKM, incident: "2024-06-12", submitted: "2024-06-19", paid: "2024-07-03", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKM, incident: "2024-06-25", submitted: "2024-07-01", paid: "2024-07-15", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimScholarship, incident: "2023-08-14", submitted: "2024-07-08", paid: "2024-07-22", amount: 3_000_000, ref: "KLM-2023-0007", note: "Beasiswa anak ke-1, SMA, tahun ajaran 2024/2025"},
	{typ: domain.ClaimScholarship, incident: "2023-08-14", submitted: "2024-07-08", paid: "2024-07-22", amount: 2_000_000, ref: "KLM-2023-0007", note: "Beasiswa anak ke-2, SMP, tahun ajaran 2024/2025"},
	{typ: domain.ClaimJKM, incident: "2024-07-02", submitted: "2024-07-10", paid: "2024-07-29", amount: jkm, ends: domain.StatusDeceased},
	// August–December 2024
	{typ: domain.ClaimJKM, incident: "2024-07-24", submitted: "2024-08-01", paid: "2024-08-19", amount: jkm, ends: domain.StatusDeceased, note: "Kejadian Juli, dibayar Agustus"},
	{typ: domain.ClaimJKKDeath, incident: "2024-08-09", submitted: "2024-08-19", paid: "2024-09-18", amount: jkkDeath, category: "nelayan", ends: domain.StatusDeceased, note: "Perahu terbalik diterjang ombak"},
	{typ: domain.ClaimJKKCare, incident: "2024-08-21", submitted: "2024-08-28", paid: "2024-09-12", amount: 4_200_000, category: "parkir", note: "Tertabrak kendaraan saat bertugas"},
	{typ: domain.ClaimScholarship, incident: "2024-01-30", submitted: "2024-08-13", paid: "2024-08-27", amount: 1_500_000, ref: "KLM-2024-0002", note: "Beasiswa anak ke-1, SD, tahun ajaran 2024/2025"},
	{typ: domain.ClaimJKM, incident: "2024-09-06", submitted: "2024-09-13", paid: "2024-10-01", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKDisability, incident: "2024-09-23", submitted: "2024-10-07", paid: "2024-11-26", amount: 8_000_000, category: "petani", note: "Cacat sebagian: kehilangan satu ruas jari (10 % × 80 × penghasilan)"},
	{typ: domain.ClaimJKKCare, incident: "2024-10-02", submitted: "2024-10-09", paid: "2024-11-05", amount: 12_500_000, category: "nelayan", note: "Luka robek berat terkena baling-baling perahu"},
	{typ: domain.ClaimJKM, incident: "2024-10-28", submitted: "2024-11-04", paid: "2024-11-20", amount: jkm, ends: domain.StatusDeceased},
	{typ: domain.ClaimJKKCare, incident: "2024-11-14", submitted: "2024-11-21", paid: "2024-12-09", amount: 2_800_000, category: "kader", note: "Terkilir saat kegiatan posyandu"},
	// Not (yet) paid at the end of 2024
	{typ: domain.ClaimJKKCare, incident: "2024-11-29", submitted: "2024-12-10", amount: 5_300_000, status: domain.ClaimProcessing, category: "marbot", note: "Terjatuh dari tangga saat membersihkan masjid; biaya perawatan masih diverifikasi"},
	{typ: domain.ClaimJKM, incident: "2024-12-12", submitted: "2024-12-23", amount: jkm, status: domain.ClaimSubmitted, ends: domain.StatusDeceased, note: "Berkas lengkap, menunggu verifikasi"},
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic("demo: bad date " + s)
	}
	return t
}

// claims turns the events into claims of workers who were covered on the
// day. A death or total disability ends the worker's spell that day, and
// the quota goes to a new worker from the first of the next month.
func (g *gen) claims() ([]claims.Claim, error) {
	var out []claims.Claim
	byNo := map[string]int{} // claim number → worker index, for scholarships
	seq := map[int]int{}
	for _, ev := range events {
		inc := day(ev.incident)
		seq[inc.Year()]++
		no := fmt.Sprintf("KLM-%d-%04d", inc.Year(), seq[inc.Year()])
		status := ev.status
		if status == "" {
			status = domain.ClaimPaid
		}
		var w int
		if ev.typ == domain.ClaimScholarship {
			w = byNo[ev.ref]
		} else {
			s := g.coveredSeat(ev.category, inc)
			if s == nil {
				return nil, fmt.Errorf("demo: nobody of %q covered on %s", ev.category, ev.incident)
			}
			w, _ = s.current(g)
			if ev.ends != "" {
				g.end(s, inc, ev.ends)
			}
		}
		if ev.ref != "" && ev.typ != domain.ClaimScholarship {
			byNo[ev.ref] = w
		}
		out = append(out, claims.Claim{
			No: no, WorkerID: g.workers[w].ID, Type: ev.typ, IncidentOn: inc, SubmittedOn: day(ev.submitted),
			PaidOn: day(ev.paid), Amount: ev.amount, Status: status, Beneficiary: g.heir(w, ev), Note: ev.note,
		})
	}
	out = append(out, g.rejectedClaim(seq))
	return out, nil
}

// coveredSeat picks a seat of the category whose worker holds an open
// spell that started before day.
func (g *gen) coveredSeat(category string, on time.Time) *seat {
	start := g.rng.IntN(len(g.seats))
	for i := range g.seats {
		s := g.seats[(start+i)%len(g.seats)]
		if category != "" && s.category != category {
			continue
		}
		if _, e := s.current(g); e.End == nil && e.Start.Before(on) {
			return s
		}
	}
	return nil
}

// end closes the seat's current spell on day and gives the quota to a new
// worker from the first of the next month.
func (g *gen) end(s *seat, on time.Time, status domain.EnrollmentStatus) {
	_, e := s.current(g)
	end := on
	e.End, e.Status = &end, status
	next := domain.MonthOf(on).Add(1).First()
	if !next.After(dataEnd) {
		g.occupy(s, g.newWorker(s), next)
	}
}

// heir is who received the benefit.
func (g *gen) heir(w int, ev event) string {
	switch {
	case ev.typ == domain.ClaimScholarship:
		return g.name([]domain.Sex{domain.SexMale, domain.SexFemale}[g.rng.IntN(2)]) + " (anak)"
	case ev.typ.IsDeath() && g.workers[w].Sex == domain.SexFemale:
		return g.name(domain.SexMale) + " (suami)"
	case ev.typ.IsDeath():
		return g.name(domain.SexFemale) + " (istri)"
	}
	return g.workers[w].Name + " (peserta)"
}

// rejectedClaim is a JKM claim for a worker whose coverage had already
// ended: BPJS refused it.
func (g *gen) rejectedClaim(seq map[int]int) claims.Claim {
	for _, w := range g.workers {
		for _, e := range w.Enrollments {
			if e.Status != domain.StatusInactive || e.End == nil || e.End.Year() != 2024 || e.End.Month() > time.June {
				continue
			}
			inc := e.End.AddDate(0, 1, 18)
			if w.ActiveOn(inc) {
				continue
			}
			seq[2024]++
			return claims.Claim{
				No: fmt.Sprintf("KLM-2024-%04d", seq[2024]), WorkerID: w.ID, Type: domain.ClaimJKM, IncidentOn: inc,
				SubmittedOn: inc.AddDate(0, 0, 9), Amount: jkm, Status: domain.ClaimRejected,
				Beneficiary: g.name(domain.SexFemale) + " (istri)",
				Note:        "Ditolak: kepesertaan tidak aktif pada tanggal kejadian (berakhir " + domain.FormatDate(*e.End) + ")",
			}
		}
	}
	panic("demo: no worker left in the first half of 2024")
}
