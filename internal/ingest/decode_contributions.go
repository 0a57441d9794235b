package ingest

import "github.com/cilegon/monev/internal/domain"

// decodeContribution parses the current row of a Contributions file into
// d.contribution and reports whether it is valid; every problem is recorded.
func (d *Decoder) decodeContribution() bool {
	p := &d.p
	c := domain.Contribution{SP2D: p.name(cSP2D), Note: p.text(cNote)}
	c.CoverageMonth, _ = p.month(cPeriod)
	if n, ok := p.count(cParticipants); ok {
		c.Participants = &n
	}
	if billed, ok := p.money(cBilled, false); ok {
		c.Billed = &billed
	}
	c.Paid, _ = p.money(cPaid, true)
	c.PaidOn, _ = p.date(cPaidOn, true)
	if !p.valid() {
		return false
	}
	d.contribution = ContributionRow{Line: p.line, Contribution: c}
	return true
}
