package analysis

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Selection is the period and basis a figure page or API call asks for.
type Selection struct {
	Period domain.Period
	Basis  domain.Basis
	Years  []int  // years with data, newest first
	Notice string // why the period shown is not the one expected
}

// Select reads period (or from and to) and basis from a query, the
// same parameters for pages and the API. Without a period it takes the
// current year (of now), or the latest year with data when the current one has none.
//
// Pages need the years with data for their quick links (chips); the API
// looks them up only when it has to choose the default year.
func (s *Service) Select(ctx context.Context, pemda string, q url.Values, chips bool, now time.Time) (Selection, error) {
	var sel Selection
	var err error
	if sel.Basis, err = domain.ParseBasis(q.Get("basis")); err != nil {
		return sel, err
	}
	explicit := q.Get("period") != "" || q.Get("from") != "" || q.Get("to") != ""
	if chips || !explicit {
		if sel.Years, err = s.db.dataYears(ctx, pemda); err != nil {
			return sel, err
		}
	}
	switch {
	case q.Get("period") != "":
		sel.Period, err = domain.ParsePeriod(q.Get("period"))
	case q.Get("from") != "" || q.Get("to") != "":
		if q.Get("from") == "" || q.Get("to") == "" {
			return sel, &domain.ValueError{Msg: "isi bulan awal (from) dan bulan akhir (to)"}
		}
		sel.Period, err = domain.PeriodFromTo(q.Get("from"), q.Get("to"))
	default:
		year := now.Year()
		if len(sel.Years) > 0 && !slices.Contains(sel.Years, year) {
			sel.Notice = fmt.Sprintf("Belum ada data untuk tahun %d; ditampilkan tahun %d, tahun terakhir yang memiliki data.", year, sel.Years[0])
			year = sel.Years[0]
		}
		sel.Period = domain.YearPeriod(year)
	}
	return sel, err
}
