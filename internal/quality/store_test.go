package quality_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/demo"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/quality"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/internal/settings"
)

// qualityData builds a Bulk of hand-made workers and claims for the
// data-quality checks.
type qualityData struct {
	b         demo.Bulk
	lastSpell int64
}

// worker adds a worker. born is "" for an unknown birth date; the NIK is
// made to agree with born and sex unless nik is given.
func (q *qualityData) worker(id int64, name, born string, sex domain.Sex, nik string, spells ...registry.Enrollment) *registry.Worker {
	w := registry.Worker{ID: id, Name: name, Sex: sex, CategoryCode: "kader", KelurahanCode: "36.72.04.1005",
		Income: domain.DefaultIncome, Enrollments: spells, NIK: domain.NIK(nik)}
	if born != "" {
		w.BirthDate = date(born)
	}
	if nik == "" {
		w.NIK = nikOf(w.BirthDate, sex, int(id))
	}
	q.b.Workers = append(q.b.Workers, w)
	return &q.b.Workers[len(q.b.Workers)-1]
}

// spell is a spell from start through end ("" while open).
func (q *qualityData) spell(start, end string, status domain.EnrollmentStatus) registry.Enrollment {
	q.lastSpell++
	e := registry.Enrollment{ID: q.lastSpell, Start: date(start), Status: status}
	if end != "" {
		e.End = datePtr(end)
	}
	return e
}

// claim adds a claim; paid is "" for an unpaid one.
func (q *qualityData) claim(no string, worker int64, typ domain.ClaimType, incident, paid string, amount domain.Rupiah, status domain.ClaimStatus, note string) {
	c := claims.Claim{No: no, WorkerID: worker, Type: typ, IncidentOn: date(incident), Amount: amount, Status: status, Note: note}
	if paid != "" {
		c.PaidOn = date(paid)
	}
	q.b.Claims = append(q.b.Claims, c)
}

// nikOf makes a valid Cilegon NIK for a birth date (1 January 1980 when
// unknown) and sex, with serial as its last digits.
func nikOf(born time.Time, sex domain.Sex, serial int) domain.NIK {
	if born.IsZero() {
		born = date("1980-01-01")
	}
	day := born.Day()
	if sex == domain.SexFemale {
		day += 40
	}
	return domain.NIK(fmt.Sprintf("367204%02d%02d%02d%04d", day, int(born.Month()), born.Year()%100, serial))
}

// loadQuality loads the data into a fresh database and returns the checks on it.
func loadQuality(t *testing.T, q *qualityData) *quality.Service {
	t.Helper()
	svc, _ := loadQualityDB(t, q)
	return svc
}

// loadQualityDB is loadQuality that also returns the database.
func loadQualityDB(t *testing.T, q *qualityData) (*quality.Service, *database.DB) {
	t.Helper()
	db := pgdev.New(t)
	q.b.Pemda = "3672"
	if err := demo.LoadBulk(context.Background(), db, testActor, q.b); err != nil {
		t.Fatal(err)
	}
	return quality.NewService(db, settings.NewService(db)), db
}

// runCheck returns all findings of a check, failing when the count disagrees with them.
func runCheck(t *testing.T, db *quality.Service, check quality.Check) []quality.Finding {
	t.Helper()
	res, err := db.Check(context.Background(), "3672", check, 0, 100_000)
	if err != nil {
		t.Fatal(err)
	}
	if res.Check != check || res.Count != int64(len(res.Findings)) {
		t.Fatalf("%s: count %d for %d findings", check, res.Count, len(res.Findings))
	}
	return res.Findings
}

// flagged lists findings as "reason worker[/claim no]" for comparison.
func flagged(fs []quality.Finding) []string {
	var out []string
	for _, f := range fs {
		s := fmt.Sprintf("%s %d", f.Reason, f.Worker.ID)
		if f.Claim != nil {
			s += "/" + f.Claim.No
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

func wantFlagged(t *testing.T, check quality.Check, fs []quality.Finding, want ...string) {
	t.Helper()
	slices.Sort(want)
	if got := flagged(fs); !slices.Equal(got, want) {
		t.Errorf("%s flags\n  %v\nwant\n  %v", check, got, want)
	}
}

// TestQualityNIKRulesMatchParseNIK compares the SQL verdict on stored NIKs
// with domain.ParseNIK over every day, month and several years, and over
// the province, city and serial boundaries.
func TestQualityNIKRulesMatchParseNIK(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 3672))
	q := &qualityData{}
	seen := map[string]bool{}
	add := func(nik string) {
		if !seen[nik] {
			seen[nik] = true
			q.worker(int64(len(seen)), "Peserta "+nik, "", "", nik)
		}
	}
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	for day := 0; day <= 99; day++ {
		for month := 0; month <= 13; month++ {
			for _, yy := range []string{"00", "01", "23", "24", "96", "99"} {
				region := pick("367204", "360401", "110101", "990101", "367201")
				add(fmt.Sprintf("%s%02d%02d%s%04d", region, day, month, yy, 1+rng.IntN(9999)))
			}
		}
	}
	for range 2000 {
		add(pick("00", "09", "10", "11", "36", "99") + pick("00", "01", "72", "99") + pick("00", "04", "99") +
			fmt.Sprintf("%02d%02d%02d", rng.IntN(100), rng.IntN(14), rng.IntN(100)) + pick("0000", "0001", "1000", "9999"))
	}
	db := loadQuality(t, q)

	got := map[int64]quality.Finding{}
	for _, f := range runCheck(t, db, quality.CheckInvalidNIK) {
		got[f.Worker.ID] = f
	}
	invalid := 0
	for _, w := range q.b.Workers {
		_, err := domain.ParseNIK(string(w.NIK))
		f, flagged := got[w.ID]
		switch {
		case err != nil && !flagged:
			t.Errorf("NIK %s: ParseNIK says %q, SQL passes it", w.NIK, err)
		case err == nil && flagged:
			t.Errorf("NIK %s: ParseNIK accepts it, SQL flags it (%s)", w.NIK, f.Reason)
		case err != nil:
			invalid++
			if f.Reason != quality.ReasonNIKInvalid || !strings.Contains(err.Error(), strings.ToLower(f.Problem()[:1])+f.Problem()[1:]) {
				t.Errorf("NIK %s: reason %s, problem %q; ParseNIK says %q", w.NIK, f.Reason, f.Problem(), err)
			}
		}
	}
	if invalid < 1000 || invalid > len(q.b.Workers)-1000 {
		t.Errorf("%d of %d NIKs invalid: the sample should hold plenty of both", invalid, len(q.b.Workers))
	}
}

func TestQualityNIKDisagreesWithRecord(t *testing.T) {
	q := &qualityData{}
	q.worker(1, "Cocok", "1985-03-12", domain.SexFemale, "") // 52 03 85, perempuan
	q.worker(2, "Jenis kelamin beda", "1985-03-12", domain.SexMale, "3672045203850002")
	q.worker(3, "Tanggal beda", "1985-03-13", domain.SexFemale, "3672045203850003")
	q.worker(4, "Tahun beda", "1986-03-12", domain.SexFemale, "3672045203850004")
	q.worker(5, "Tanpa data", "", "", "3672045203850005")                      // nothing to compare
	q.worker(6, "Abad lain", "2005-03-12", domain.SexMale, "3672041203050006") // 2005, not 1905
	q.worker(7, "Tidak valid", "1985-03-12", domain.SexFemale, "3672045213850007")
	db := loadQuality(t, q)
	fs := runCheck(t, db, quality.CheckInvalidNIK)
	wantFlagged(t, quality.CheckInvalidNIK, fs, "nik_mismatch 2", "nik_mismatch 3", "nik_mismatch 4", "nik_invalid 7")
	problems := map[int64]string{}
	for _, f := range fs {
		problems[f.Worker.ID] = f.Problem()
	}
	for id, want := range map[int64]string{
		2: "NIK menandai perempuan, tercatat laki-laki",
		3: "Tanggal lahir di NIK 12 Maret 1985, tercatat 13 Maret 1985",
		4: "Tanggal lahir di NIK 12 Maret 1985, tercatat 12 Maret 1986",
		7: "Tanggal lahir pada digit 7–12 tidak valid",
	} {
		if problems[id] != want {
			t.Errorf("worker %d: problem %q, want %q", id, problems[id], want)
		}
	}
}

func TestQualityDuplicatePerson(t *testing.T) {
	q := &qualityData{}
	q.worker(1, "Siti Nurjanah", "1980-01-13", domain.SexFemale, "")
	q.worker(2, "SITI  NUR-JANAH", "1980-01-13", domain.SexFemale, "")
	q.worker(3, "siti nurjanah.", "1980-01-13", domain.SexFemale, "")
	q.worker(4, "Siti Nurjanah", "1980-01-14", domain.SexFemale, "")       // another birth date
	q.worker(5, "Siti Nurjanah", "", domain.SexFemale, "3672045301800005") // no birth date: not compared
	q.worker(6, "Siti Nurjanah S", "1980-01-13", domain.SexFemale, "")
	q.worker(7, "Ahmad Hidayat", "1975-06-01", domain.SexMale, "").KPJ = "21234567890"
	q.worker(8, "Ujang Sobari", "1990-02-02", domain.SexMale, "").KPJ = "21234567890"
	q.worker(9, "Dedi Kurniawan", "1975-06-01", domain.SexMale, "").KPJ = "21234567891"
	db := loadQuality(t, q)
	fs := runCheck(t, db, quality.CheckDuplicatePerson)
	wantFlagged(t, quality.CheckDuplicatePerson, fs, "same_name_birth 1", "same_kpj 7")
	for _, f := range fs {
		var others []int64
		for _, o := range f.Others {
			others = append(others, o.ID)
			if o.NIK == "" || o.Name == "" {
				t.Errorf("other worker %d lacks NIK or name", o.ID)
			}
		}
		want := map[quality.Reason][]int64{quality.ReasonSameNameBirth: {2, 3}, quality.ReasonSameKPJ: {8}}[f.Reason]
		if !slices.Equal(others, want) {
			t.Errorf("%s: others %v, want %v", f.Reason, others, want)
		}
	}
}

func TestQualityCoveredAfterDeath(t *testing.T) {
	q := &qualityData{}
	// Died on 10 March 2024, enrolled again in April.
	q.worker(1, "Kembali terdaftar", "1970-05-05", domain.SexMale, "",
		q.spell("2023-01-01", "2024-03-10", domain.StatusDeceased), q.spell("2024-04-01", "", domain.StatusActive))
	// The boundary: the spell ends on the day of death, nothing after it.
	q.worker(2, "Berakhir pada hari meninggal", "1970-05-06", domain.SexMale, "",
		q.spell("2023-01-01", "2023-12-31", domain.StatusInactive), q.spell("2024-01-01", "2024-03-10", domain.StatusDeceased))
	// Claims on and after the death.
	q.worker(3, "Klaim sesudah meninggal", "1970-05-07", domain.SexMale, "",
		q.spell("2023-01-01", "2024-03-10", domain.StatusDeceased))
	q.claim("C-RAWAT-SAMA", 3, domain.ClaimJKKCare, "2024-03-10", "2024-03-30", 2_000_000, domain.ClaimPaid, "")
	q.claim("C-RAWAT-SESUDAH", 3, domain.ClaimJKKCare, "2024-03-11", "", 1_000_000, domain.ClaimSubmitted, "")
	q.claim("C-JKM", 3, domain.ClaimJKM, "2024-03-10", "2024-04-02", 42_000_000, domain.ClaimPaid, "")
	q.claim("C-BEASISWA", 3, domain.ClaimScholarship, "2024-03-10", "2024-08-01", 1_500_000, domain.ClaimPaid, "")
	// Two deaths recorded: the first one counts, the later spell is flagged.
	q.worker(4, "Dua kali meninggal", "1970-05-08", domain.SexMale, "",
		q.spell("2023-01-01", "2023-06-30", domain.StatusDeceased), q.spell("2023-08-01", "2023-09-30", domain.StatusDeceased))
	// Alive: a spell after an inactive one is fine.
	q.worker(5, "Keluar lalu kembali", "1970-05-09", domain.SexMale, "",
		q.spell("2023-01-01", "2023-06-30", domain.StatusInactive), q.spell("2023-08-01", "", domain.StatusActive))
	db := loadQuality(t, q)
	fs := runCheck(t, db, quality.CheckCoveredAfterDeath)
	wantFlagged(t, quality.CheckCoveredAfterDeath, fs, "spell_after_death 1", "claim_after_death 3/C-RAWAT-SESUDAH", "spell_after_death 4")
	for _, f := range fs {
		if f.Worker.ID == 1 {
			if want := "Meninggal 10 Maret 2024, tetapi tercatat kepesertaan sejak 1 April 2024 yang masih berjalan"; f.Problem() != want {
				t.Errorf("problem %q, want %q", f.Problem(), want)
			}
		}
		if f.Worker.ID == 4 && !f.DiedOn.Equal(date("2023-06-30")) {
			t.Errorf("worker 4 died on %s, want the first death", f.DiedOn)
		}
	}
}

func TestQualityClaimOutsideCoverage(t *testing.T) {
	q := &qualityData{}
	q.worker(1, "Peserta", "1970-05-05", domain.SexMale, "",
		q.spell("2023-01-01", "2023-06-30", domain.StatusInactive), q.spell("2023-09-01", "2024-03-10", domain.StatusDeceased))
	q.worker(2, "Tanpa kepesertaan", "1970-05-06", domain.SexMale, "")
	q.claim("K-DALAM", 1, domain.ClaimJKKCare, "2023-03-01", "2023-03-20", 1_000_000, domain.ClaimPaid, "")
	q.claim("K-HARI-AKHIR", 1, domain.ClaimJKKCare, "2023-06-30", "2023-07-20", 1_000_000, domain.ClaimPaid, "")
	q.claim("K-SESUDAH-AKHIR", 1, domain.ClaimJKKCare, "2023-07-01", "", 1_000_000, domain.ClaimRejected, "")
	q.claim("K-SEBELUM-MULAI", 1, domain.ClaimJKKCare, "2023-08-30", "", 1_000_000, domain.ClaimProcessing, "")
	q.claim("K-HARI-MULAI", 1, domain.ClaimJKKCare, "2023-09-01", "", 1_000_000, domain.ClaimProcessing, "")
	q.claim("K-JKM", 1, domain.ClaimJKM, "2024-03-10", "2024-04-01", 42_000_000, domain.ClaimPaid, "")
	// A scholarship paid long after the parent's death: its incident date is the death.
	q.claim("K-BEASISWA", 1, domain.ClaimScholarship, "2024-03-10", "2026-08-01", 1_500_000, domain.ClaimPaid, "")
	q.claim("K-BEASISWA-SALAH", 1, domain.ClaimScholarship, "2024-07-15", "2024-08-01", 1_500_000, domain.ClaimPaid, "")
	q.claim("K-TANPA", 2, domain.ClaimJKM, "2024-01-05", "", 42_000_000, domain.ClaimSubmitted, "")
	db := loadQuality(t, q)
	fs := runCheck(t, db, quality.CheckClaimOutsideCoverage)
	wantFlagged(t, quality.CheckClaimOutsideCoverage, fs, "outside_spell 1/K-SESUDAH-AKHIR", "outside_spell 1/K-SEBELUM-MULAI",
		"outside_spell 1/K-BEASISWA-SALAH", "no_spell 2/K-TANPA")
	want := map[string]string{
		"K-SESUDAH-AKHIR":  "Kejadian 1 Juli 2023, sesudah kepesertaan berakhir 30 Juni 2023 (nonaktif)",
		"K-SEBELUM-MULAI":  "Kejadian 30 Agustus 2023, sebelum kepesertaan dimulai 1 September 2023",
		"K-BEASISWA-SALAH": "Kejadian 15 Juli 2024, sesudah kepesertaan berakhir 10 Maret 2024 (meninggal)",
		"K-TANPA":          "Peserta tidak punya masa kepesertaan sama sekali",
	}
	for _, f := range fs {
		if f.Problem() != want[f.Claim.No] {
			t.Errorf("%s: problem %q, want %q", f.Claim.No, f.Problem(), want[f.Claim.No])
		}
	}
	// Findings about claims come in order of incident date.
	if fs[0].Claim.No != "K-SESUDAH-AKHIR" || fs[len(fs)-1].Claim.No != "K-BEASISWA-SALAH" {
		t.Errorf("order: %v", flagged(fs))
	}
}

func TestQualityBenefitAmount(t *testing.T) {
	q := &qualityData{}
	q.worker(1, "Penghasilan standar", "1970-05-05", domain.SexMale, "", q.spell("2015-01-01", "", domain.StatusActive))
	q.worker(2, "Penghasilan 2 juta", "1970-05-06", domain.SexMale, "", q.spell("2015-01-01", "", domain.StatusActive)).Income = 2_000_000
	q.worker(3, "Penghasilan kosong", "1970-05-07", domain.SexMale, "", q.spell("2015-01-01", "", domain.StatusActive)).Income = 0
	for _, c := range []struct {
		no       string
		worker   int64
		typ      domain.ClaimType
		incident string
		amount   domain.Rupiah
		status   domain.ClaimStatus
	}{
		// PP 82/2019 took effect on 2 December 2019.
		{"JKM-LAMA-BENAR", 1, domain.ClaimJKM, "2019-12-01", 24_000_000, domain.ClaimPaid},
		{"JKM-LAMA-SALAH", 1, domain.ClaimJKM, "2019-12-01", 42_000_000, domain.ClaimPaid},
		{"JKM-BARU-BENAR", 1, domain.ClaimJKM, "2019-12-02", 42_000_000, domain.ClaimPaid},
		{"JKM-BARU-SALAH", 1, domain.ClaimJKM, "2019-12-02", 24_000_000, domain.ClaimRejected},
		{"JKM-SEBELUM-PP44", 1, domain.ClaimJKM, "2015-06-30", 1, domain.ClaimPaid},
		{"JKK-2JUTA-BENAR", 2, domain.ClaimJKKDeath, "2024-05-01", 118_000_000, domain.ClaimPaid},
		{"JKK-2JUTA-SALAH", 2, domain.ClaimJKKDeath, "2024-05-02", 70_000_000, domain.ClaimProcessing},
		{"JKK-KOSONG-BENAR", 3, domain.ClaimJKKDeath, "2024-05-01", 70_000_000, domain.ClaimPaid},
		{"JKK-LAMA-BENAR", 1, domain.ClaimJKKDeath, "2018-05-01", 55_800_000, domain.ClaimPaid},
		{"CACAT", 1, domain.ClaimJKKDisability, "2024-05-01", 8_000_000, domain.ClaimPaid},
		{"RAWAT", 1, domain.ClaimJKKCare, "2024-05-02", 123, domain.ClaimPaid},
	} {
		paid := ""
		if c.status == domain.ClaimPaid {
			paid = c.incident
		}
		q.claim(c.no, c.worker, c.typ, c.incident, paid, c.amount, c.status, "")
	}
	db := loadQuality(t, q)
	fs := runCheck(t, db, quality.CheckBenefitAmount)
	wantFlagged(t, quality.CheckBenefitAmount, fs, "amount 1/JKM-LAMA-SALAH", "amount 1/JKM-BARU-SALAH", "amount 2/JKK-2JUTA-SALAH")
	income := map[int64]domain.Rupiah{1: 1_000_000, 2: 2_000_000, 3: 0}
	for _, f := range fs {
		want, fixed := domain.DefaultBenefits().Standard(f.Claim.Type, f.Claim.IncidentOn, income[f.Worker.ID])
		if !fixed || f.Expected != want {
			t.Errorf("%s: expected %s, the default benefit table says %s", f.Claim.No, f.Expected, want)
		}
	}
	if got := fs[0].Problem(); got != "Tercatat Rp 42.000.000, manfaat standar Rp 24.000.000 (selisih Rp 18.000.000)" {
		t.Errorf("problem %q", got)
	}
}

func TestQualityScholarshipExcess(t *testing.T) {
	q := &qualityData{}
	q.worker(1, "Tiga anak setahun", "1970-05-05", domain.SexMale, "", q.spell("2020-01-01", "2023-08-14", domain.StatusDeceased))
	q.worker(2, "Dua anak, pergantian tahun ajaran", "1970-05-06", domain.SexMale, "", q.spell("2020-01-01", "2023-08-14", domain.StatusDeceased))
	q.worker(3, "Melebihi batas nilai", "1970-05-07", domain.SexMale, "", q.spell("2020-01-01", "2023-08-14", domain.StatusDeceased))
	paid := func(no string, worker int64, on string, amount domain.Rupiah, note string) {
		q.claim(no, worker, domain.ClaimScholarship, "2023-08-14", on, amount, domain.ClaimPaid, note)
	}
	// Worker 1: a third paid scholarship in school year 2024/2025 (July–June).
	paid("B1-1", 1, "2024-07-22", 3_000_000, "Beasiswa anak ke-1, SMA")
	paid("B1-2", 1, "2024-07-22", 2_000_000, "Beasiswa anak ke-2, SMP")
	paid("B1-3", 1, "2025-06-30", 1_500_000, "Beasiswa SD")
	q.claim("B1-4", 1, domain.ClaimScholarship, "2023-08-14", "", 1_500_000, domain.ClaimProcessing, "Beasiswa anak ke-3, SD")
	q.claim("B1-5", 1, domain.ClaimScholarship, "2023-08-14", "", 1_500_000, domain.ClaimRejected, "anak ketiga")
	q.claim("B1-6", 1, domain.ClaimScholarship, "2023-08-14", "", 1_500_000, domain.ClaimRejected, "Anak ke 12; bukan anak ke-2")
	// Worker 2: two a year, the third on the first day of the next school year.
	paid("B2-1", 2, "2023-11-15", 3_000_000, "Beasiswa anak ke-1")
	paid("B2-2", 2, "2024-06-30", 2_000_000, "Beasiswa anak ke-2")
	paid("B2-3", 2, "2024-07-01", 3_000_000, "Beasiswa anak ke-1, tahun berikutnya")
	q.claim("B2-4", 2, domain.ClaimScholarship, "2023-08-14", "", 2_000_000, domain.ClaimSubmitted, "anak ke-2 (kedua)")
	// Worker 3: Rp 174 juta is the limit; the claim that passes it is flagged.
	paid("B3-1", 3, "2023-09-01", 100_000_000, "")
	paid("B3-2", 3, "2024-09-01", 74_000_000, "")
	paid("B3-3", 3, "2025-09-01", 12_000_000, "")
	db := loadQuality(t, q)
	fs := runCheck(t, db, quality.CheckScholarshipExcess)
	wantFlagged(t, quality.CheckScholarshipExcess, fs, "children_per_year 1/B1-3", "third_child_note 1/B1-4",
		"third_child_note 1/B1-5", "third_child_note 1/B1-6", "total_over_maximum 3/B3-3")
	for _, f := range fs {
		switch f.Claim.No {
		case "B1-3":
			if f.SchoolYear != 2024 || f.Problem() != "Beasiswa dibayar lebih dari 2 kali untuk peserta ini dalam tahun ajaran 2024/2025" {
				t.Errorf("B1-3: school year %d, problem %q", f.SchoolYear, f.Problem())
			}
		case "B3-3":
			if f.Total != 186_000_000 || f.Problem() != "Jumlah beasiswa dibayar menjadi Rp 186.000.000, melebihi batas Rp 174.000.000" {
				t.Errorf("B3-3: total %s, problem %q", f.Total, f.Problem())
			}
		}
	}
}

// TestQualityPagingAndPemda checks counting, paging, the summary and that
// another Pemda's rows never show.
func TestQualityPagingAndPemda(t *testing.T) {
	ctx := context.Background()
	q := &qualityData{}
	for id := int64(1); id <= 7; id++ {
		q.worker(id, fmt.Sprintf("Peserta %d", id), "", "", fmt.Sprintf("36720400000000%02d", id)) // day 00: invalid
	}
	q.worker(8, "Sah", "", "", "")
	db, pool := loadQualityDB(t, q)

	page, err := db.Check(ctx, "3672", quality.CheckInvalidNIK, 5, 5)
	if err != nil || page.Count != 7 || len(page.Findings) != 2 || page.Findings[0].Worker.ID != 6 {
		t.Errorf("second page: %+v, %v", page, err)
	}
	past, err := db.Check(ctx, "3672", quality.CheckInvalidNIK, 50, 5)
	if err != nil || past.Count != 7 || len(past.Findings) != 0 {
		t.Errorf("page past the end: %+v, %v", past, err)
	}
	if _, err := db.Check(ctx, "3672", "no_such_check", 0, 5); err == nil {
		t.Error("an unknown check gave no error")
	}

	// Another Pemda with an invalid NIK of its own.
	_, err = pool.Pool().Exec(ctx, `
		INSERT INTO pemda (code, name, province, government, office, city)
		VALUES ('3604', 'Kabupaten Serang', 'Banten', 'Pemerintah Kabupaten Serang', 'Dinas Tenaga Kerja', 'Serang');
		INSERT INTO kecamatan (pemda, code, bps_code, name) VALUES ('3604', '36.04.01', '3604010', 'Cinangka');
		INSERT INTO kelurahan (pemda, code, kecamatan_code, bps_code, name)
		VALUES ('3604', '36.04.01.2001', '36.04.01', '3604010001', 'Cinangka');
		INSERT INTO category (pemda, code, name) VALUES ('3604', 'nelayan', 'Nelayan');
		INSERT INTO worker (pemda, id, nik, name, category_code, kelurahan_code, kpj)
		VALUES ('3604', 1, '3604010000000001', 'Peserta Serang', 'nelayan', '36.04.01.2001', 'SAMA'),
		       ('3604', 2, '3604014101800002', 'Peserta Serang Dua', 'nelayan', '36.04.01.2001', 'SAMA')`)
	if err != nil {
		t.Fatal(err)
	}
	summary, err := db.Summary(ctx, "3672", 3)
	if err != nil {
		t.Fatal(err)
	}
	var counts []int64
	for i, r := range summary {
		if r.Check != quality.Checks[i] {
			t.Errorf("summary item %d is %s", i, r.Check)
		}
		counts = append(counts, r.Count)
	}
	if want := []int64{7, 0, 0, 0, 0, 0}; !slices.Equal(counts, want) || len(summary[0].Findings) != 3 {
		t.Errorf("Cilegon summary counts %v with %d rows, want %v with 3", counts, len(summary[0].Findings), want)
	}
	serang, err := db.Summary(ctx, "3604", 0)
	if err != nil || serang[0].Count != 1 || serang[1].Count != 1 || len(serang[0].Findings) != 0 {
		t.Errorf("Serang summary %+v, %v", serang, err)
	}
}

// TestQualityBenefitAmountReadsPemdaRules: the check compares each claim with
// the Pemda's rule in force on the incident date: the one-child scholarship
// of PP 44/2015 (Rp 12 juta at once) before 2 December 2019, none fixed
// after; and a rule an administrator adds applies from its date only.
func TestQualityBenefitAmountReadsPemdaRules(t *testing.T) {
	q := &qualityData{}
	q.worker(1, "Ayah", "1970-05-05", domain.SexMale, "", q.spell("2012-01-01", "", domain.StatusActive))
	q.claim("BEA-LAMA-BENAR", 1, domain.ClaimScholarship, "2019-11-30", "2019-12-20", 12_000_000, domain.ClaimPaid, "")
	q.claim("BEA-LAMA-SALAH", 1, domain.ClaimScholarship, "2019-11-30", "2019-12-20", 10_000_000, domain.ClaimPaid, "")
	q.claim("BEA-BARU", 1, domain.ClaimScholarship, "2019-12-02", "2020-01-20", 1_500_000, domain.ClaimPaid, "")
	q.claim("JKM-2024", 1, domain.ClaimJKM, "2024-07-01", "2024-07-20", 42_000_000, domain.ClaimPaid, "")
	q.claim("JKM-2026", 1, domain.ClaimJKM, "2026-02-01", "2026-02-20", 42_000_000, domain.ClaimPaid, "")
	db, conn := loadQualityDB(t, q)
	fs := runCheck(t, db, quality.CheckBenefitAmount)
	wantFlagged(t, quality.CheckBenefitAmount, fs, "amount 1/BEA-LAMA-SALAH")
	if len(fs) == 1 && fs[0].Expected != 12_000_000 {
		t.Errorf("expected %s, want Rp 12.000.000", fs[0].Expected)
	}

	// A (made-up) JKM raise to Rp 50 juta from 1 January 2026 flags the 2026 claim only.
	admin := domain.OperatorActor("3672", "admin")
	err := settings.NewService(conn).SetBenefit(context.Background(), admin, domain.Benefit{Type: domain.ClaimJKM,
		ValidFrom: date("2026-01-01"), Flat: 50_000_000, Fixed: true, Regulation: "uji"})
	if err != nil {
		t.Fatal(err)
	}
	fs = runCheck(t, db, quality.CheckBenefitAmount)
	wantFlagged(t, quality.CheckBenefitAmount, fs, "amount 1/BEA-LAMA-SALAH", "amount 1/JKM-2026")
}
