package postgres_test

import "github.com/cilegon/monev/internal/domain/domaintest"

var (
	testActor  = domaintest.Actor
	date       = domaintest.Date
	datePtr    = domaintest.DatePtr
	rupiahPtr  = domaintest.RupiahPtr
	mustMonth  = domaintest.Month
	mustPeriod = domaintest.Period
)
