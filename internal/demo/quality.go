package demo

import (
	"fmt"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
)

// plantQualityProblems adds two mistakes real registries hold, so that the
// data-quality page has something to find besides the rejected claim of a
// worker whose coverage had ended: a worker who left and was later enrolled
// again as a new worker under a NIK with two serial digits swapped, and a
// KPJ copied from the row above during data entry. Both only rewrite
// identity fields of workers without claims: no spell, payment or claim
// changes, so the roster and the meeting's figures stay exactly as they are.
// They use no random numbers, so the rest of the demo is unchanged too.
func (g *gen) plantQualityProblems(claims []claims.Claim) error {
	claimed := map[int64]bool{}
	for _, c := range claims {
		claimed[c.WorkerID] = true
	}
	free := func(w int) bool { return !claimed[g.workers[w].ID] && len(g.workers[w].Enrollments) == 1 }

	again := -1
	for _, s := range g.seats {
		for i := 1; i < len(s.workers) && again < 0; i++ {
			left, next := s.workers[i-1], s.workers[i]
			if es := g.workers[left].Enrollments; free(left) && free(next) && es[0].Status == domain.StatusInactive {
				g.reenrollAs(next, left)
				again = next
			}
		}
	}
	if again < 0 {
		return fmt.Errorf("demo: no seat to plant a worker enrolled twice")
	}
	for w := 1; w < len(g.workers); w++ {
		above, row := g.workers[w-1], g.workers[w]
		if w-1 != again && w != again && free(w-1) && free(w) &&
			above.KelurahanCode == row.KelurahanCode && above.CategoryCode == row.CategoryCode {
			g.workers[w].KPJ = above.KPJ
			return nil
		}
	}
	return fmt.Errorf("demo: no pair of rows to plant a copied KPJ")
}

// reenrollAs makes worker w the same person as worker old: the same name,
// birth date, sex and address, with old's NIK mistyped (serial digits
// swapped, or the serial one higher when swapping changes nothing).
func (g *gen) reenrollAs(w, old int) {
	o := g.workers[old]
	n := []byte(o.NIK)
	n[12], n[13] = n[13], n[12]
	for g.niks[domain.NIK(n)] {
		serial := (int(n[12]-'0')*1000+int(n[13]-'0')*100+int(n[14]-'0')*10+int(n[15]-'0'))%9999 + 1
		copy(n[12:], fmt.Sprintf("%04d", serial))
	}
	delete(g.niks, g.workers[w].NIK)
	g.niks[domain.NIK(n)] = true
	nw := &g.workers[w]
	nw.NIK, nw.Name, nw.BirthDate, nw.Sex, nw.Address = domain.NIK(n), o.Name, o.BirthDate, o.Sex, o.Address
}
