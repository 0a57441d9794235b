package analysis

import "github.com/cilegon/monev/internal/domain"

// Balance is the contribution-versus-claim balance of one period on one basis.
type Balance struct {
	Period domain.Period
	Basis  domain.Basis
	// Contributions and Claims are the basis's figures, the ones the
	// balance and the claim ratio compare. Cash basis: ContributionsPaid
	// and ClaimsPaid. Accrual basis (earned vs incurred): the iuran due for
	// the coverage months of the period (each month's bill, paid or not;
	// without a bill, what was paid), against the claims whose incident
	// fell in the period, paid or in process (diajukan, diproses) at their
	// amount, rejected ones excluded.
	Contributions domain.Rupiah
	Claims        domain.Rupiah
	// ContributionsPaid sums the paid amounts of payments dated in the period
	// (cash basis: payment/SP2D date; accrual basis: coverage month).
	ContributionsPaid domain.Rupiah
	// ClaimsPaid sums the claims with status dibayar dated in the period
	// (cash basis: payment date; accrual basis: incident date).
	ClaimsPaid  domain.Rupiah
	ClaimsCount int64
	// ActiveWorkers counts workers with an enrollment covering the period's
	// last day, or today when the period has not ended.
	ActiveWorkers int64
}

// Saldo returns contributions minus claims on the basis; negative means
// BPJS paid out (or owes) more than the APBD paid in (or owes).
func (b Balance) Saldo() domain.Rupiah { return b.Contributions - b.Claims }

// ClaimRatio returns claims ÷ contributions on the basis, invalid when there were no contributions.
func (b Balance) ClaimRatio() domain.Ratio {
	return domain.Ratio{Num: int64(b.Claims), Den: int64(b.Contributions)}
}

// Deficit reports whether claims exceeded contributions.
func (b Balance) Deficit() bool { return b.Saldo() < 0 }
