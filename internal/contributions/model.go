package contributions

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Contribution is one payment of iuran to BPJS for a coverage month, or a
// bill for the month not paid yet (PaidOn zero, Paid 0, Billed set).
type Contribution struct {
	ID            int64
	CoverageMonth domain.Month
	Participants  *int64         // jumlah peserta on the bill, when known
	Billed        *domain.Rupiah // tagihan, when known
	Paid          domain.Rupiah  // dibayar
	PaidOn        time.Time
	SP2D          string // payment order number, may be empty
	Note          string
}

// Unpaid reports whether the row records a bill not paid yet.
func (c Contribution) Unpaid() bool { return c.PaidOn.IsZero() }
