package server

import (
	"errors"
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/web/components"
	"github.com/cilegon/monev/web/pages"
)

// dashboard is the Ringkasan page: the balance of the chosen period and
// basis, then month by month.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r)
	sel, err := s.selectPeriod(r.Context(), u.Pemda, r.URL.Query())
	status := http.StatusOK
	var bad *domain.ValueError
	if errors.As(err, &bad) {
		// Keep the page usable: show the message and the default period.
		sel, err = s.selectPeriod(r.Context(), u.Pemda, nil)
		sel.Notice, status = "Periode tidak valid: "+bad.Msg, http.StatusBadRequest
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	periods := append([]domain.Period{sel.Period}, sel.Period.Split(domain.ByMonth)...)
	series, err := s.db.BalanceSeries(r.Context(), u.Pemda, periods, sel.Basis)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, "Ringkasan", "dashboard", pages.Dashboard(pages.DashboardProps{
		Picker:  components.PeriodPicker{Action: "/", Period: sel.Period, Basis: sel.Basis, Years: sel.Years},
		Notice:  sel.Notice,
		Balance: series[0],
		Months:  series[1:],
	}))
}
