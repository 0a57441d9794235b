package laporan

import (
	"context"
	"strconv"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/notice"
)

// NotifyFollowUpsDue reminds the owners of each Pemda's open follow-up
// items that are due within 7 days of day asOf or overdue: a named owner
// is told in person, an item owned by BPJS goes to the BPJS users, and any
// other (Disnaker, BPKAD, Bappeda, kelurahan) to the administrators and
// Disnaker users, who coordinate them. Each item is told once while it is
// coming due and once when it is overdue, so a periodic job may call this
// as often as it likes. It returns how many notifications it wrote.
func (s *Service) NotifyFollowUpsDue(ctx context.Context, pemdas []string, asOf time.Time) (int, error) {
	total := 0
	for _, p := range pemdas {
		items, err := s.FollowUpsDue(ctx, p, asOf)
		if err != nil || len(items) == 0 {
			if err != nil {
				return total, err
			}
			continue
		}
		n, err := s.db.postFollowUpNotices(ctx, p, items, asOf)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// followUpNotice is the reminder of item f on day asOf.
func followUpNotice(pemda string, f FollowUpItem, asOf time.Time) notice.Notice {
	id := strconv.FormatInt(f.ID, 10)
	n := notice.Notice{Pemda: pemda, Kind: notice.FollowupDue, Link: "/followups/" + id,
		Body: f.Action + " (" + f.ReportTitle + "; penanggung jawab: " + f.OwnerLabel() + ")."}
	if f.Overdue(asOf) {
		n.Title, n.Once = "Tindak lanjut lewat tenggat "+domain.FormatDate(f.Due), "followup_overdue:"+id
	} else {
		n.Title, n.Once = "Tindak lanjut bertenggat "+domain.FormatDate(f.Due), "followup_soon:"+id
	}
	return n
}

// followUpRecipients are who is reminded of item f.
func followUpRecipients(f FollowUp) notice.To {
	switch {
	case f.OwnerKind == OwnerUser && f.OwnerUserID != 0:
		return notice.To{Users: []int64{f.OwnerUserID}}
	case f.OwnerKind == OwnerBPJS:
		return notice.To{Roles: []domain.Role{domain.RoleBPJS}}
	}
	return notice.To{Roles: []domain.Role{domain.RoleAdmin, domain.RoleDisnaker}}
}
