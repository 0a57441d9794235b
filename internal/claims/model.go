package claims

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Claim is one benefit claim of a worker.
type Claim struct {
	ID          int64
	No          string // BPJS claim number, may be empty
	WorkerID    int64
	NIK         domain.NIK // the worker's, for display and import
	WorkerName  string     // for display
	Type        domain.ClaimType
	IncidentOn  time.Time
	SubmittedOn time.Time // zero when unknown
	PaidOn      time.Time // zero until paid
	Amount      domain.Rupiah
	Status      domain.ClaimStatus
	Beneficiary string // ahli waris
	Note        string
}
