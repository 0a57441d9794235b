// Package quality is the data-quality feature: checks that the registry
// obeys rules the schema cannot enforce (a valid NIK, one person once, no
// cover after death, claims inside cover, benefit amounts as the rules say),
// their findings, the pages that list them and GET /api/v1/quality.
//
// Its store is unexported: other packages reach the checks through Service.
// Its pages are in ui/.
package quality

import (
	"fmt"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/registry"
)

// Check names one data-quality check: a rule the registry should
// obey but the schema cannot enforce. The store finds the rows that break it.
type Check string

// The data-quality checks, coded as URLs and the JSON API name them.
const (
	CheckInvalidNIK           Check = "invalid_nik"
	CheckDuplicatePerson      Check = "duplicate_person"
	CheckCoveredAfterDeath    Check = "covered_after_death"
	CheckClaimOutsideCoverage Check = "claim_outside_coverage"
	CheckBenefitAmount        Check = "benefit_amount"
	CheckScholarshipExcess    Check = "scholarship_excess"
)

// Checks lists every check in the order the page shows them.
var Checks = []Check{CheckInvalidNIK, CheckDuplicatePerson, CheckCoveredAfterDeath,
	CheckClaimOutsideCoverage, CheckBenefitAmount, CheckScholarshipExcess}

// ParseCheck reads a check's code, such as "invalid_nik".
func ParseCheck(s string) (Check, error) {
	for _, c := range Checks {
		if string(c) == s {
			return c, nil
		}
	}
	return "", domain.Invalidf("pemeriksaan kualitas data tidak dikenal: %s", domain.Quote(s))
}

// Title returns the check's Indonesian name, such as "NIK tidak valid atau tidak cocok".
func (c Check) Title() string {
	switch c {
	case CheckInvalidNIK:
		return "NIK tidak valid atau tidak cocok"
	case CheckDuplicatePerson:
		return "Orang yang sama terdaftar dua kali"
	case CheckCoveredAfterDeath:
		return "Masih tercatat setelah meninggal"
	case CheckClaimOutsideCoverage:
		return "Klaim di luar masa kepesertaan"
	case CheckBenefitAmount:
		return "Nilai klaim berbeda dari manfaat standar"
	case CheckScholarshipExcess:
		return "Beasiswa melebihi dua anak atau batas nilai"
	}
	return string(c)
}

// Definition returns, in one Indonesian sentence, exactly what the check flags.
func (c Check) Definition() string {
	switch c {
	case CheckInvalidNIK:
		return "NIK tersimpan yang melanggar aturan NIK (kode provinsi, kode kabupaten/kota, tanggal lahir " +
			"pada digit 7–12, nomor urut), atau yang tanggal lahir/jenis kelaminnya berbeda dengan data peserta."
	case CheckDuplicatePerson:
		return "Peserta dengan NIK berbeda tetapi nama (tanpa membedakan huruf besar, spasi dan tanda baca) " +
			"dan tanggal lahir sama, atau nomor KPJ yang dipakai lebih dari satu peserta."
	case CheckCoveredAfterDeath:
		return "Peserta yang kepesertaannya berakhir dengan status meninggal, tetapi punya kepesertaan lain " +
			"yang berjalan sesudah tanggal meninggal, atau klaim selain JKM, JKK meninggal dan beasiswa " +
			"dengan tanggal kejadian sesudahnya."
	case CheckClaimOutsideCoverage:
		return "Klaim (status apa pun) yang tanggal kejadiannya tidak jatuh dalam masa kepesertaan mana pun " +
			"dari peserta itu."
	case CheckBenefitAmount:
		return "Klaim JKM dan JKK meninggal yang nilainya berbeda dari manfaat standar yang berlaku pada " +
			"tanggal kejadian, dihitung dari penghasilan yang dilaporkan peserta."
	case CheckScholarshipExcess:
		return fmt.Sprintf("Klaim beasiswa dibayar yang lebih dari %d untuk satu peserta dalam satu tahun ajaran "+
			"(Juli–Juni), yang keterangannya menyebut anak ketiga atau berikutnya, atau yang membuat jumlah "+
			"beasiswa seorang peserta melebihi %s.", claims.ScholarshipMaxChildren, claims.ScholarshipMaxTotal)
	}
	return ""
}

// Details returns the fine print of the check's definition, one Indonesian
// sentence each: the edge cases and why they are decided that way.
func (c Check) Details() []string {
	switch c {
	case CheckInvalidNIK:
		return []string{
			"Skema basis data sudah menjamin 16 digit angka; pemeriksaan ini menerapkan aturan yang sama dengan " +
				"pemeriksaan NIK saat impor: kode provinsi (digit 1–2) 11–99, kode kabupaten/kota (digit 3–4) bukan 00, " +
				"tanggal lahir DDMMYY yang benar-benar ada pada digit 7–12 (tanggal ditambah 40 untuk perempuan) " +
				"dan nomor urut (digit 13–16) bukan 0000.",
			"NIK yang lolos aturan itu tetap ditandai bila tanggal, bulan dan dua digit tahun lahirnya berbeda " +
				"dengan tanggal lahir tercatat, atau bila penanda perempuan (tanggal di atas 40) berbeda dengan " +
				"jenis kelamin tercatat; data yang kosong tidak dibandingkan.",
			"Kode wilayah NIK adalah tempat NIK pertama diterbitkan, jadi NIK yang diterbitkan di luar kabupaten/kota ini bukan kesalahan.",
		}
	case CheckDuplicatePerson:
		return []string{
			"Nama dibandingkan setelah huruf kecil semua dan hanya huruf serta angka yang dipertahankan, " +
				"jadi “SITI NURJANAH”, “Siti Nurjanah” dan “Siti Nur-janah” dianggap sama; peserta tanpa tanggal lahir tidak dibandingkan.",
			"Setiap kelompok peserta yang sama dihitung satu kali; nama yang sama bisa saja milik dua orang berbeda, " +
				"jadi periksa dokumen kependudukannya sebelum menggabungkan data.",
			"Satu nomor KPJ (kartu BPJS Ketenagakerjaan) hanya milik satu orang.",
		}
	case CheckCoveredAfterDeath:
		return []string{
			"Tanggal meninggal adalah tanggal akhir kepesertaan berstatus meninggal (yang paling awal bila ada beberapa).",
			"Kepesertaan yang berakhir tepat pada tanggal meninggal tidak ditandai; kepesertaan yang belum berakhir " +
				"atau berakhir sesudahnya ditandai.",
			"Klaim JKM, JKK meninggal dan beasiswa tidak ditandai: tanggal kejadiannya adalah tanggal meninggal itu sendiri. " +
				"Klaim lain pada hari meninggal (misalnya perawatan) juga tidak ditandai.",
		}
	case CheckClaimOutsideCoverage:
		return []string{
			"Masa kepesertaan mencakup tanggal mulai sampai tanggal akhir (termasuk); kepesertaan yang belum berakhir mencakup sampai hari ini.",
			"Klaim yang ditolak ikut ditampilkan beserta statusnya: bila BPJS menolaknya karena kepesertaan tidak aktif, datanya sudah konsisten.",
			"Beasiswa diperiksa dengan aturan yang sama: tanggal kejadiannya adalah tanggal orang tua meninggal atau cacat, " +
				"yang harus jatuh dalam masa kepesertaan; tanggal pengajuan dan pembayaran beasiswa yang bertahun-tahun " +
				"kemudian tidak diperiksa, karena saat itu peserta memang sudah tidak aktif.",
		}
	case CheckBenefitAmount:
		return []string{
			"Manfaat standar diambil dari tabel manfaat yang sama dengan yang dipakai aplikasi di tempat lain; " +
				"hanya jenis klaim yang nilainya pasti (JKM dan JKK meninggal) yang diperiksa.",
			"Penghasilan adalah penghasilan yang kini tercatat pada peserta (Rp 1.000.000 bila kosong), bukan riwayatnya.",
			"Semua status diperiksa, termasuk klaim yang ditolak atau masih diproses: nilai yang salah ketik tetap perlu diperbaiki.",
		}
	case CheckScholarshipExcess:
		return []string{
			"Klaim beasiswa tidak mencatat anak yang mana, jadi batas dua anak diperiksa sebagai paling banyak " +
				"dua klaim beasiswa dibayar per peserta per tahun ajaran, karena beasiswa dibayar per anak per tahun.",
			"Tahun ajaran ditentukan dari tanggal pembayaran: 1 Juli sampai 30 Juni; klaim ketiga dan seterusnya " +
				"(menurut tanggal bayar) ditandai.",
			"Keterangan seperti “anak ke-3” atau “anak ketiga” ditandai pada klaim status apa pun.",
			fmt.Sprintf("Batas nilai %s dihitung dari jumlah semua beasiswa dibayar untuk satu peserta; "+
				"setiap klaim yang membuat jumlahnya melewati batas ditandai.", claims.ScholarshipMaxTotal),
		}
	}
	return nil
}

// OnClaims reports whether the check's findings are claims rather than workers.
func (c Check) OnClaims() bool {
	return c == CheckClaimOutsideCoverage || c == CheckBenefitAmount || c == CheckScholarshipExcess
}

// Reason says which rule of a check a finding breaks.
type Reason string

// The reasons, by check.
const (
	ReasonNIKInvalid         Reason = "nik_invalid"        // invalid_nik: fails ParseNIK
	ReasonNIKMismatch        Reason = "nik_mismatch"       // invalid_nik: birth date or sex differ from the record
	ReasonSameNameBirth      Reason = "same_name_birth"    // duplicate_person
	ReasonSameKPJ            Reason = "same_kpj"           // duplicate_person
	ReasonSpellAfterDeath    Reason = "spell_after_death"  // covered_after_death
	ReasonClaimAfterDeath    Reason = "claim_after_death"  // covered_after_death
	ReasonNoSpell            Reason = "no_spell"           // claim_outside_coverage: the worker has no spell at all
	ReasonOutsideSpell       Reason = "outside_spell"      // claim_outside_coverage
	ReasonBenefitAmount      Reason = "amount"             // benefit_amount
	ReasonScholarshipPerYear Reason = "children_per_year"  // scholarship_excess
	ReasonScholarshipNote    Reason = "third_child_note"   // scholarship_excess
	ReasonScholarshipTotal   Reason = "total_over_maximum" // scholarship_excess
)

// Finding is one row a check flags: a worker, and for checks on
// claims the claim, with the facts that show what is wrong.
type Finding struct {
	Check      Check
	Reason     Reason
	Worker     registry.Worker      // ID, NIK as stored (it may be invalid), Name, BirthDate, Sex, KPJ
	Others     []registry.Worker    // duplicate_person: the other workers of the group (ID, NIK, Name)
	Claim      *claims.Claim        // the claim, when the finding is about one
	Spell      *registry.Enrollment // the spell after the death, or the spell nearest an uncovered claim
	DiedOn     time.Time            // covered_after_death: the recorded death
	Expected   domain.Rupiah        // benefit_amount: the standard benefit
	SchoolYear int                  // children_per_year: the year in which the school year's July falls
	Total      domain.Rupiah        // total_over_maximum: scholarship paid to the worker up to this claim
}

// Result is what one check found: how many findings in all and one page of them.
type Result struct {
	Check    Check
	Count    int64
	Findings []Finding
}

// SchoolYearLabel formats the school year starting in July of year y as "2024/2025".
func SchoolYearLabel(y int) string { return fmt.Sprintf("%d/%d", y, y+1) }

// Problem explains the finding in one Indonesian sentence.
func (f Finding) Problem() string {
	switch f.Reason {
	case ReasonNIKInvalid:
		_, err := domain.ParseNIK(string(f.Worker.NIK))
		if err == nil {
			return "NIK tidak valid"
		}
		return capitalize(strings.TrimPrefix(err.Error(), "NIK: "))
	case ReasonNIKMismatch:
		return f.nikMismatch()
	case ReasonSameNameBirth:
		return fmt.Sprintf("Nama dan tanggal lahir (%s) sama dengan %d peserta lain yang NIK-nya berbeda",
			domain.FormatDate(f.Worker.BirthDate), len(f.Others))
	case ReasonSameKPJ:
		return fmt.Sprintf("Nomor KPJ %s juga tercatat pada %d peserta lain", f.Worker.KPJ, len(f.Others))
	case ReasonSpellAfterDeath:
		if f.Spell == nil {
			break
		}
		return fmt.Sprintf("Meninggal %s, tetapi tercatat %s", domain.FormatDate(f.DiedOn), spellPhrase(*f.Spell))
	case ReasonClaimAfterDeath:
		if f.Claim == nil {
			break
		}
		return fmt.Sprintf("Meninggal %s, tetapi ada klaim %s dengan tanggal kejadian %s",
			domain.FormatDate(f.DiedOn), f.Claim.Type.ShortName(), domain.FormatDate(f.Claim.IncidentOn))
	case ReasonNoSpell:
		return "Peserta tidak punya masa kepesertaan sama sekali"
	case ReasonOutsideSpell:
		if f.Claim == nil || f.Spell == nil {
			break
		}
		if f.Spell.End != nil && f.Spell.End.Before(f.Claim.IncidentOn) {
			return fmt.Sprintf("Kejadian %s, sesudah kepesertaan berakhir %s (%s)", domain.FormatDate(f.Claim.IncidentOn),
				domain.FormatDate(*f.Spell.End), strings.ToLower(f.Spell.Status.Label()))
		}
		return fmt.Sprintf("Kejadian %s, sebelum kepesertaan dimulai %s", domain.FormatDate(f.Claim.IncidentOn),
			domain.FormatDate(f.Spell.Start))
	case ReasonBenefitAmount:
		if f.Claim == nil {
			break
		}
		return fmt.Sprintf("Tercatat %s, manfaat standar %s (selisih %s)", f.Claim.Amount, f.Expected,
			f.Claim.Amount-f.Expected)
	case ReasonScholarshipPerYear:
		return fmt.Sprintf("Beasiswa dibayar lebih dari %d kali untuk peserta ini dalam tahun ajaran %s",
			claims.ScholarshipMaxChildren, SchoolYearLabel(f.SchoolYear))
	case ReasonScholarshipNote:
		return fmt.Sprintf("Keterangan menyebut anak ketiga atau berikutnya; beasiswa paling banyak untuk %d anak",
			claims.ScholarshipMaxChildren)
	case ReasonScholarshipTotal:
		return fmt.Sprintf("Jumlah beasiswa dibayar menjadi %s, melebihi batas %s", f.Total, claims.ScholarshipMaxTotal)
	}
	return f.Check.Title()
}

// nikMismatch says how the birth date and sex in the NIK differ from the record.
func (f Finding) nikMismatch() string {
	w := f.Worker
	var parts []string
	if born := w.BirthDate; !born.IsZero() {
		// Read the NIK's two-digit year in the century at or before the recorded year.
		if inNIK := w.NIK.BirthDateAt(born); !inNIK.IsZero() && !inNIK.Equal(born) {
			parts = append(parts, fmt.Sprintf("tanggal lahir di NIK %s, tercatat %s", domain.FormatDate(inNIK), domain.FormatDate(born)))
		}
	}
	if inNIK := w.NIK.Sex(); w.Sex != "" && inNIK != "" && inNIK != w.Sex {
		parts = append(parts, fmt.Sprintf("NIK menandai %s, tercatat %s",
			strings.ToLower(inNIK.Label()), strings.ToLower(w.Sex.Label())))
	}
	if len(parts) == 0 {
		return "NIK tidak cocok dengan data peserta"
	}
	return capitalize(strings.Join(parts, "; "))
}

// spellPhrase describes a spell for a sentence: "kepesertaan 1 April 2024 – 30 Juni 2024 (nonaktif)".
func spellPhrase(e registry.Enrollment) string {
	if e.End == nil {
		return "kepesertaan sejak " + domain.FormatDate(e.Start) + " yang masih berjalan"
	}
	return fmt.Sprintf("kepesertaan %s – %s (%s)", domain.FormatDate(e.Start), domain.FormatDate(*e.End), strings.ToLower(e.Status.Label()))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
