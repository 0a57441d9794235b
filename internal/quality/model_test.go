package quality_test

import (
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/quality"
	"github.com/cilegon/monev/internal/registry"
)

func TestQualityChecksAreDescribed(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range quality.Checks {
		got, err := quality.ParseCheck(string(c))
		if err != nil || got != c {
			t.Errorf("ParseCheck(%q) = %q, %v", c, got, err)
		}
		title, def := c.Title(), c.Definition()
		if title == string(c) || seen[title] || !strings.HasSuffix(def, ".") || len(c.Details()) == 0 {
			t.Errorf("%s: title %q, definition %q, %d details", c, title, def, len(c.Details()))
		}
		seen[title] = true
	}
	if _, err := quality.ParseCheck("INVALID_NIK"); err == nil {
		t.Error("check codes are exact")
	}
	if !strings.Contains(quality.CheckScholarshipExcess.Definition(), "Rp 174.000.000") {
		t.Error("the scholarship definition should name the limit from ScholarshipMaxTotal")
	}
}

func TestQualityFindingProblem(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return domain.Date(y, m, day) }
	end := d(2024, time.June, 30)
	claim := &claims.Claim{No: "K1", Type: domain.ClaimJKKCare, IncidentOn: d(2024, time.August, 17), Amount: 24_000_000}
	tests := []struct {
		f    quality.Finding
		want string
	}{
		{quality.Finding{Reason: quality.ReasonNIKInvalid, Worker: registry.Worker{NIK: "0972012902240001"}},
			"Kode provinsi pada digit 1–2 tidak valid"},
		{quality.Finding{Reason: quality.ReasonNIKMismatch, Worker: registry.Worker{NIK: "3672015708900012",
			BirthDate: d(1990, time.August, 18), Sex: domain.SexMale}},
			"Tanggal lahir di NIK 17 Agustus 1990, tercatat 18 Agustus 1990; NIK menandai perempuan, tercatat laki-laki"},
		{quality.Finding{Reason: quality.ReasonSameKPJ, Worker: registry.Worker{KPJ: "21234567890"},
			Others: []registry.Worker{{ID: 2}, {ID: 3}}}, "Nomor KPJ 21234567890 juga tercatat pada 2 peserta lain"},
		{quality.Finding{Reason: quality.ReasonSpellAfterDeath, DiedOn: d(2024, time.March, 10),
			Spell: &registry.Enrollment{Start: d(2024, time.April, 1), End: &end, Status: domain.StatusInactive}},
			"Meninggal 10 Maret 2024, tetapi tercatat kepesertaan 1 April 2024 – 30 Juni 2024 (nonaktif)"},
		{quality.Finding{Reason: quality.ReasonClaimAfterDeath, DiedOn: d(2024, time.March, 10), Claim: claim},
			"Meninggal 10 Maret 2024, tetapi ada klaim JKK perawatan dengan tanggal kejadian 17 Agustus 2024"},
		{quality.Finding{Reason: quality.ReasonBenefitAmount, Claim: claim, Expected: 42_000_000},
			"Tercatat Rp 24.000.000, manfaat standar Rp 42.000.000 (selisih −Rp 18.000.000)"},
		{quality.Finding{Reason: quality.ReasonScholarshipNote},
			"Keterangan menyebut anak ketiga atau berikutnya; beasiswa paling banyak untuk 2 anak"},
		// Facts missing from a finding fall back to the check's title.
		{quality.Finding{Check: quality.CheckClaimOutsideCoverage, Reason: quality.ReasonOutsideSpell},
			"Klaim di luar masa kepesertaan"},
	}
	for _, tt := range tests {
		if got := tt.f.Problem(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.f.Reason, got, tt.want)
		}
	}
	if got := quality.SchoolYearLabel(2024); got != "2024/2025" {
		t.Errorf("SchoolYearLabel(2024) = %q", got)
	}
}
