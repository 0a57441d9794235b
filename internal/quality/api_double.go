package quality

import (
	"net/http"
	"net/url"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/wilayah"
)

// DoubleFundingPeriod reads period= (or from= and to=) of a double-funding
// look-up; without them, the year of now.
func DoubleFundingPeriod(q url.Values, now time.Time) (domain.Period, error) {
	switch {
	case q.Get("period") != "":
		return domain.ParsePeriod(q.Get("period"))
	case q.Get("from") != "" || q.Get("to") != "":
		return domain.PeriodFromTo(q.Get("from"), q.Get("to"))
	}
	return domain.YearPeriod(now.Year()), nil
}

// Scope is the Pemda a user's cross-Pemda look-ups cover: the scope, or
// the Pemda of the request for a user without one.
func Scope(u domain.User) []string {
	if len(u.Scope) == 0 {
		return []string{u.Pemda}
	}
	return u.Scope
}

type doubleFundingPemdaJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type doubleFundingJSON struct {
	NIK    string                   `json:"nik"`
	Pemda  []doubleFundingPemdaJSON `json:"pemda"`
	Months []string                 `json:"months"`
}

// DoubleFunding is GET /api/v1/quality/double-funding?period=…: the NIKs
// covered by two or more Pemda of the caller's scope in the same months,
// the NIK masked for a role that does not see it in full.
func (s *API) DoubleFunding(w http.ResponseWriter, r *http.Request) {
	p, err := DoubleFundingPeriod(r.URL.Query(), s.Now())
	if err != nil {
		s.FailInput(w, r, "invalid period", err)
		return
	}
	u := httpx.User(r)
	found, err := s.svc.DoubleFunding(r.Context(), Scope(u), p)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	items := make([]doubleFundingJSON, 0, len(found))
	for _, d := range found {
		it := doubleFundingJSON{NIK: string(d.NIK)}
		if !u.Role.SeesFullNIK() {
			it.NIK = d.NIK.Masked()
		}
		for _, code := range d.Pemdas {
			dotted, _ := wilayah.ParseCode(code)
			it.Pemda = append(it.Pemda, doubleFundingPemdaJSON{Code: dotted, Name: s.PemdaName(r.Context(), code)})
		}
		for _, m := range d.Months {
			it.Months = append(it.Months, m.String())
		}
		items = append(items, it)
	}
	httpx.WriteJSON(w, http.StatusOK, map[string]any{"period": p.String(), "label": p.Label(), "items": items})
}
