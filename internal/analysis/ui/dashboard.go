package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/components"
)

// dashboard is the Ringkasan page: the balance of the chosen period and
// basis, month by month, with the claims by type, the comparison with a
// year earlier and the claims still in process.
func (s *Handlers) dashboard(w http.ResponseWriter, r *http.Request) {
	sel, status, err := s.pageSelection(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	report, err := s.svc.BalanceView(r.Context(), httpx.User(r).Pemda, sel.Period, sel.Basis, domain.ByMonth)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	today := domain.Date(s.Now().In(domain.WIB).Date())
	overdue, err := s.svc.Overdue(r.Context(), httpx.User(r).Pemda, today)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	var notices []components.Notice
	if s.Notices != nil {
		if notices, err = s.Notices(r.Context(), httpx.User(r), today); err != nil {
			s.Fail(w, r, err)
			return
		}
	}
	s.Render(w, r, status, "Ringkasan", "dashboard", Dashboard(DashboardProps{
		Notices: notices,
		Picker:  components.PeriodPicker{Action: "/", Period: sel.Period, Basis: sel.Basis, Years: sel.Years},
		Notice:  sel.Notice,
		Report:  report,
		Today:   today,
		Overdue: overdue,
	}))
}
