package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// endedSpellsShown caps the list of workers possibly still billed.
const endedSpellsShown = 500

// analysisReconciliationMonth shows one coverage month of the reconciliation
// with the spells that ended in the three months before it.
func (s *Handlers) analysisReconciliationMonth(w http.ResponseWriter, r *http.Request) {
	m, err := domain.ParseMonth(r.PathValue("month"))
	if err != nil {
		s.RenderError(w, r, http.StatusNotFound)
		return
	}
	u := httpx.User(r)
	months, err := s.svc.Reconciliation(r.Context(), u.Pemda, domain.MonthPeriod(m))
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	p := ReconMonthProps{Month: months[0], Today: s.Now(), EndedFrom: m.Add(-3).First(), EndedTo: m.Add(-1).Last(),
		Persons: u.Role.SeesPersons(), BackHref: "/analysis/reconciliation?period=" + domain.YearPeriod(m.Year()).String()}
	if p.Persons {
		if p.Ended, err = s.svc.EndedSpells(r.Context(), u.Pemda, p.EndedFrom, p.EndedTo, endedSpellsShown); err != nil {
			s.Fail(w, r, err)
			return
		}
	}
	s.Render(w, r, http.StatusOK, "Rekonsiliasi "+m.Label(), "analysis", AnalysisReconciliationMonth(p))
}
