package registry

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Candidate is a person on the waiting list (daftar tunggu) for a quota of
// a category in a kelurahan, proposed on a day with a priority (1 first,
// e.g. DTSEN desil 1) and its source.
type Candidate struct {
	ID            int64
	NIK           domain.NIK
	Name          string
	CategoryCode  string
	KelurahanCode string
	Priority      int
	Source        string
	ProposedOn    time.Time
	WorkerID      int64 // set once chosen and enrolled
}

// Replacement is a freed quota refilled: the worker whose spell ended, the
// one who took the quota and the day their coverage started.
type Replacement struct {
	ID            int64
	CategoryCode  string
	KelurahanCode string
	Freed         Person // whose spell ended
	FreedEnd      time.Time
	FreedStatus   domain.EnrollmentStatus
	New           Person // who replaced them
	NewStart      time.Time
	Source        string // the candidate's priority source
	ChosenBy      string
	ChosenAt      time.Time
}

// Person is a worker as a replacement names them.
type Person struct {
	ID   int64
	NIK  domain.NIK
	Name string
}

// QuotaUse is a category's workers covered on a day against its target.
type QuotaUse struct {
	CategoryCode string
	Covered      int64
	Target       int64 // 0 when no target is set
	Waiting      int64 // candidates still waiting
}
