package claims_test

import (
	"testing"

	"github.com/cilegon/monev/internal/domain/domaintest"
	"github.com/cilegon/monev/internal/platform/pgdev"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

var (
	testActor  = domaintest.Actor
	date       = domaintest.Date
	datePtr    = domaintest.DatePtr
	rupiahPtr  = domaintest.RupiahPtr
	mustMonth  = domaintest.Month
	mustPeriod = domaintest.Period
)
