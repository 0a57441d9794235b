package contributions

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// BillLine is one line of BPJS's bill (tagihan) for a coverage month: a
// participant as BPJS knows them, by KPJ, NIK and name, with the income
// BPJS has on file and the iuran billed, split into JKK and JKM when the
// bill says. Lines are matched to the registry by NIK, and else by KPJ,
// when they are read, so a correction of the registry counts at once.
type BillLine struct {
	ID       int64
	Month    domain.Month
	BillNo   string // the bill's number; "" when the file names none
	Line     int    // the line's place in its bill
	KPJ      string
	NIK      domain.NIK
	Name     string
	Income   *domain.Rupiah // upah, when the bill gives it
	Amount   domain.Rupiah  // iuran
	JKK, JKM *domain.Rupiah // the parts, when the bill gives them
	Note     string
	// WorkerID is the registered worker the line names, 0 when none;
	// filled when lines are read for a page.
	WorkerID int64
}

// Bill is the lines of one coverage month under one bill number, as a list
// shows them.
type Bill struct {
	Month    domain.Month
	BillNo   string
	Lines    int64
	Amount   domain.Rupiah
	Imported time.Time // when its lines were last written
}
