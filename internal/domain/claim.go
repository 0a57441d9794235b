package domain

import "strings"

// ClaimType is the benefit programme a claim is paid from.
type ClaimType string

// The claim types, coded as the import files and database store them.
const (
	ClaimJKM           ClaimType = "JKM"           // death not caused by work (Jaminan Kematian)
	ClaimJKKDeath      ClaimType = "JKK_MENINGGAL" // death from a work accident
	ClaimJKKDisability ClaimType = "JKK_CACAT"     // permanent disability from a work accident
	ClaimJKKCare       ClaimType = "JKK_PERAWATAN" // medical care and STMB after a work accident
	ClaimScholarship   ClaimType = "BEASISWA"      // children's scholarship after death or total disability
)

// ClaimTypes lists every claim type in reporting order.
var ClaimTypes = []ClaimType{ClaimJKM, ClaimJKKDeath, ClaimJKKDisability, ClaimJKKCare, ClaimScholarship}

// jkkPrefixes introduce a work-accident benefit in free text; the rest names which one.
var jkkPrefixes = []string{"jaminan kecelakaan kerja jkk ", "jaminan kecelakaan kerja ", "kecelakaan kerja ", "jkk "}

// jkkKinds maps what follows a JKK prefix to a claim type; all but the
// death ones are also understood without the prefix.
var jkkKinds = map[string]ClaimType{
	"meninggal":       ClaimJKKDeath,
	"meninggal dunia": ClaimJKKDeath,
	"kematian":        ClaimJKKDeath,

	"cacat":                ClaimJKKDisability,
	"cacat tetap":          ClaimJKKDisability,
	"cacat total":          ClaimJKKDisability,
	"cacat tetap total":    ClaimJKKDisability,
	"cacat total tetap":    ClaimJKKDisability,
	"cacat sebagian":       ClaimJKKDisability,
	"cacat tetap sebagian": ClaimJKKDisability,
	"cacat fungsi":         ClaimJKKDisability,

	"perawatan":                ClaimJKKCare,
	"perawatan dan stmb":       ClaimJKKCare,
	"perawatan stmb":           ClaimJKKCare,
	"stmb":                     ClaimJKKCare,
	"pengobatan":               ClaimJKKCare,
	"perawatan dan pengobatan": ClaimJKKCare,
}

// claimWords maps the remaining whole names, after normalizeLabel, to a claim type.
var claimWords = map[string]ClaimType{
	"jkm":                      ClaimJKM,
	"jaminan kematian":         ClaimJKM,
	"jaminan kematian jkm":     ClaimJKM,
	"santunan kematian":        ClaimJKM,
	"beasiswa":                 ClaimScholarship,
	"beasiswa pendidikan":      ClaimScholarship,
	"beasiswa anak":            ClaimScholarship,
	"beasiswa pendidikan anak": ClaimScholarship,
}

// ParseClaimType reads a claim type as a code in any case, with spaces or
// dashes for underscores ("jkk-meninggal", "JKK Meninggal"), or as an
// Indonesian name ("Jaminan Kematian", "Kecelakaan Kerja Meninggal",
// "Jaminan Kecelakaan Kerja - Meninggal", "Cacat Tetap", "JKK Perawatan",
// "Beasiswa Pendidikan Anak"). "JKK" or "meninggal" alone are ambiguous and rejected.
func ParseClaimType(s string) (ClaimType, error) {
	key := normalizeLabel(s)
	if t, ok := claimWords[key]; ok {
		return t, nil
	}
	if t, ok := jkkKinds[key]; ok && t != ClaimJKKDeath {
		return t, nil
	}
	for _, p := range jkkPrefixes {
		if rest, ok := strings.CutPrefix(key, p); ok {
			if t, ok := jkkKinds[rest]; ok {
				return t, nil
			}
		}
	}
	if key == "" {
		return "", Invalidf("jenis klaim belum diisi; gunakan JKM, JKK_MENINGGAL, JKK_CACAT, JKK_PERAWATAN atau BEASISWA")
	}
	return "", Invalidf("jenis klaim tidak valid: %s; gunakan JKM, JKK_MENINGGAL, JKK_CACAT, JKK_PERAWATAN atau BEASISWA", Quote(s))
}

// Name returns the full Indonesian name of the claim type, such as "Jaminan Kematian (JKM)" or "JKK – meninggal dunia".
func (c ClaimType) Name() string {
	switch c {
	case ClaimJKM:
		return "Jaminan Kematian (JKM)"
	case ClaimJKKDeath:
		return "JKK \u2013 meninggal dunia"
	case ClaimJKKDisability:
		return "JKK \u2013 cacat"
	case ClaimJKKCare:
		return "JKK \u2013 perawatan dan STMB"
	case ClaimScholarship:
		return "Beasiswa pendidikan anak"
	}
	return string(c)
}

// ShortName returns the name for table headers and chart legends, such as "JKM" or "JKK meninggal".
func (c ClaimType) ShortName() string {
	switch c {
	case ClaimJKM:
		return "JKM"
	case ClaimJKKDeath:
		return "JKK meninggal"
	case ClaimJKKDisability:
		return "JKK cacat"
	case ClaimJKKCare:
		return "JKK perawatan"
	case ClaimScholarship:
		return "Beasiswa"
	}
	return string(c)
}

// IsDeath reports whether the claim is paid because the worker died, so it needs an heir (ahli waris).
func (c ClaimType) IsDeath() bool { return c == ClaimJKM || c == ClaimJKKDeath }

// ClaimStatus is where a claim stands in BPJS's process.
type ClaimStatus string

// The claim statuses; only paid claims count in balances.
const (
	ClaimSubmitted  ClaimStatus = "diajukan" // submitted to BPJS
	ClaimProcessing ClaimStatus = "diproses" // being verified
	ClaimPaid       ClaimStatus = "dibayar"  // paid to the worker or heir
	ClaimRejected   ClaimStatus = "ditolak"  // rejected
)

// ClaimStatuses lists every claim status in process order.
var ClaimStatuses = []ClaimStatus{ClaimSubmitted, ClaimProcessing, ClaimPaid, ClaimRejected}

// ParseClaimStatus reads a claim status in any case, also "lunas" or
// "sudah dibayar" (paid), "proses" or "dalam proses" (processing), "tolak"
// (rejected); "" means ClaimPaid, since imported claims are usually paid ones.
func ParseClaimStatus(s string) (ClaimStatus, error) {
	switch normalizeLabel(s) {
	case "", "dibayar", "sudah dibayar", "dibayarkan", "lunas", "bayar", "paid":
		return ClaimPaid, nil
	case "diproses", "proses", "dalam proses", "sedang diproses", "processing":
		return ClaimProcessing, nil
	case "diajukan", "pengajuan", "ajukan", "submitted":
		return ClaimSubmitted, nil
	case "ditolak", "tolak", "rejected":
		return ClaimRejected, nil
	}
	return "", Invalidf("status klaim tidak valid: %s; gunakan diajukan, diproses, dibayar atau ditolak", Quote(s))
}

// Label returns the Indonesian label: "Diajukan", "Diproses", "Dibayar" or "Ditolak".
func (s ClaimStatus) Label() string {
	switch s {
	case ClaimSubmitted:
		return "Diajukan"
	case ClaimProcessing:
		return "Diproses"
	case ClaimPaid:
		return "Dibayar"
	case ClaimRejected:
		return "Ditolak"
	}
	return ""
}
