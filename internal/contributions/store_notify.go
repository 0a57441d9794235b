package contributions

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/notice"
)

// notifyOverdue posts the notice of each month to the Pemda's
// administrators and Disnaker users.
func (db *store) notifyOverdue(ctx context.Context, pemda string, months []BillingMonth) (int, error) {
	total := 0
	err := db.InTx(ctx, func(tx pgx.Tx) error {
		for _, m := range months {
			n, err := notice.Post(ctx, tx, overdueNotice(pemda, m),
				notice.To{Roles: []domain.Role{domain.RoleAdmin, domain.RoleDisnaker}})
			if err != nil {
				return err
			}
			total += n
		}
		return nil
	})
	return total, database.MapError("notify overdue", err)
}
