package sheet_test

import (
	"testing"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
)

// contributionCSV is a contribution file whose one row is the base row with
// the given columns changed; the separator is a semicolon.
func contributionCSV(changes ...string) []byte {
	return oneRowCSV([]string{"periode", "jumlah_peserta", "tagihan", "dibayar", "tanggal_bayar", "no_sp2d", "keterangan"},
		map[string]string{"periode": "2024-01", "jumlah_peserta": "4.143", "tagihan": "69.602.400", "dibayar": "69.602.400",
			"tanggal_bayar": "15/02/2024", "no_sp2d": "0123/SP2D/LS/2024", "keterangan": "Iuran Januari"}, changes)
}

func TestContributionValuesAccepted(t *testing.T) {
	jan := domain.NewMonth(2024, 1)
	tests := []accepted[contributions.Contribution]{
		{"month ISO", nil, func(x contributions.Contribution) bool { return x.CoverageMonth == jan }},
		{"month with slash", []string{"periode", "01/2024"}, func(x contributions.Contribution) bool { return x.CoverageMonth == jan }},
		{"month in words", []string{"periode", "Januari 2024"}, func(x contributions.Contribution) bool { return x.CoverageMonth == jan }},
		{"participants grouped", nil, func(x contributions.Contribution) bool { return *x.Participants == 4143 }},
		{"participants plain", []string{"jumlah_peserta", "4143"}, func(x contributions.Contribution) bool { return *x.Participants == 4143 }},
		{"participants zero", []string{"jumlah_peserta", "0"}, func(x contributions.Contribution) bool { return *x.Participants == 0 }},
		{"participants unknown", []string{"jumlah_peserta", ""}, func(x contributions.Contribution) bool { return x.Participants == nil }},
		{"billed unknown", []string{"tagihan", ""}, func(x contributions.Contribution) bool { return x.Billed == nil }},
		{"billed plain", []string{"tagihan", "16800"}, func(x contributions.Contribution) bool { return *x.Billed == 16_800 }},
		{"paid grouped", nil, func(x contributions.Contribution) bool { return x.Paid == 69_602_400 }},
		{"paid with Rp", []string{"dibayar", "Rp 16.800"}, func(x contributions.Contribution) bool { return x.Paid == 16_800 }},
		{"paid with zero cents", []string{"dibayar", "16.800,00"}, func(x contributions.Contribution) bool { return x.Paid == 16_800 }},
		{"paid zero", []string{"dibayar", "0"}, func(x contributions.Contribution) bool { return x.Paid == 0 }},
		{"paid on", []string{"tanggal_bayar", "2024-02-15"}, func(x contributions.Contribution) bool { return x.PaidOn.Equal(day(2024, 2, 15)) }},
		{"texts", nil, func(x contributions.Contribution) bool {
			return x.SP2D == "0123/SP2D/LS/2024" && x.Note == "Iuran Januari"
		}},
		{"no texts", []string{"no_sp2d", "", "keterangan", ""}, func(x contributions.Contribution) bool { return x.SP2D == "" && x.Note == "" }},
		{"a bill not paid yet", []string{"dibayar", "", "tanggal_bayar", "", "no_sp2d", ""}, func(x contributions.Contribution) bool {
			return x.Unpaid() && x.Paid == 0 && *x.Billed == 69_602_400
		}},
	}
	testAccepted(t, kinds.Contributions, contributionCSV, tests)
}

func TestContributionValuesRejected(t *testing.T) {
	tests := []rejected{
		{"month missing", []string{"periode", ""}, "periode", "bulan belum diisi"},
		{"month invalid", []string{"periode", "13/2024"}, "periode", "bulan tidak valid"},
		{"participants decimal", []string{"jumlah_peserta", "4,5"}, "jumlah_peserta", "jumlah peserta tidak valid"},
		{"participants badly grouped", []string{"jumlah_peserta", "41.43"}, "jumlah_peserta", "jumlah peserta tidak valid"},
		{"participants negative", []string{"jumlah_peserta", "-1"}, "jumlah_peserta", "jumlah peserta tidak valid"},
		{"billed with cents", []string{"tagihan", "16.800,50"}, "tagihan", "rupiah bulat"},
		{"paid missing", []string{"dibayar", ""}, "dibayar", "nilai rupiah belum diisi"},
		{"paid negative", []string{"dibayar", "-16.800"}, "dibayar", "tidak boleh negatif"},
		{"paid ambiguous", []string{"dibayar", "16.80"}, "dibayar", "nilai rupiah tidak valid"},
		{"paid on missing", []string{"tanggal_bayar", ""}, "tanggal_bayar", "tanggal belum diisi"},
		{"paid on invalid", []string{"tanggal_bayar", "15/13/2024"}, "tanggal_bayar", "tanggal tidak valid"},
		{"neither paid nor billed", []string{"dibayar", "", "tanggal_bayar", "", "tagihan", "", "no_sp2d", ""}, "dibayar",
			"atau tagihan bila iuran belum dibayar"},
		{"an unpaid bill with an SP2D", []string{"dibayar", "", "tanggal_bayar", ""}, "no_sp2d", "tidak punya SP2D"},
	}
	testRejected(t, kinds.Contributions, contributionCSV, tests)
}
