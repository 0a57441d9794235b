package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/quality"
)

// qualityPerPage is how many findings one page of a check lists.
const qualityPerPage = 50

// check is one data-quality check: its full definition and every
// finding, paged: /quality/invalid_nik?page=2.
func (s *Handlers) check(w http.ResponseWriter, r *http.Request) {
	check, err := quality.ParseCheck(r.PathValue("check"))
	if err != nil {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	u := httpx.User(r)
	page := httpx.PageNumber(r)
	res, err := s.svc.Check(r.Context(), u.Pemda, check, (page-1)*qualityPerPage, qualityPerPage)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	props := CheckProps{Result: res, Page: page, PerPage: qualityPerPage, FullNIK: u.Role.SeesFullNIK()}
	if check == quality.CheckBenefitAmount {
		benefits, err := s.svc.Benefits(r.Context(), u.Pemda)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		for _, b := range benefits {
			if b.Fixed {
				props.Benefits = append(props.Benefits, b)
			}
		}
	}
	s.Render(w, r, http.StatusOK, check.Title(), "quality", CheckPage(props))
}
