package contributions

import (
	"context"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/notice"
)

// NotifyOverdue tells each Pemda's administrators and Disnaker users that
// a coverage month's iuran fell overdue, as the ledger stands on day asOf:
// once per month (a month paid and overdue again is not told twice), so a
// periodic job may call it as often as it likes. It returns how many
// notifications it wrote.
func (s *Service) NotifyOverdue(ctx context.Context, pemdas []string, asOf time.Time) (int, error) {
	total := 0
	for _, p := range pemdas {
		months, err := s.Overdue(ctx, p, asOf)
		if err != nil {
			return total, err
		}
		if len(months) == 0 {
			continue
		}
		n, err := s.db.notifyOverdue(ctx, p, months)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// overdueNotice is the notice of one overdue coverage month.
func overdueNotice(pemda string, m BillingMonth) notice.Notice {
	return notice.Notice{Pemda: pemda, Kind: notice.BillOverdue, Once: "bill_overdue:" + m.Month.String(),
		Title: "Iuran " + m.Month.Label() + " lewat jatuh tempo",
		Body: "Tagihan " + m.Billed().String() + ", terbayar " + m.Paid.String() + ", kurang " + m.Outstanding().String() +
			"; jatuh tempo " + domain.FormatDate(m.Due) + ".",
		Link: "/billing/" + m.Month.String()}
}
