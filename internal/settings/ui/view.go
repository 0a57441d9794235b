package ui

import (
	"errors"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/web/components"
)

// settingsTabs are the tabs of the settings pages.
var settingsTabs = []components.Choice{
	{Value: "/settings", Label: "Ringkasan"},
	{Value: "/settings/rates", Label: "Tarif iuran"},
	{Value: "/settings/benefits", Label: "Manfaat"},
	{Value: "/settings/categories", Label: "Kategori"},
	{Value: "/settings/letterhead", Label: "Kop surat"},
	{Value: "/settings/texts", Label: "Teks laporan"},
	{Value: "/settings/due-date", Label: "Jatuh tempo"},
}

// fieldErrors returns the form messages an error carries, and false when it carries none.
func fieldErrors(err error) (domain.FieldErrors, bool) {
	var fe domain.FieldErrors
	if errors.As(err, &fe) {
		return fe, true
	}
	var refused *domain.ConflictError
	if errors.As(err, &refused) {
		return refused.Fields, true
	}
	return nil, false
}

// parseScaled reads a non-negative decimal with at most places decimals
// ("1", "0,01", "1.5") as an integer scaled by 10^places.
func parseScaled(s string, places int) (int64, bool) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	whole, frac, _ := strings.Cut(strings.ReplaceAll(t, ",", "."), ".")
	if whole == "" || !domain.AllDigits(whole) || len(whole) > 9 || len(frac) > places || (frac != "" && !domain.AllDigits(frac)) {
		return 0, false
	}
	n, _ := strconv.ParseInt(whole, 10, 64)
	f := frac + strings.Repeat("0", places-len(frac))
	m, _ := strconv.ParseInt(f, 10, 64)
	for range places {
		n *= 10
	}
	return n + m, true
}

// formatScaled writes n scaled by 10^places the Indonesian way, without trailing zeros: 100 → "0,01".
func formatScaled(n int64, places int) string {
	s := domain.FormatDecimal(n, pow10(places), places)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ",")
	}
	return s
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

// jkkPercent is a rate's JKK as a percentage of the income: Rp 10.000 of the lowest band is "1".
func jkkPercent(r domain.Rate) string { return formatScaled(int64(r.JKK), 4) }

// incomeMultiple is a benefit's IncomePercent as a multiple of the income: 4800 is "48".
func incomeMultiple(b domain.Benefit) string { return formatScaled(b.IncomePercent, 2) }

// claimTypeChoices are the claim types a benefit rule form offers.
func claimTypeChoices() []components.Choice {
	out := make([]components.Choice, 0, len(domain.ClaimTypes))
	for _, t := range domain.ClaimTypes {
		out = append(out, components.Choice{Value: string(t), Label: t.Name()})
	}
	return out
}
