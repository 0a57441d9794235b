package ingest

import "github.com/cilegon/monev/internal/domain"

// decodeClaim parses the current row of a Claims file into d.claim and
// reports whether it is valid; every problem is recorded.
func (d *Decoder) decodeClaim() bool {
	p := &d.p
	c := domain.Claim{No: p.name(kNo), Beneficiary: p.name(kBeneficiary), Note: p.text(kNote)}
	c.NIK, _ = p.nik(kNIK)
	c.Type, _ = parseText(p, kType, "", domain.ParseClaimType)
	c.IncidentOn, _ = p.date(kIncident, true)
	c.SubmittedOn, _ = p.date(kSubmitted, false)
	paidOn, paidOK := p.date(kPaidOn, false)
	c.PaidOn = paidOn
	c.Amount, _ = p.money(kAmount, true)
	c.Status, _ = parseText(p, kStatus, "", domain.ParseClaimStatus)

	notBefore(p, kSubmitted, "tanggal pengajuan", c.SubmittedOn, "tanggal kejadian", c.IncidentOn)
	notBefore(p, kPaidOn, "tanggal bayar", c.PaidOn, "tanggal kejadian", c.IncidentOn)
	if paidOK && paidOn.IsZero() && c.Status == domain.ClaimPaid {
		p.fail(kPaidOn, "wajib diisi bila status dibayar")
	}
	if !p.valid() {
		return false
	}
	d.claim = ClaimRow{Line: p.line, Claim: c}
	return true
}
