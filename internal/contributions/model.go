package contributions

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Contribution is one payment of iuran to BPJS for a coverage month.
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
