package analysis

import "github.com/cilegon/monev/internal/domain"

// Balance is the contribution-versus-claim balance of one period on one basis.
type Balance struct {
	Period domain.Period
	Basis  domain.Basis
	// ContributionsPaid sums the paid amounts of payments dated in the period
	// (cash basis: payment/SP2D date; accrual basis: coverage month).
	ContributionsPaid domain.Rupiah
	// ClaimsPaid sums the claims with status dibayar dated in the period
	// (cash basis: payment date; accrual basis: incident date).
	ClaimsPaid  domain.Rupiah
	ClaimsCount int64
	// ActiveWorkers counts workers with an enrollment covering the period's last day.
	ActiveWorkers int64
}

// Saldo returns contributions minus claims; negative means BPJS paid out more than the APBD paid in.
func (b Balance) Saldo() domain.Rupiah { return b.ContributionsPaid - b.ClaimsPaid }

// ClaimRatio returns claims ÷ contributions, invalid when there were no contributions.
func (b Balance) ClaimRatio() domain.Ratio {
	return domain.Ratio{Num: int64(b.ClaimsPaid), Den: int64(b.ContributionsPaid)}
}

// Deficit reports whether claims exceeded contributions.
func (b Balance) Deficit() bool { return b.Saldo() < 0 }
