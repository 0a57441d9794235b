package analysis

import (
	"net/http"
	"strconv"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// budgetJSON is the budget of a fiscal year as of a day: the pagu in force
// (null without one), the realisasi by SP2D date through as_of, what the
// coverage months due in the year still owe, the projection to the year's
// end, and absorption and projected absorption (null without a pagu).
type budgetJSON struct {
	Year                int      `json:"year"`
	AsOf                string   `json:"as_of"`
	Pagu                *int64   `json:"pagu"`
	PaguLabel           string   `json:"pagu_label"`
	Realisasi           int64    `json:"realisasi"`
	StillOwed           int64    `json:"still_owed"`
	OwingMonths         int      `json:"owing_months"`
	Projection          int64    `json:"projection"`
	Absorption          *float64 `json:"absorption"`
	ProjectedAbsorption *float64 `json:"projected_absorption"`
	Remaining           *int64   `json:"remaining"`
}

// Budget is GET /api/v1/budget?year=YYYY[&as_of=YYYY-MM-DD]; as_of
// defaults to today, the year to as_of's.
func (s *API) Budget(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	y, m, d := s.Now().In(domain.WIB).Date()
	asOf := domain.Date(y, m, d)
	if v := q.Get("as_of"); v != "" {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			s.FailInput(w, r, "invalid as_of", &domain.ValueError{Msg: "tanggal as_of tidak valid: " + domain.Quote(v)})
			return
		}
		asOf = t
	}
	year := asOf.Year()
	if v := q.Get("year"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 2000 || n > 2100 {
			s.FailInput(w, r, "invalid year", &domain.ValueError{Msg: "tahun tidak valid: " + domain.Quote(v)})
			return
		}
		year = n
	}
	through := min(domain.MonthOf(asOf), domain.NewMonth(year, time.December))
	v, err := s.svc.BudgetView(r.Context(), httpx.User(r).Pemda, year, through, asOf)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	out := budgetJSON{Year: year, AsOf: asOf.Format(time.DateOnly), Realisasi: int64(v.SoFar), StillOwed: int64(v.StillOwed()),
		OwingMonths: v.OwingMonths(), Projection: int64(v.Projection())}
	if v.Closed() {
		out.Realisasi = int64(v.Realized())
	}
	if pagu, ok := v.Ceiling(); ok {
		ceiling, remaining := int64(pagu.Ceiling), int64(v.Remaining())
		out.Pagu, out.PaguLabel, out.Remaining = &ceiling, pagu.Label, &remaining
		out.Absorption = ratioJSON(domain.Ratio{Num: out.Realisasi, Den: ceiling})
		out.ProjectedAbsorption = ratioJSON(v.ProjectedAbsorption())
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
