package domain

import "strings"

// Basis says how a figure assigns money to a period: by payment date (cash) or by what the money is for (accrual).
type Basis string

// The two counting bases; cash is the default and what officials quote.
const (
	BasisCash    Basis = "cash"    // by payment date: SP2D for iuran, payment for claims
	BasisAccrual Basis = "accrual" // by what is paid for: coverage month for iuran, incident date for claims
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
		return "Basis akrual: iuran dihitung menurut bulan kepesertaan yang dibayarnya, klaim menurut tanggal kejadian."
	}
	return "Basis kas: iuran dihitung menurut tanggal bayar (SP2D), klaim menurut tanggal bayar."
}
