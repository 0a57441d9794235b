package laporan

import "github.com/cilegon/monev/internal/domain/domaintest"

var (
	testActor  = domaintest.Actor
	date       = domaintest.Date
	mustPeriod = domaintest.Period
)
