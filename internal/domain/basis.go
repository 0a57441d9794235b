package domain

import "strings"

// Basis says how a figure assigns money to a period: by payment date (cash) or by what the money is for (accrual).
type Basis string

// The two counting bases; cash is the default and what officials quote.
const (
	BasisCash    Basis = "cash"    // by payment date: SP2D for iuran, payment for claims
	BasisAccrual Basis = "accrual" // earned vs incurred: iuran due for the coverage months, claims by incident date
)

// ParseBasis reads "cash"/"kas" or "accrual"/"akrual" in any case, optionally after "basis"; "" means BasisCash.
func ParseBasis(s string) (Basis, error) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	t = strings.TrimPrefix(t, "basis ")
	switch t {
	case "", "cash", "kas":
		return BasisCash, nil
	case "accrual", "akrual":
		return BasisAccrual, nil
	}
	return "", Invalidf("basis tidak valid: %s; gunakan kas atau akrual", Quote(s))
}

// Label returns the Indonesian name of the basis, "basis kas" or "basis akrual".
func (b Basis) Label() string {
	if b == BasisAccrual {
		return "basis akrual"
	}
	return "basis kas"
}

// Explain returns one Indonesian sentence saying how the basis counts contributions and claims.
func (b Basis) Explain() string {
	if b == BasisAccrual {
		return "Basis akrual: iuran yang terutang untuk bulan kepesertaan dalam periode (yang ditagih, dibayar atau belum) " +
			"dibandingkan klaim yang terjadi dalam periode menurut tanggal kejadian (dibayar, diajukan atau diproses; yang ditolak tidak dihitung)."
	}
	return "Basis kas: iuran dihitung menurut tanggal bayar (SP2D), klaim menurut tanggal bayar."
}

// ContributionsLabel names the basis's contributions figure: "Iuran dibayar" or "Iuran terutang".
func (b Basis) ContributionsLabel() string {
	if b == BasisAccrual {
		return "Iuran terutang"
	}
	return "Iuran dibayar"
}

// ClaimsLabel names the basis's claims figure: "Klaim dibayar" or "Klaim terjadi".
func (b Basis) ClaimsLabel() string {
	if b == BasisAccrual {
		return "Klaim terjadi"
	}
	return "Klaim dibayar"
}
