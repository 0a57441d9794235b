package demo

import (
	"context"
	"slices"
	"testing"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/quality"
	"github.com/cilegon/monev/internal/settings"
)

// TestDemoDataQuality pins what the data-quality page shows on the demo:
// the rejected claim of a worker whose coverage had ended, a worker
// enrolled again under a mistyped NIK and a KPJ copied from the row above.
func TestDemoDataQuality(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	if err := Load(ctx, db, testActor); err != nil {
		t.Fatal(err)
	}
	res, err := quality.NewService(db, settings.NewService(db)).Summary(ctx, domain.DefaultPemda, 10)
	if err != nil {
		t.Fatal(err)
	}
	var counts []int64
	for _, r := range res {
		counts = append(counts, r.Count)
	}
	if want := []int64{0, 2, 0, 1, 0, 0}; !slices.Equal(counts, want) {
		t.Fatalf("counts by check %v, want %v", counts, want)
	}
	reasons := map[quality.Reason]bool{}
	for _, f := range res[1].Findings {
		reasons[f.Reason] = true
		if len(f.Others) != 1 || f.Others[0].NIK == f.Worker.NIK {
			t.Errorf("%s: %+v", f.Reason, f.Others)
		}
	}
	if !reasons[quality.ReasonSameNameBirth] || !reasons[quality.ReasonSameKPJ] {
		t.Errorf("duplicates found: %v", reasons)
	}
	if c := res[3].Findings[0].Claim; c.Status != domain.ClaimRejected || c.Type != domain.ClaimJKM {
		t.Errorf("claim outside coverage: %+v", c)
	}
}
