package sheet_test

import (
	"testing"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
)

// claimCSV is a claim file whose one row is the base row with the given
// columns changed; the separator is a semicolon.
func claimCSV(changes ...string) []byte {
	return oneRowCSV([]string{"no_klaim", "nik", "jenis_klaim", "tanggal_kejadian", "tanggal_pengajuan", "tanggal_bayar",
		"nominal", "status", "ahli_waris", "keterangan"},
		map[string]string{"no_klaim": "KLM-001", "nik": nikMan, "jenis_klaim": "JKM", "tanggal_kejadian": "03/05/2024",
			"tanggal_pengajuan": "10/05/2024", "tanggal_bayar": "24/05/2024", "nominal": "42.000.000", "status": "dibayar",
			"ahli_waris": "Budi Santoso", "keterangan": ""}, changes)
}

func TestClaimValuesAccepted(t *testing.T) {
	tests := []accepted[claims.Claim]{
		{"base row", nil, func(x claims.Claim) bool {
			return x.No == "KLM-001" && x.NIK == nikMan && x.WorkerID == 0 && x.Type == domain.ClaimJKM &&
				x.IncidentOn.Equal(day(2024, 5, 3)) && x.SubmittedOn.Equal(day(2024, 5, 10)) &&
				x.PaidOn.Equal(day(2024, 5, 24)) && x.Amount == 42_000_000 && x.Status == domain.ClaimPaid &&
				x.Beneficiary == "Budi Santoso"
		}},
		{"type code", []string{"jenis_klaim", "JKK_MENINGGAL"}, func(x claims.Claim) bool { return x.Type == domain.ClaimJKKDeath }},
		{"type with spaces", []string{"jenis_klaim", "jkk cacat"}, func(x claims.Claim) bool { return x.Type == domain.ClaimJKKDisability }},
		{"type with dashes", []string{"jenis_klaim", "JKK-Perawatan"}, func(x claims.Claim) bool { return x.Type == domain.ClaimJKKCare }},
		{"type in words", []string{"jenis_klaim", "Jaminan Kematian"}, func(x claims.Claim) bool { return x.Type == domain.ClaimJKM }},
		{"type scholarship", []string{"jenis_klaim", "Beasiswa"}, func(x claims.Claim) bool { return x.Type == domain.ClaimScholarship }},
		{"status default", []string{"status", ""}, func(x claims.Claim) bool { return x.Status == domain.ClaimPaid }},
		{"submitted without payment", []string{"status", "diajukan", "tanggal_bayar", ""},
			func(x claims.Claim) bool { return x.Status == domain.ClaimSubmitted && x.PaidOn.IsZero() }},
		{"rejected", []string{"status", "Ditolak", "tanggal_bayar", "", "nominal", "0"},
			func(x claims.Claim) bool { return x.Status == domain.ClaimRejected && x.Amount == 0 }},
		{"no submission date", []string{"tanggal_pengajuan", ""}, func(x claims.Claim) bool { return x.SubmittedOn.IsZero() }},
		{"paid on the incident day", []string{"tanggal_bayar", "3 Mei 2024"}, func(x claims.Claim) bool { return x.PaidOn.Equal(day(2024, 5, 3)) }},
		{"amount with Rp", []string{"nominal", "Rp 42.000.000"}, func(x claims.Claim) bool { return x.Amount == 42_000_000 }},
		{"nik after an apostrophe", []string{"nik", "'" + nikMan}, func(x claims.Claim) bool { return x.NIK == nikMan }},
	}
	testAccepted(t, kinds.Claims, claimCSV, tests)
}

func TestClaimValuesRejected(t *testing.T) {
	tests := []rejected{
		{"nik missing", []string{"nik", ""}, "nik", "NIK belum diisi"},
		{"nik as an Excel number", []string{"nik", "3,67203E+15"}, "nik", "format kolom nik sebagai Teks"},
		{"type missing", []string{"jenis_klaim", ""}, "jenis_klaim", "jenis klaim belum diisi"},
		{"type ambiguous", []string{"jenis_klaim", "JKK"}, "jenis_klaim", "jenis klaim tidak valid"},
		{"incident missing", []string{"tanggal_kejadian", ""}, "tanggal_kejadian", "tanggal belum diisi"},
		{"submitted before incident", []string{"tanggal_pengajuan", "01/05/2024"}, "tanggal_pengajuan",
			"tanggal pengajuan 1 Mei 2024 tidak boleh sebelum tanggal kejadian 3 Mei 2024"},
		{"paid before incident", []string{"tanggal_bayar", "02/05/2024"}, "tanggal_bayar", "tidak boleh sebelum tanggal kejadian"},
		{"paid without payment date", []string{"tanggal_bayar", ""}, "tanggal_bayar", "wajib diisi bila status dibayar"},
		{"default status needs payment date", []string{"status", "", "tanggal_bayar", ""}, "tanggal_bayar", "wajib diisi bila status dibayar"},
		{"amount missing", []string{"nominal", ""}, "nominal", "nilai rupiah belum diisi"},
		{"amount negative", []string{"nominal", "-5"}, "nominal", "tidak boleh negatif"},
		{"amount near int64's limit", []string{"nominal", "9.223.372.036.854.775.807"}, "nominal",
			"nilai rupiah terlalu besar: \"9.223.372.036.854.775.807\"; paling banyak Rp 1.000.000.000.000"},
		{"status unknown", []string{"status", "selesai"}, "status", "status klaim tidak valid"},
	}
	testRejected(t, kinds.Claims, claimCSV, tests)
}
